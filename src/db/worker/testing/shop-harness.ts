/**
 * A set-up shop for unit tests of the reports: the real processor over a migrated in-memory database
 * (`pos-processor.ts`), the test shop saved, and a way to ring up a sale as the register does.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ResultOf } from '../../protocol';
import { addProduct, emptyCart, type Cart, type SellableProduct } from '../../../pos/cart';
import { priceCart, type Discount } from '../../../pos/pricing';
import { posProcessor, type Call } from './pos-processor';

export type { Call } from './pos-processor';

/** The test shop: EUR, prices include tax. */
export const TEST_SHOP = { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 };

/** Opens a migrated in-memory shop and returns its database, `call` and `ring`. */
export async function openShop(): Promise<{
  db: Database;
  call: Call;
  ring: (lines: [SellableProduct, number][], tenders: Cart['tenders'], orderDiscount?: Discount | null) => Promise<ResultOf<'sales.commit'>>;
}> {
  const { db, call } = await posProcessor();
  await call('shop.save', TEST_SHOP);
  const ring = async (lines: [SellableProduct, number][], tenders: Cart['tenders'], orderDiscount: Discount | null = null) => {
    let cart = emptyCart(uuidv7());
    for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
    cart = { ...cart, orderDiscount, tenders };
    return call('sales.commit', { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, orderDiscount, true).total });
  };
  return { db, call, ring };
}

/**
 * A whole refund of sale `number` at `at` (UTC ms), written as the schema stores refunds (kind 'refund', negative
 * amounts, linked to the sale, paid back in cash): the refunds handler is not the reports' module, and the reports
 * must count its rows.
 */
export function writeRefund(db: Database, number: number, at: number): void {
  const id = Number(db.selectValue(`INSERT INTO sales (uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency,
      prices_include_tax, subtotal, discount_total, order_discount, tax_total, total, paid, change_due)
    SELECT randomblob(16), (SELECT max(number) + 1 FROM sales), 'refund', id, ?, register_id, shop_details_id, currency,
      prices_include_tax, -subtotal, -discount_total, NULL, -tax_total, -total, -total, 0 FROM sales WHERE number = ? RETURNING id`, [at, number]));
  const of = `(SELECT id FROM sales WHERE number = ${number})`;
  db.exec(`INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount)
    SELECT ${id}, line_no, item_id, -quantity, NULL, -discount, -amount FROM sale_lines WHERE sale_id = ${of}`);
  db.exec(`INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) SELECT ${id}, tax_bp, -net, -tax, -gross FROM sale_taxes WHERE sale_id = ${of}`);
  db.exec(`INSERT INTO sale_payments (sale_id, seq, method, amount, tendered)
    SELECT ${id}, 1, 'cash', -(SELECT total FROM sales WHERE id = ${of}), -(SELECT total FROM sales WHERE id = ${of})`);
}
