/** Discounts as the cashier types them: "10%" is a percentage, "1.50" an amount in the shop's currency. */
import { parsePercent } from './currency';
import { parseLocaleAmount, toLocaleDecimal, toLocalePercent } from './locale-amount';
import type { Discount } from './pricing';

/** Reads a typed discount (amounts as `locale` types them); `null` for an empty field, `undefined` when unreadable. */
export function parseDiscount(text: string, digits: number, locale?: string): Discount | null | undefined {
  const clean = text.trim();
  if (clean === '') return null;
  if (clean.endsWith('%')) {
    const bp = parsePercent(clean.slice(0, -1).trim().replace(',', '.'));
    return bp === null ? undefined : bp === 0 ? null : { kind: 'percent', value: bp };
  }
  const amount = parseLocaleAmount(clean, digits, locale);
  return amount === null ? undefined : amount === 0 ? null : { kind: 'amount', value: amount };
}

/** Writes a discount back as the cashier would type it in `locale`. */
export function formatDiscount(discount: Discount | null, digits: number, locale?: string): string {
  if (!discount) return '';
  return discount.kind === 'percent' ? `${toLocalePercent(discount.value, locale)}%` : toLocaleDecimal(discount.value, digits, locale);
}
