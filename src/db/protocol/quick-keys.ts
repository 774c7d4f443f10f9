/** `quickKeys.*`: the register's favourites grid, by category tab. */
import type { Product } from '../../pos/product';

/** A product on a quick key; `pinned` when the owner put it there (else it is there for selling well). */
export interface QuickKey extends Product {
  pinned: boolean;
}

/** A category tab: a top-level category with products on sale. */
export interface QuickKeyTab {
  id: number;
  name: string;
}

/** `quickKeys.*`: the register's favourites grid, by category tab. */
export interface QuickKeyHandlers {
  /**
   * Up to 24 keys for the tab (`categoryId`: a top-level category and everything under it; null: all): the
   * pinned products in the owner's order, then those sold most in the last 90 days, then the rest by name; and
   * the tabs, and every pinned product id in order.
   */
  'quickKeys.get': (args: { categoryId: number | null }) => { keys: QuickKey[]; tabs: QuickKeyTab[]; pinned: number[] };
  /** Replaces the pinned products with `productIds`, in that order (at most 200). */
  'quickKeys.set': (args: { productIds: number[] }) => { pinned: number[] };
}
