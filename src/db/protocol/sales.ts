/** `sales.*`: completing a sale and finding it again. */
import type { Cart } from '../../pos/cart';
import type { SaleDetail, SaleSummary } from '../../pos/sale';

/** `sales.*`: completing a sale and finding it again. */
export interface SalesHandlers {
  /**
   * Records the cart as a sale in one transaction: the sale, its number, lines, tax, payments and stock, and
   * clears the register's cart. Calling it again with the same `cart.saleId` returns the sale already made.
   */
  'sales.commit': (args: {
    registerId: string;
    cart: Cart;
    expectedTotal: number;
    /** Who is signed in at the till (recorded as who rang it up), or null. */
    staffId?: number | null;
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
