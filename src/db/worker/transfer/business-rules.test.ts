/**
 * The shop's arithmetic on sqlite-wasm in memory: a shop whose sales were rung up through the real processor and
 * handlers adds up, and each change a person or a damaged file could make to one number is found and named.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ResultOf } from '../../protocol';
import { addProduct, emptyCart, type Cart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import { posProcessor, type Call } from '../testing/pos-processor';
import { checkBusinessRules, rulesInWords } from './business-rules';

let call: Call;
let db: Database;

/** Rings up a sale of `lines` paid with `tenders`; returns its receipt number. */
async function sell(lines: [ResultOf<'catalog.save'>, number][], tenders: Cart['tenders'], orderDiscount: Cart['orderDiscount'] = null): Promise<number> {
  let cart = emptyCart(uuidv7());
  for (const [product, qty] of lines) cart = addProduct(cart, product, qty);
  cart = { ...cart, tenders, orderDiscount };
  const total = priceCart(cart.lines, orderDiscount, true).total;
  await call('cart.save', { registerId: 'r1', cart });
  return (await call('sales.commit', { registerId: 'r1', cart, expectedTotal: total })).number;
}

const product = (name: string, barcode: string, price: number, stock: number, taxBp: number) =>
  call('catalog.save', { name, sku: null, barcode, price, taxBp, stock, active: true, categoryId: null });

beforeEach(async () => {
  ({ call, db } = await posProcessor());
  await call('shop.save', { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 });
  const tea = await product('Tea', '111', 250, 10, 2000);
  const bread = await product('Bread', '222', 180, 5, 550);
  await sell([[tea, 2], [bread, 1]], [{ method: 'cash', amount: 1000 }]);
  await sell([[tea, 1], [bread, 3]], [{ method: 'card', amount: 300 }, { method: 'cash', amount: 500 }], { kind: 'percent', value: 1000 });
});

describe('business rules', () => {
  it('find nothing wrong in sales rung up by the till, with discounts, two tax rates and a split payment', () => {
    expect(Number(db.selectValue('SELECT count(*) FROM sales'))).toBe(2);
    expect(checkBusinessRules(db)).toEqual({ problems: [], total: 0 });
  });

  it('find nothing wrong in a Swiss cash sale rounded to 5 centimes, and name its rounding when a payment is off', async () => {
    // A shop of its own: the currency cannot change once sales are recorded.
    ({ call, db } = await posProcessor());
    await call('shop.save', { name: 'Bäckerei', address: 'Bern', phone: '1', taxNumber: 'CHE-1', currency: 'CHF', pricesIncludeTax: true, defaultTaxBp: 260 });
    const brot = await product('Brot', '333', 1233, 10, 260);
    const number = await sell([[brot, 1]], [{ method: 'cash', amount: 2000 }]);
    expect(Number(db.selectValue('SELECT cash_rounding FROM sales WHERE number = ?', [number]))).toBe(2);
    expect(checkBusinessRules(db)).toEqual({ problems: [], total: 0 });
    db.exec({ sql: 'UPDATE sale_payments SET amount = 1233 WHERE sale_id = (SELECT id FROM sales WHERE number = ?)', bind: [number] });
    expect(rulesInWords(checkBusinessRules(db))).toContain(`Sale ${number}: its payments come to`);
    expect(rulesInWords(checkBusinessRules(db))).toContain('its total with its cash rounding is');
  });

  it.each([
    ['a tax band’s net', 'UPDATE sale_taxes SET net = 8375 WHERE sale_id = (SELECT id FROM sales WHERE number = 2) AND tax_bp = 2000', 'Sale 2', 'the net and the tax of a tax band do not add up'],
    ['a line’s amount', 'UPDATE sale_lines SET amount = amount + 100 WHERE sale_id = (SELECT id FROM sales WHERE number = 1) AND line_no = 1', 'Sale 1', 'its lines come to €7.80 but its subtotal less discounts is €6.80'],
    ['a payment', 'UPDATE sale_payments SET amount = 1 WHERE sale_id = (SELECT id FROM sales WHERE number = 2) AND seq = 1', 'Sale 2', 'its payments come to'],
    ['the change', 'UPDATE sales SET change_due = 0 WHERE number = 1', 'Sale 1', 'its change is €0.00 but what was handed over less what was to pay is €3.20'],
    ['a total', 'UPDATE sales SET total = total + 1 WHERE number = 1', 'Sale 1', 'its tax bands come to €6.80 but its total is €6.81'],
    ['a stock', "UPDATE products SET stock = 99 WHERE name = 'Tea'", 'Product “Tea”', 'its stock says 99 but its stock movements add up to 7'],
    ['a stock movement', "DELETE FROM stock_movements WHERE id = (SELECT max(id) FROM stock_movements WHERE product_id = (SELECT id FROM products WHERE name = 'Bread'))", 'Product “Bread”', 'its stock says 1 but its stock movements add up to 4'],
  ])('name the sale or product when %s no longer adds up', (_what, sql, subject, problem) => {
    db.exec(`PRAGMA foreign_keys = OFF; ${sql}`);
    const check = checkBusinessRules(db);
    expect(check.total).toBe(1);
    expect(check.problems[0]?.subject).toContain(subject);
    expect(check.problems[0]?.problem).toContain(problem);
    expect(rulesInWords(check)).toBe(`${check.problems[0]?.subject}: ${check.problems[0]?.problem}`);
  });

  it('name the first three and count the rest', () => {
    db.exec("UPDATE products SET stock = stock + 1; UPDATE sales SET change_due = change_due + 1");
    const check = checkBusinessRules(db);
    expect(check.total).toBe(4);
    expect(check.problems.map((p) => p.subject)).toEqual(['Sale 1', 'Sale 2', expect.stringContaining('Product “Tea”')]);
    expect(rulesInWords(check)).toMatch(/\(and 1 more\)$/);
  });
});
