/**
 * A sale id stands for one sale only (issue 13, defect 1): the commit and cart handlers against a real SQLite
 * (sqlite-wasm, in memory) with the real migrations and the real processor.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { addProduct, emptyCart, type Cart } from '../../../pos/cart';
import { priceCart } from '../../../pos/pricing';
import { posProcessor, type Call } from '../testing/pos-processor';

let call: Call;

type Failure = Error & { code: string; detail?: Record<string, unknown> };
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: Failure) => e);

beforeEach(async () => {
  ({ call } = await posProcessor());
  await call('shop.save', { name: 'Test shop', address: '1 Road', phone: '1', taxNumber: 'X1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 2000 });
});

const product = (name: string, barcode: string, price: number) =>
  call('catalog.save', { name, sku: null, barcode, price, taxBp: 2000, stock: 50, active: true, categoryId: null });

function cartWith(saleId: string, lines: [Awaited<ReturnType<typeof product>>, number][], method: 'cash' | 'card', paid?: number) {
  let cart: Cart = emptyCart(saleId);
  for (const [p, qty] of lines) cart = addProduct(cart, p, qty);
  const total = priceCart(cart.lines, null, true).total;
  return { cart: { ...cart, tenders: [{ method, amount: paid ?? total }] }, total };
}

describe('a sale id used twice', () => {
  it('a repeated commit of the same cart returns the sale already made, and records nothing more', async () => {
    const tea = await product('Green tea', '1', 260);
    const { cart, total } = cartWith(uuidv7(), [[tea, 1]], 'card');
    const first = await call('sales.commit', { registerId: 'a', cart, expectedTotal: total });
    const again = await call('sales.commit', { registerId: 'a', cart, expectedTotal: total });
    expect(again).toEqual(first);
    expect((await call('sales.list', { limit: 10 })).count).toBe(1);
    expect((await call('catalog.byCode', { code: '1' }))?.stock).toBe(49);
  });

  it('a different cart under a recorded id is refused with the sale it clashes with, and nothing is recorded', async () => {
    const tea = await product('Green tea', '1', 260);
    const cola = await product('Cola 330 ml', '2', 150);
    const saleId = uuidv7();
    const a = cartWith(saleId, [[tea, 1]], 'card');
    await call('sales.commit', { registerId: 'a', cart: a.cart, expectedTotal: a.total });
    const b = cartWith(saleId, [[cola, 1]], 'cash', 1000);
    const error = await refusal(call('sales.commit', { registerId: 'b', cart: b.cart, expectedTotal: b.total }));
    expect(error?.code).toBe('conflict');
    expect(error?.detail).toEqual({ reason: 'sale-id-used', number: 1 });
    expect(error?.message).toContain('Sale no. 000001 was already completed');
    expect(error?.message).toContain('complete the sale again');
    expect((await call('sales.list', { limit: 10 })).count).toBe(1);
    expect((await call('catalog.byCode', { code: '2' }))?.stock).toBe(50);

    // The same items paid differently are another sale too.
    const card = cartWith(saleId, [[tea, 1]], 'cash', 500);
    expect((await refusal(call('sales.commit', { registerId: 'a', cart: card.cart, expectedTotal: card.total })))?.code).toBe('conflict');
  });

  it('saving a cart whose sale is recorded is refused, so the screen never says "Cart saved" for it', async () => {
    const tea = await product('Green tea', '1', 260);
    const { cart, total } = cartWith(uuidv7(), [[tea, 1]], 'card');
    await call('sales.commit', { registerId: 'a', cart, expectedTotal: total });
    const error = await refusal(call('cart.save', { registerId: 'b', cart }));
    expect(error?.detail).toEqual({ reason: 'sale-id-used', number: 1 });
    expect(await call('cart.get', { registerId: 'b' })).toBeNull();
  });
});

describe('carts left by closed tabs', () => {
  it('are listed without the registers in use, taken over in one move, or discarded', async () => {
    const tea = await product('Green tea', '1', 260);
    const left = cartWith(uuidv7(), [[tea, 2]], 'card').cart;
    await call('cart.save', { registerId: 'closed', cart: left });
    await call('cart.save', { registerId: 'open', cart: cartWith(uuidv7(), [[tea, 1]], 'card').cart });
    await call('cart.save', { registerId: 'empty', cart: emptyCart(uuidv7()) });

    const offered = await call('cart.left', { exclude: ['me', 'open'] });
    expect(offered.map((l) => [l.registerId, l.cart.lines.length])).toEqual([['closed', 1]]);

    expect(await call('cart.takeOver', { from: 'closed', to: 'me' })).toEqual(left);
    expect(await call('cart.get', { registerId: 'me' })).toEqual(left);
    expect(await call('cart.get', { registerId: 'closed' })).toBeNull();
    // Taken once only: a second window asking for it gets nothing.
    expect(await call('cart.takeOver', { from: 'closed', to: 'other' })).toBeNull();
    // A register with items of its own cannot take another's.
    expect((await refusal(call('cart.takeOver', { from: 'open', to: 'me' })))?.code).toBe('conflict');

    expect(await call('cart.discard', { registerId: 'open' })).toEqual({ discarded: true });
    expect(await call('cart.left', { exclude: ['me'] })).toEqual([]);
  });
});
