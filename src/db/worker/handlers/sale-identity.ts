/**
 * A sale's id is made by the register when its cart starts, so that a commit sent again (after a hand-over, a
 * reload, a timeout) finds the sale it already made instead of recording it twice. The same id must never stand
 * for two different sales: a commit under an id already used by another cart is refused, never answered with
 * the other sale's receipt.
 */
import type { SaleDetail } from '../../../pos/sale';
import type { Cart } from '../../../pos/cart';
import { cashStep } from '../../../pos/cash-rounding';
import { settle } from '../../../pos/payments';
import { HandlerError } from '../runtime/errors';

/** As the receipt prints it. */
const saleNumberLabel = (number: number): string => `Sale no. ${String(number).padStart(6, '0')}`;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether `recorded` is the sale `cart` describes: the same lines, discounts, total and payments. */
export function isSameSale(recorded: SaleDetail, cart: Cart, expectedTotal: number): boolean {
  if (recorded.total !== expectedTotal || recorded.lines.length !== cart.lines.length) return false;
  if (!same(recorded.orderDiscount, cart.orderDiscount)) return false;
  const linesMatch = cart.lines.every((line, i) => {
    const r = recorded.lines[i]!;
    return r.productId === line.productId && r.quantity === line.quantity && r.unitPrice === line.unitPrice && same(r.lineDiscount, line.discount);
  });
  if (!linesMatch) return false;
  // Settled as it was recorded: with the shop's cash rounding of the time (none before the setting existed).
  const step = recorded.shop.cashStep === undefined ? 1 : cashStep(recorded.currency, recorded.shop.cashStep);
  const applied = settle(recorded.total, cart.tenders, step).applied;
  return same(
    applied.map((p) => [p.method, p.amount, p.tendered]),
    recorded.payments.map((p) => [p.method, p.amount, p.tendered]),
  );
}

/**
 * The answer to a commit whose sale id is already recorded: that sale when it is this cart's (a repeated commit),
 * else a refusal that names the sale and says what to do. `detail.reason` is `sale-id-used`, so the register can
 * give its cart a fresh id.
 */
export function repeatedCommit(recorded: SaleDetail, cart: Cart, expectedTotal: number): SaleDetail {
  if (isSameSale(recorded, cart, expectedTotal)) return recorded;
  throw new HandlerError(
    'conflict',
    `This cart was not recorded: ${saleNumberLabel(recorded.number)} was already completed under its id with other items (in another window). ` +
      'Nothing is lost: check the cart and complete the sale again to record it as a new sale.',
    { reason: 'sale-id-used', number: recorded.number },
  );
}

/** Refuses saving a cart whose sale is already recorded: the screen must not say "Cart saved" for it. */
export function refuseSavedSale(number: number): never {
  throw new HandlerError(
    'conflict',
    `${saleNumberLabel(number)} was already completed with this cart's id. The cart was not saved; it continues as a new sale.`,
    { reason: 'sale-id-used', number },
  );
}
