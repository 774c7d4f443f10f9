/**
 * Currencies: how many minor digits an ISO 4217 code has, and how amounts are shown and typed.
 * Amounts are shown with Intl.NumberFormat in the locale the caller gives (the shop's; the browser's without).
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** True for a well-formed, known ISO 4217 code (three letters the runtime knows). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency');
  return supported ? supported.includes(code) : true;
}

/** The number of minor digits: EUR 2, JPY 0, BHD 3. */
export function currencyDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Shows `minor` units of `currency`, e.g. 1250 EUR → "€12.50" (in `locale`; the browser's without). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  return formatterFor(currency, locale).format(minor / 10 ** currencyDigits(currency));
}

/**
 * Shows a difference with its sign before the amount: 2 CHF → "+CHF 0.02", −2 → "−CHF 0.02", 0 → "CHF 0.00".
 * (Intl's own `signDisplay` puts the sign between the symbol and the digits in some locales: "CHF+0.02".)
 */
export function formatSignedMoney(minor: number, currency: string, locale?: string): string {
  const sign = minor > 0 ? '+' : minor < 0 ? '−' : '';
  return `${sign}${formatMoney(Math.abs(minor), currency, locale)}`;
}

/** Shows `minor` as a plain decimal for an input field or a CSV: 1250 EUR → "12.50". */
export function toDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/**
 * Reads a typed decimal amount ("12", "12.5", "12,50") as minor units; null when it is not a plain amount or
 * has more decimals than the currency allows. Never goes through floating point.
 */
export function parseDecimal(text: string, digits: number, allowNegative = false): number | null {
  const match = /^\s*(-)?(\d{1,13})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  if (minus && !allowNegative) return null;
  if (fraction.length > digits) return null;
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minus ? -value : value;
}

/** Reads a percentage ("20", "12.5") as basis points (2000, 1250); null when malformed or above `max` %. */
export function parsePercent(text: string, max = 100): number | null {
  const bp = parseDecimal(text, 2);
  return bp === null || bp > max * 100 ? null : bp;
}

/** Shows basis points as a percentage: 2000 → "20 %", 1250 → "12.5 %" ("12,5 %" in de-DE; `locale`, else the browser's). */
export function formatPercent(bp: number, locale?: string): string {
  return `${(bp / 100).toLocaleString(locale, { maximumFractionDigits: 2 })} %`;
}
