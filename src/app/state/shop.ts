/**
 * The shop's settings as a signal, kept fresh across tabs, and the money formatter every view uses.
 */
import { signal } from '@preact/signals';
import type { Shop } from '../../pos/shop';
import { currencyDigits, formatMoney, formatPercent } from '../../pos/currency';
import { cashStep } from '../../pos/cash-rounding';
import { db } from '../db';

/** The shop; `undefined` while loading, `null` before the first-run setup. */
export const shop = signal<Shop | null | undefined>(undefined);

async function load(): Promise<void> {
  try {
    shop.value = await db().send('shop.get', {});
  } catch {
    // The status bar and the fatal screen explain a database that does not answer.
  }
}

/** Loads the shop now and again whenever any tab changes it. Called once at boot. */
export function watchShop(): void {
  void load();
  db().onChanged((topics) => {
    if (topics.includes('shop') || topics.includes('all')) void load();
  });
}

/** The shop's currency (EUR until the shop is set up, which never shows an amount). */
export function currency(): string {
  return shop.value?.currency ?? 'EUR';
}

/**
 * The locale the app shows, reads and prints amounts, dates and times in: the shop's own setting, else the
 * browser's. Every view and the receipt read it from here.
 */
export function locale(): string {
  return shop.value?.locale || navigator.language || 'en-GB';
}

/** The coin the shop rounds cash to, in minor units (1: no rounding); see pos/cash-rounding.ts. */
export function cashRoundingStep(): number {
  return cashStep(currency(), shop.value?.cashStep);
}

/** `minor` units of the shop's currency, formatted for the shop's locale. */
export function money(minor: number): string {
  return formatMoney(minor, currency(), locale());
}

/** Basis points as a percentage in the shop's locale: 550 → "5,5 %" in de-DE. */
export function percent(bp: number): string {
  return formatPercent(bp, locale());
}

/** A UTC timestamp as a date and time in the shop's locale. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(locale());
}

/** A UTC timestamp as a date in the shop's locale. */
export function dateOnly(iso: string): string {
  return new Date(iso).toLocaleDateString(locale());
}

/** A UTC timestamp as a time of day in the shop's locale. */
export function timeOnly(iso: string): string {
  return new Date(iso).toLocaleTimeString(locale());
}

/** The number of minor digits of the shop's currency. */
export function digits(): number {
  return currencyDigits(currency());
}
