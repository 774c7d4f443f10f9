/**
 * Quick keys through the real handlers on in-memory sqlite-wasm: without arranging, the best sellers come first
 * and the rest by name; pinned products lead in the owner's order; a category tab shows its own subtree; inactive
 * products never show, out-of-stock ones do; a bad list is refused and changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { addProduct, emptyCart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import type { Product } from '../../../pos/product';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { posProcessor, type Call } from '../testing/pos-processor';
import { QUICK_KEYS, readKeys } from './quick-keys';

let call: Call;
let db: Database;
const names = async (categoryId: number | null = null) => (await call('quickKeys.get', { categoryId })).keys.map((k) => k.name);

async function product(name: string, categoryId: number | null, stock = 10, active = true) {
  return call('catalog.save', { name, sku: null, barcode: null, price: 300, taxBp: 0, stock, active, categoryId });
}

async function sell(p: Product, quantity: number) {
  const cart = { ...addProduct(emptyCart(uuidv7()), p, quantity), tenders: [{ method: 'card' as const, amount: 300 * quantity }] };
  await call('sales.commit', { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, null, true).total });
}

beforeEach(async () => {
  ({ call, db } = await posProcessor());
  await call('shop.save', { name: 'Café', address: '', phone: '', taxNumber: '', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 0 });
});

describe('quick keys', () => {
  it('show the best sellers first, then the rest by name, pinned ones ahead in the order the owner set', async () => {
    const drinks = await call('catalog.saveCategory', { name: 'Drinks', parentId: null });
    const hot = await call('catalog.saveCategory', { name: 'Hot drinks', parentId: drinks.id });
    const bakery = await call('catalog.saveCategory', { name: 'Bakery', parentId: null });
    await call('catalog.saveCategory', { name: 'Empty shelf', parentId: null });
    const latte = await product('Latte', hot.id);
    const juice = await product('Juice', drinks.id, 0);
    const bun = await product('Bun', bakery.id, -2);
    await product('Retired blend', hot.id, 5, false);
    await product('Apple', null);
    expect(await names()).toEqual(['Apple', 'Bun', 'Juice', 'Latte']);

    await sell(latte, 3);
    await sell(bun, 1);
    expect(await names()).toEqual(['Latte', 'Bun', 'Apple', 'Juice']);

    await call('quickKeys.set', { productIds: [juice.id, bun.id] });
    const all = await call('quickKeys.get', { categoryId: null });
    expect(all.keys.map((k) => [k.name, k.pinned, k.stock])).toEqual([
      ['Juice', true, 0],
      ['Bun', true, -3],
      ['Latte', false, 7],
      ['Apple', false, 10],
    ]);
    expect(all.pinned).toEqual([juice.id, bun.id]);
    // Tabs: top-level categories with something on sale; a tab holds its subcategories too.
    expect(all.tabs.map((t) => t.name)).toEqual(['Bakery', 'Drinks']);
    expect(await names(drinks.id)).toEqual(['Juice', 'Latte']);
    expect(await names(bakery.id)).toEqual(['Bun']);
  });

  it('are what one plain ORDER BY over every product gives, summing the newest sales only', async () => {
    // The keys are read in three bands (quick-keys.ts); the plain query below sorts every active product of the
    // tab as the keys are defined: pinned by position, then by quantity sold in the newest `recent` sales of the
    // last 90 days, then by name.
    const plain = (categoryId: number | null, recent: number) =>
      db
        .selectObjects(
          `WITH recent AS (SELECT id FROM sales WHERE kind = 'sale' AND created_at >= ? ORDER BY created_at DESC LIMIT ?),
           tree(id) AS (SELECT ? UNION ALL SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id),
           sold AS (SELECT i.product_id, sum(l.quantity) AS quantity FROM recent s JOIN sale_lines l ON l.sale_id = s.id
             JOIN line_items i ON i.id = l.item_id GROUP BY i.product_id)
           SELECT p.name FROM products p LEFT JOIN quick_keys q ON q.product_id = p.id LEFT JOIN sold ON sold.product_id = p.id
           WHERE p.active = 1 AND (?3 IS NULL OR p.category_id IN (SELECT id FROM tree))
           ORDER BY q.position IS NULL, q.position, coalesce(sold.quantity, 0) DESC, p.name COLLATE NOCASE, p.id LIMIT ?`,
          [Date.now() - 90 * 86_400_000, recent, categoryId, QUICK_KEYS] as never,
        )
        .map((r) => String(r.name));
    const drinks = await call('catalog.saveCategory', { name: 'Drinks', parentId: null });
    const hot = await call('catalog.saveCategory', { name: 'Hot drinks', parentId: drinks.id });
    const bakery = await call('catalog.saveCategory', { name: 'Bakery', parentId: null });
    const categories = [null, drinks.id, hot.id, bakery.id];
    // mulberry32: the same shop on every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const products: Product[] = [];
    // Names that differ only in case, and ties in quantity, so that every tie-break is used.
    for (let i = 0; i < 70; i++) products.push(await product(`${i % 3 === 0 ? 'b' : 'B'}rew ${String(next(40)).padStart(2, '0')}`, categories[next(4)] ?? null, 10, next(6) !== 0));
    for (let i = 0; i < 120; i++) await sell(products[next(products.length)]!, 1 + next(2));
    for (const pinned of [[], [products[3]!.id, products[50]!.id, products[11]!.id, products[0]!.id]]) {
      await call('quickKeys.set', { productIds: pinned });
      for (const categoryId of [null, drinks.id, bakery.id]) {
        for (const recent of [2000, 5, 0]) {
          const what = `tab ${categoryId}, ${recent} sales, ${pinned.length} pinned`;
          expect(readKeys(db, categoryId, Date.now(), recent).map((k) => k.name), what).toEqual(plain(categoryId, recent));
        }
      }
    }
    // The cap is real: the newest five sales alone rank differently from all of them.
    expect(readKeys(db, null, Date.now(), 5).map((k) => k.name)).not.toEqual(readKeys(db, null, Date.now(), 2000).map((k) => k.name));
  });

  it('show at most 24 keys', async () => {
    for (let i = 0; i < 30; i++) await product(`Item ${String(i).padStart(2, '0')}`, null);
    expect(await names()).toHaveLength(24);
  });

  it('refuse a list with an unknown or repeated product, and keep the one before', async () => {
    const a = await product('A', null);
    await call('quickKeys.set', { productIds: [a.id] });
    await expect(call('quickKeys.set', { productIds: [a.id, 999] })).rejects.toMatchObject({ code: 'not-found' });
    await expect(call('quickKeys.set', { productIds: [a.id, a.id] })).rejects.toMatchObject({ code: 'invalid' });
    expect((await call('quickKeys.get', { categoryId: null })).pinned).toEqual([a.id]);
  });
});
