import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, isOverridden, setUnitPrice } from './cart';
import { priceCart } from './pricing';

const tea = { id: 7, name: 'Green tea', sku: null, barcode: '123', price: 450, taxBp: 2000 };

describe('a price the cashier types', () => {
  it('sells the line at that price and keeps the catalogue price beside it', () => {
    const cart = setUnitPrice(addProduct(emptyCart('s'), tea, 2), 0, 399);
    const line = cart.lines[0]!;
    expect([line.unitPrice, line.listPrice, isOverridden(line)]).toEqual([399, 450, true]);
    expect(priceCart(cart.lines, null, true).total).toBe(798);
  });
  it('keeps the catalogue price through a second change, and ends the override at the catalogue price', () => {
    const twice = setUnitPrice(setUnitPrice(addProduct(emptyCart('s'), tea), 0, 399), 0, 500);
    expect([twice.lines[0]!.unitPrice, twice.lines[0]!.listPrice]).toEqual([500, 450]);
    const back = setUnitPrice(twice, 0, 450);
    expect(back.lines[0]).not.toHaveProperty('listPrice');
    expect(isOverridden(back.lines[0]!)).toBe(false);
  });
  it('starts a new line at the catalogue price when the product is scanned again', () => {
    const cart = addProduct(setUnitPrice(addProduct(emptyCart('s'), tea), 0, 450 - 50), tea);
    expect(cart.lines.map((l) => [l.unitPrice, l.quantity])).toEqual([[400, 1], [450, 1]]);
    expect(addProduct(cart, tea).lines.map((l) => l.quantity)).toEqual([1, 2]);
  });
  it('refuses a price that is not a whole amount of 0 or more', () => {
    const cart = addProduct(emptyCart('s'), tea);
    expect(() => setUnitPrice(cart, 0, -1)).toThrow(RangeError);
    expect(() => setUnitPrice(cart, 0, 1.5)).toThrow(RangeError);
  });
});
