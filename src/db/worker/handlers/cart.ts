/**
 * The register's cart, kept in the database on every change so a reload or a crashed tab does not lose it. Each
 * tab is its own register; a cart a closed tab left behind is offered to the next register that opens.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { CartHandlers, LeftCart } from '../../protocol/cart';
import { isCart, type Cart } from '../../../pos/cart';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { refuseSavedSale } from './sale-identity';
import { findSale, saleStatements } from './sale-store';

function readCart(db: Database, registerId: string): Cart | null {
  const content = db.selectValue('SELECT content FROM carts WHERE register_id = ?', [registerId]);
  if (content === undefined) return null;
  const cart: unknown = JSON.parse(String(content));
  return isCart(cart) ? cart : null;
}

/** `cart.*` handlers. */
export const cartHandlers = {
  'cart.get': { kind: 'query', run: ({ db }, { registerId }) => readCart(db, registerId) },
  'cart.save': {
    kind: 'mutation',
    // Not announced: the register that saves holds the cart; other views do not show it.
    changes: [],
    run: ({ db }, { registerId, cart }) => {
      if (!registerId || !isCart(cart)) throw new HandlerError('invalid', 'The cart is not valid.');
      // A cart whose sale was already recorded must not come back, nor be reported as saved.
      if (saleStatements(db).value('saleExists', [cart.saleId]) !== undefined) refuseSavedSale(findSale(db, { id: cart.saleId })?.number ?? 0);
      const savedAt = new Date().toISOString();
      db.exec({
        sql: `INSERT INTO carts (register_id, content, updated_at) VALUES (?, ?, ?)
              ON CONFLICT (register_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at`,
        bind: [registerId, JSON.stringify(cart), savedAt],
      });
      return { savedAt };
    },
  },
  'cart.left': {
    kind: 'query',
    run: ({ db }, { exclude }) => {
      const left: LeftCart[] = [];
      for (const row of db.selectObjects('SELECT register_id, content, updated_at FROM carts ORDER BY updated_at DESC')) {
        const registerId = String(row.register_id);
        if (exclude.includes(registerId)) continue;
        const cart: unknown = JSON.parse(String(row.content));
        // An empty cart is nothing to offer; a cart whose sale was recorded meanwhile is done.
        if (!isCart(cart) || cart.lines.length === 0) continue;
        if (saleStatements(db).value('saleExists', [cart.saleId]) !== undefined) continue;
        left.push({ registerId, cart, updatedAt: String(row.updated_at) });
      }
      return left;
    },
  },
  'cart.takeOver': {
    kind: 'mutation',
    changes: [],
    run: ({ db }, { from, to }) => {
      if (!from || !to || from === to) throw new HandlerError('invalid', 'Choose another register\'s cart to take over.');
      if ((readCart(db, to)?.lines.length ?? 0) > 0) {
        throw new HandlerError('conflict', 'This register already has items in its cart: complete or clear that sale first.');
      }
      const cart = readCart(db, from);
      if (!cart) return null; // another window took it first
      // Moved in one transaction: the cart is never in two registers, so it can never be sold twice.
      db.exec({ sql: 'DELETE FROM carts WHERE register_id IN (?, ?)', bind: [from, to] });
      db.exec({
        sql: 'INSERT INTO carts (register_id, content, updated_at) VALUES (?, ?, ?)',
        bind: [to, JSON.stringify(cart), new Date().toISOString()],
      });
      return cart;
    },
  },
  'cart.discard': {
    kind: 'mutation',
    changes: [],
    run: ({ db }, { registerId }) => {
      const before = db.selectValue('SELECT count(*) FROM carts WHERE register_id = ?', [registerId]);
      db.exec({ sql: 'DELETE FROM carts WHERE register_id = ?', bind: [registerId] });
      return { discarded: Number(before) > 0 };
    },
  },
} satisfies HandlerImpls<CartHandlers>;
