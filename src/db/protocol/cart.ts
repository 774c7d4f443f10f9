/** `cart.*`: the register's cart. */
import type { Cart } from '../../pos/cart';

/** `cart.*`: the register's cart, kept in the database until its sale completes. */
export interface CartHandlers {
  'cart.get': (args: { registerId: string }) => Cart | null;
  'cart.save': (args: { registerId: string; cart: Cart }) => { savedAt: string };
}
