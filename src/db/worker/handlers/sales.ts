/**
 * Completing a sale and finding it again. A sale is recorded by ONE mutation, so the sale, its number, lines,
 * tax bands, payments, stock movements and the clearing of the cart commit together or not at all. The tables
 * are the lean schema's (migration 0003), read and written in `sale-store.ts` and `sale-record.ts`.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { SalesHandlers } from '../../protocol/sales';
import type { SaleDetail } from '../../../pos/sale';
import type { Cart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import { settle } from '../../../pos/payments';
import { cashStep } from '../../../pos/cash-rounding';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { recordSale } from './sale-record';
import { currentShop, findSale, isSaleUuid, listSales, saleStatements, stockOf } from './sale-store';
import { repeatedCommit } from './sale-identity';
import { ringingUp } from '../staff/sign-in';

/** The sale with this id (or number) and everything its receipt prints; null when there is none. */
export function readSale(db: Database, by: { id?: string; number?: number }): SaleDetail | null {
  return findSale(db, by);
}

/**
 * Records `cart` as a sale at `at` (UTC milliseconds; see the module comment). A repeated commit returns the sale
 * already made; another cart under a recorded id is refused (see `sale-identity.ts`).
 */
export function commitSale(
  db: Database,
  registerId: string,
  cart: Cart,
  expectedTotal: number,
  at: number,
  staff: { id: number; name: string } | null = null,
): SaleDetail {
  const st = saleStatements(db);
  if (typeof cart.saleId !== 'string' || !isSaleUuid(cart.saleId)) throw new HandlerError('invalid', 'The sale has no valid id.');
  if (st.value('saleExists', [cart.saleId]) !== undefined) return repeatedCommit(findSale(db, { id: cart.saleId }) as SaleDetail, cart, expectedTotal);
  const shop = currentShop(st);
  if (!shop) throw new HandlerError('invalid', 'Set up the shop first (name, currency and tax).');
  if (cart.lines.length === 0) throw new HandlerError('invalid', 'The cart is empty.');
  // One read per line both proves the product is still there and gives its catalogue price (a line sold at
  // another price keeps it beside, see `recordSale`).
  const listPrices = cart.lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new HandlerError('invalid', `The quantity of ${line.name} must be a whole number above zero.`);
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) throw new HandlerError('invalid', `The price of ${line.name} is not valid.`);
    const price = st.value('productPrice', [line.productId]);
    if (price === undefined) throw new HandlerError('not-found', `${line.name} is no longer in the catalogue.`);
    return Number(price);
  });
  const totals = priceCart(cart.lines, cart.orderDiscount, shop.pricesIncludeTax);
  if (totals.total !== expectedTotal) {
    throw new HandlerError('conflict', 'The total changed while paying: check the cart and take the payment again.', { total: totals.total });
  }
  const settlement = settle(totals.total, cart.tenders, cashStep(shop.currency, shop.cashStep));
  if (settlement.error) throw new HandlerError('invalid', settlement.error);
  if (!settlement.complete) throw new HandlerError('invalid', 'The payments do not cover the total yet.', { remaining: settlement.remaining });
  return recordSale(db, { registerId, cart, totals, settlement, shop, at, staff, listPrices });
}

/** `sales.*` handlers. */
export const salesHandlers = {
  'sales.commit': {
    kind: 'mutation',
    // Only its products' stock changes in the catalogue: the announcement carries it, so the register patches the
    // rows it shows instead of reading its list again in front of the next sale (see `protocol/changes.ts`).
    changes: ['sales', 'stock', 'cart'],
    // Who rang it up is who is signed in at the calling till (staff/sign-in.ts), whatever the call says.
    run: ({ db, signedIn }, { registerId, cart, expectedTotal }) =>
      commitSale(db, registerId, cart, expectedTotal, Date.now(), ringingUp(db, signedIn, 'ring up a sale')),
    detail: ({ db }, _args, sale) => ({ stock: stockOf(db, sale.lines.flatMap((line) => (line.productId === null ? [] : [line.productId]))) }),
    // A retried request reads its receipt back from the sale it made: the request ledger keeps no copy of it.
    replay: ({ db }, { cart }) => {
      const sale = findSale(db, { id: cart.saleId });
      if (!sale) throw new HandlerError('not-found', 'This sale was not recorded: ring it up again.');
      return sale;
    },
  },
  'sales.list': {
    kind: 'query',
    run: ({ db }, { from, to, number, total, limit }) => listSales(db, { from, to, number, total }, limit),
  },
  'sales.get': { kind: 'query', run: ({ db }, by) => readSale(db, by) },
} satisfies HandlerImpls<SalesHandlers>;
