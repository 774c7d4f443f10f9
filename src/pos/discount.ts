/** Discounts as the cashier types them: "10%" is a percentage, "1.50" an amount in the shop's currency. */
import { parseDecimal, parsePercent, toDecimal } from './currency';
import type { Discount } from './pricing';

/** Reads a typed discount; `null` for an empty field, `undefined` when it cannot be read. */
export function parseDiscount(text: string, digits: number): Discount | null | undefined {
  const clean = text.trim();
  if (clean === '') return null;
  if (clean.endsWith('%')) {
    const bp = parsePercent(clean.slice(0, -1));
    return bp === null ? undefined : bp === 0 ? null : { kind: 'percent', value: bp };
  }
  const amount = parseDecimal(clean, digits);
  return amount === null ? undefined : amount === 0 ? null : { kind: 'amount', value: amount };
}

/** Writes a discount back as the cashier would type it. */
export function formatDiscount(discount: Discount | null, digits: number): string {
  if (!discount) return '';
  return discount.kind === 'percent' ? `${discount.value / 100}%` : toDecimal(discount.value, digits);
}
