/**
 * Cash rounding: where the smallest coin is larger than the smallest unit (Switzerland's 5 centimes, Denmark's
 * 50 øre), a cash total is rounded to the nearest coin; card payments are charged exactly. The difference is a
 * line of its own on the receipt ("Rounding −0.02").
 */

/** The smallest coin in minor units where it is larger than 1; these currencies round cash totals. */
export const CASH_ROUNDING_STEP: Readonly<Record<string, number>> = { CHF: 5, DKK: 50, SEK: 100, NOK: 100 };

/** The step a shop rounds cash to: its own setting when it has one, else its currency's custom (1: none). */
export function cashStep(currency: string, shopStep?: number | null): number {
  return shopStep ?? CASH_ROUNDING_STEP[currency] ?? 1;
}

/** `minor` rounded to the nearest multiple of `step` (halves up, as Swiss shops round 0.025 to 0.05). */
export function roundCash(minor: number, step: number): { total: number; rounding: number } {
  if (step <= 1) return { total: minor, rounding: 0 };
  const total = Math.floor((minor + step / 2) / step) * step;
  return { total, rounding: total - minor };
}
