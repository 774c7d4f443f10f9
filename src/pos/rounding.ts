/**
 * Integer rounding for money. Every amount is an integer number of minor units (cents); a division that does not
 * come out even is rounded ONCE, at a documented place, with one rule.
 *
 * The rule is half-up, meaning half away from zero: 0.5 cent becomes 1 cent and -0.5 cent becomes -1 cent. It is
 * what shoppers and most tax authorities expect on a till receipt (EU VAT guidance, UK HMRC "round half up"), and
 * applying it symmetrically keeps a refund the exact mirror of its sale. Banker's rounding (half to even) is
 * better for long statistical sums, which a receipt is not.
 */

/** `numerator / denominator` rounded half away from zero. Both are integers; `denominator` is positive. */
export function divRound(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divRound needs safe integers and a positive denominator (got ${numerator} / ${denominator})`);
  }
  const magnitude = Math.abs(numerator);
  let quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  if (remainder * 2 >= denominator) quotient += 1;
  return numerator < 0 ? -quotient : quotient;
}

/** `amount × basisPoints / 10 000`, rounded half away from zero: a percentage (basis points) of an amount. */
export function percentOf(amount: number, basisPoints: number): number {
  return divRound(amount * basisPoints, 10_000);
}

/**
 * Splits `total` over `weights` in proportion, so that the parts are integers summing exactly to `total`
 * (largest remainder method; ties go to the earlier weight). Used to spread an order discount over lines.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, rest: (total * w) % sum }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}
