/**
 * Quick cash buttons from the notes a customer of that currency actually carries: for €13.50 the buttons are
 * €13.50 (exact), €15 (a ten and a five), €20, €50, €100; for ¥1,350 they are ¥1,350, ¥2,000, ¥5,000, ¥10,000.
 */

/** Banknotes in circulation, in minor units of each currency (the common ones; others fall back). */
const NOTES: Record<string, number[]> = {
  EUR: [500, 1000, 2000, 5000, 10000, 20000],
  USD: [100, 500, 1000, 2000, 5000, 10000],
  GBP: [500, 1000, 2000, 5000],
  CHF: [1000, 2000, 5000, 10000, 20000],
  JPY: [1000, 2000, 5000, 10000],
  SEK: [2000, 5000, 10000, 20000, 50000],
  NOK: [5000, 10000, 20000, 50000],
  DKK: [5000, 10000, 20000, 50000],
  PLN: [1000, 2000, 5000, 10000, 20000],
  CZK: [10000, 20000, 50000, 100000],
  CAD: [500, 1000, 2000, 5000, 10000],
  AUD: [500, 1000, 2000, 5000, 10000],
  INR: [1000, 2000, 5000, 10000, 20000, 50000],
};

/** The notes of `currency` in minor units, smallest first; for a currency not listed, round steps of the unit. */
export function cashNotes(currency: string, minorDigits: number): number[] {
  const unit = 10 ** minorDigits;
  return NOTES[currency] ?? [5, 10, 20, 50, 100].map((n) => n * unit);
}

/**
 * Amounts worth a button when `due` is paid in cash: the exact amount, then each note's multiple just above it
 * (what a customer hands over), ascending, at most `max`.
 */
export function quickCashFromNotes(due: number, currency: string, minorDigits: number, max = 5): number[] {
  if (due <= 0) return [];
  const amounts = new Set<number>([due]);
  for (const note of cashNotes(currency, minorDigits)) amounts.add(Math.ceil(due / note) * note);
  return [...amounts].sort((a, b) => a - b).slice(0, max);
}

/** Coins in circulation, in minor units (EUR, GBP: 1 cent/penny to 2; CHF from 5 rappen; USD to the dollar coin). */
const COINS: Record<string, number[]> = {
  EUR: [1, 2, 5, 10, 20, 50, 100, 200],
  USD: [1, 5, 10, 25, 50, 100],
  GBP: [1, 2, 5, 10, 20, 50, 100, 200],
  CHF: [5, 10, 20, 50, 100, 200, 500],
  JPY: [1, 5, 10, 50, 100, 500],
  SEK: [100, 200, 500, 1000],
  NOK: [100, 500, 1000, 2000],
  DKK: [50, 100, 200, 500, 1000, 2000],
  PLN: [1, 2, 5, 10, 20, 50, 100, 200, 500],
  CZK: [100, 200, 500, 1000, 2000, 5000],
  CAD: [5, 10, 25, 100, 200],
  AUD: [5, 10, 20, 50, 100, 200],
  INR: [100, 200, 500, 1000, 2000],
};

/** A note or coin of a currency, as the drawer count lists it. */
export interface Denomination {
  value: number;
  kind: 'note' | 'coin';
}

/**
 * Every note and coin of `currency` a drawer holds, largest first, for counting it at close; for a currency not
 * listed, the fallback notes and coins of 1, 2, 5, 10, 20 and 50 minor units (or units, without minor digits).
 */
export function cashDenominations(currency: string, minorDigits: number): Denomination[] {
  const coins = COINS[currency] ?? (minorDigits === 0 ? [1, 2, 5, 10, 50, 100] : [1, 2, 5, 10, 20, 50].map((n) => n * 10 ** (minorDigits - 2)).filter((n) => n >= 1));
  return [
    ...cashNotes(currency, minorDigits).map((value) => ({ value, kind: 'note' as const })),
    ...coins.map((value) => ({ value, kind: 'coin' as const })),
  ].sort((a, b) => b.value - a.value);
}
