/**
 * The shop's settings as a signal, kept fresh across tabs, and the money formatter every view uses.
 */
import { signal } from '@preact/signals';
import type { Shop } from '../../pos/shop';
import { currencyDigits, formatMoney } from '../../pos/currency';
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

/** `minor` units of the shop's currency, formatted for the browser's locale. */
export function money(minor: number): string {
  return formatMoney(minor, currency());
}

/** The number of minor digits of the shop's currency. */
export function digits(): number {
  return currencyDigits(currency());
}
