/** The register's cart, kept in the database on every change so a reload or a crashed tab does not lose it. */
import type { CartHandlers } from '../../protocol/cart';
import { isCart } from '../../../pos/cart';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { saleStatements } from './sale-store';

/** `cart.*` handlers. */
export const cartHandlers = {
  'cart.get': {
    kind: 'query',
    run: ({ db }, { registerId }) => {
      const content = db.selectValue('SELECT content FROM carts WHERE register_id = ?', [registerId]);
      if (content === undefined) return null;
      const cart: unknown = JSON.parse(String(content));
      return isCart(cart) ? cart : null;
    },
  },
  'cart.save': {
    kind: 'mutation',
    // Not announced: the register that saves holds the cart; other views do not show it.
    changes: [],
    run: ({ db }, { registerId, cart }) => {
      if (!registerId || !isCart(cart)) throw new HandlerError('invalid', 'The cart is not valid.');
      // A cart whose sale was already recorded (a save that raced the commit) must not come back.
      if (saleStatements(db).value('saleExists', [cart.saleId]) !== undefined) return { savedAt: '' };
      const savedAt = new Date().toISOString();
      db.exec({
        sql: `INSERT INTO carts (register_id, content, updated_at) VALUES (?, ?, ?)
              ON CONFLICT (register_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at`,
        bind: [registerId, JSON.stringify(cart), savedAt],
      });
      return { savedAt };
    },
  },
} satisfies HandlerImpls<CartHandlers>;
