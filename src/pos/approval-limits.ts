/**
 * When a sale needs a manager's or the owner's PIN before it is recorded: a line sold below the catalogue's price
 * (a price override), or discounts, line and order together, above the shop's limit as a share of what they are
 * taken off. Pure, so the worker's approval step and its tests use the same rule.
 */
import type { Cart } from './cart';
import { priceCart } from './pricing';

/** What the rule needs of the catalogue: a product's current price, or undefined when it is not found. */
export type CatalogPrice = (productId: number) => number | undefined;

/** Why `cart` needs an approval, in words that end "… is needed to <this>", or null when it needs none. */
export function saleApprovalNeed(cart: Cart, pricesIncludeTax: boolean, limitBp: number, priceOf: CatalogPrice): string | null {
  for (const line of cart.lines) {
    const price = priceOf(line.productId);
    if (price !== undefined && line.unitPrice < price) return `sell ${line.name} below its catalogue price`;
  }
  const totals = priceCart(cart.lines, cart.orderDiscount, pricesIncludeTax);
  // Integer comparison (discount / subtotal > limit / 10 000) without a rounded division.
  if (totals.discountTotal > 0 && totals.discountTotal * 10_000 > limitBp * totals.subtotal) {
    return `give a discount above ${limitBp / 100} %`;
  }
  return null;
}
