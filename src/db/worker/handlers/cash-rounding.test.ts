/**
 * Cash rounding through the real handlers on in-memory sqlite-wasm: a Swiss shop's cash sale is rounded to 5
 * centimes, stored with its rounding, read back the same by a reprint, counted in the shift's cash expected; a
 * card sale and a euro shop are never rounded; the shop's locale and rounding settings are checked and kept.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { addProduct, emptyCart, type Cart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import type { Shop } from '../../../pos/shop';
import { posProcessor, type Call } from '../testing/pos-processor';

let call: Call;
let db: Database;

const SWISS: Shop = { name: 'Bäckerei Sutter', address: 'Marktgasse 4, Bern', phone: '031 000 00 00', taxNumber: 'CHE-123.456.789 MWST', currency: 'CHF', pricesIncludeTax: true, defaultTaxBp: 260 };

beforeEach(async () => {
  ({ call, db } = await posProcessor());
});

async function ring(price: number, tenders: Cart['tenders']) {
  const product = await call('catalog.save', { name: `Brot ${price}`, sku: null, barcode: String(price), price, taxBp: 260, stock: 10, active: true, categoryId: null });
  const cart = { ...addProduct(emptyCart(uuidv7()), product, 1), tenders };
  return { cart, sale: await call('sales.commit', { registerId: 'till-1', cart, expectedTotal: priceCart(cart.lines, null, true).total }) };
}

describe('cash rounding', () => {
  it("rounds a Swiss shop's cash sale to 5 centimes, stores it and reads it back the same", async () => {
    await call('shop.save', SWISS);
    const { sale } = await ring(1233, [{ method: 'cash', amount: 2000 }]);
    expect(sale).toMatchObject({ total: 1233, cashRounding: 2, paid: 2000, changeDue: 765 });
    expect(sale.payments).toEqual([{ method: 'cash', amount: 1235, tendered: 2000 }]);
    expect(db.selectValue('SELECT cash_rounding FROM sales WHERE number = 1')).toBe(2);
    expect(await call('sales.get', { number: 1 })).toEqual(sale);

    const down = await ring(702, [{ method: 'cash', amount: 700 }]);
    expect(down.sale).toMatchObject({ total: 702, cashRounding: -2, changeDue: 0 });
  });

  it('refuses cash that covers the exact total but not the rounded one', async () => {
    await call('shop.save', SWISS);
    await expect(ring(1233, [{ method: 'cash', amount: 1233 }])).rejects.toMatchObject({ code: 'invalid', message: 'The payments do not cover the total yet.' });
  });

  it('charges a card exactly, and a retried commit is the same sale', async () => {
    await call('shop.save', SWISS);
    const { sale } = await ring(1233, [{ method: 'card', amount: 1233 }]);
    expect(sale).toMatchObject({ cashRounding: 0, payments: [{ method: 'card', amount: 1233, tendered: 1233 }] });
    const cash = await ring(1238, [{ method: 'cash', amount: 1240 }]);
    const again = await call('sales.commit', { registerId: 'till-1', cart: cash.cart, expectedTotal: 1238 });
    expect(again).toEqual(cash.sale);
    expect(Number(db.selectValue('SELECT count(*) FROM sales'))).toBe(2);
  });

  it('counts the rounded cash in the shift: cash expected is what the drawer holds', async () => {
    await call('shop.save', SWISS);
    await call('shift.open', { float: 10_000, openedBy: 'Anna' });
    await ring(1233, [{ method: 'cash', amount: 2000 }]);
    await ring(702, [{ method: 'cash', amount: 1000 }]);
    const { figures } = await call('shift.current', {});
    // +0.02 and −0.02 cancel out.
    expect(figures).toMatchObject({ net: 1935, payments: { cash: 1935, card: 0, other: 0 }, expected: { cash: 11_935 } });
    expect(figures?.cashRounding ?? 0).toBe(0);
    await ring(1238, [{ method: 'cash', amount: 1240 }]);
    expect((await call('shift.current', {})).figures).toMatchObject({ net: 3173, cashRounding: 2, expected: { cash: 13_175 } });
  });

  it('never rounds a euro shop unless the owner asks, and a Swiss shop can turn it off', async () => {
    await call('shop.save', { ...SWISS, currency: 'EUR' });
    expect((await ring(1233, [{ method: 'cash', amount: 2000 }])).sale).toMatchObject({ cashRounding: 0, changeDue: 767 });
    await call('shop.save', { ...SWISS, currency: 'EUR', cashStep: 5 });
    expect((await ring(1234, [{ method: 'cash', amount: 2000 }])).sale).toMatchObject({ cashRounding: 1, changeDue: 765 });
  });
});

describe('the shop locale and rounding settings', () => {
  it('keeps a canonical locale and a rounding step, and refuses what it cannot use, in words', async () => {
    expect(await call('shop.save', { ...SWISS, locale: 'de-ch', cashStep: 10 })).toMatchObject({ locale: 'de-CH', cashStep: 10 });
    expect(await call('shop.get', {})).toMatchObject({ locale: 'de-CH', cashStep: 10 });
    await expect(call('shop.save', { ...SWISS, locale: 'not a locale!' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/is not a language and region/) });
    await expect(call('shop.save', { ...SWISS, cashStep: 2.5 })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/Cash rounding/) });
    expect(await call('shop.get', {})).toMatchObject({ locale: 'de-CH', cashStep: 10 });
    expect(await call('shop.save', { ...SWISS, locale: '' })).toMatchObject({ locale: null, cashStep: null });
  });
});
