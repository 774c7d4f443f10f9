/** `cart.*`: the register's cart. */
import type { Cart } from '../../pos/cart';

/** `cart.*`: the register's cart, kept in the database until its sale completes. */
export interface CartHandlers {
  'cart.get': (args: { registerId: string }) => Cart | null;
  /** Refused (`conflict`, `detail.reason` `sale-id-used`) when the cart's sale is already recorded. */
  'cart.save': (args: { registerId: string; cart: Cart }) => { savedAt: string };
  /** Carts with items that other registers (tabs) left, newest first, leaving out the registers in `exclude`. */
  'cart.left': (args: { exclude: string[] }) => LeftCart[];
  /** Moves the cart `from` left to register `to` (which must have no items); returns it, or null if gone. */
  'cart.takeOver': (args: { from: string; to: string }) => Cart | null;
  /** Throws away the cart register `registerId` left. */
  'cart.discard': (args: { registerId: string }) => { discarded: boolean };
}

/** A cart another register left behind (its tab was closed or crashed before the sale was completed). */
export interface LeftCart {
  registerId: string;
  cart: Cart;
  updatedAt: string;
}
