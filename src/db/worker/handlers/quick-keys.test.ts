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
import { posProcessor, type Call } from '../testing/pos-processor';

let call: Call;
const names = async (categoryId: number | null = null) => (await call('quickKeys.get', { categoryId })).keys.map((k) => k.name);

async function product(name: string, categoryId: number | null, stock = 10, active = true) {
  return call('catalog.save', { name, sku: null, barcode: null, price: 300, taxBp: 0, stock, active, categoryId });
}

async function sell(p: Product, quantity: number) {
  const cart = { ...addProduct(emptyCart(uuidv7()), p, quantity), tenders: [{ method: 'card' as const, amount: 300 * quantity }] };
  await call('sales.commit', { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, null, true).total });
}

beforeEach(async () => {
  ({ call } = await posProcessor());
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
