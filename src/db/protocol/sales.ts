/** `sales.*`: completing a sale and finding it again. */
import type { Cart } from '../../pos/cart';
import type { SaleDetail, SaleSummary } from '../../pos/sale';

/** `sales.*`: completing a sale and finding it again. */
export interface SalesHandlers {
  /**
   * Records the cart as a sale in one transaction: the sale, its number, lines, tax, payments and stock, and
   * clears the register's cart. Calling it again with the same `cart.saleId` returns the sale already made. Who
   * rang it up is who is signed in at the calling till (the call's sign-in token); refused with `signed-out` when
   * the shop has staff and no one is signed in there.
   */
  'sales.commit': (args: {
    registerId: string;
    cart: Cart;
    expectedTotal: number;
  }) => SaleDetail;
  /**
   * Sales newest first: between two UTC instants (from inclusive, to exclusive) when given, and with this
   * number or this total when given.
   */
  'sales.list': (args: { from?: string; to?: string; number?: number; total?: number; limit: number }) => {
    sales: SaleSummary[];
    count: number;
    sum: number;
  };
  'sales.get': (args: { id?: string; number?: number }) => SaleDetail | null;
}
