import { describe, expect, it } from 'vitest';
import { discountAmount, priceCart, taxOf, type PriceableLine } from './pricing';

const coffee = (quantity = 1, extra: Partial<PriceableLine> = {}): PriceableLine => ({ quantity, unitPrice: 250, taxBp: 2000, ...extra });
const bread = (quantity = 1, extra: Partial<PriceableLine> = {}): PriceableLine => ({ quantity, unitPrice: 180, taxBp: 550, ...extra });

describe('taxOf', () => {
  it('extracts tax from inclusive prices', () => {
    expect(taxOf(1200, 2000, true)).toBe(200); // 12.00 incl. 20 % = 10.00 + 2.00
    expect(taxOf(100, 2000, true)).toBe(17); // 16.67
    expect(taxOf(1, 2000, true)).toBe(0); // 0.17
  });
  it('rounds the inclusive half cent up', () => {
    expect(taxOf(3, 2000, true)).toBe(1); // 3/6 = 0.5
    expect(taxOf(9, 2000, true)).toBe(2); // 1.5
  });
  it('adds tax to exclusive prices', () => {
    expect(taxOf(1000, 2000, false)).toBe(200);
    expect(taxOf(5, 1000, false)).toBe(1); // 0.5 → 1
    expect(taxOf(25, 2000, false)).toBe(5);
    expect(taxOf(999, 0, false)).toBe(0);
  });
});

describe('discountAmount', () => {
  it('takes a percentage or an amount, never more than the base', () => {
    expect(discountAmount(500, { kind: 'percent', value: 1000 })).toBe(50);
    expect(discountAmount(500, { kind: 'amount', value: 120 })).toBe(120);
    expect(discountAmount(500, { kind: 'amount', value: 9999 })).toBe(500);
    expect(discountAmount(500, { kind: 'percent', value: 20000 })).toBe(500);
    expect(discountAmount(500, { kind: 'amount', value: -5 })).toBe(0);
    expect(discountAmount(500, null)).toBe(0);
  });
});

describe('priceCart, prices including tax', () => {
  it('totals two rates and shows the tax per rate', () => {
    const t = priceCart([coffee(2), bread()], null, true);
    expect(t.subtotal).toBe(680);
    expect(t.total).toBe(680);
    expect(t.taxes).toEqual([
      { taxBp: 550, net: 171, tax: 9, gross: 180 }, // 180 × 5.5/105.5 = 9.38
      { taxBp: 2000, net: 417, tax: 83, gross: 500 }, // 500 / 6 = 83.33
    ]);
    expect(t.taxTotal).toBe(92);
    expect(t.net + t.taxTotal).toBe(t.total);
  });

  it('applies a line discount before tax', () => {
    const t = priceCart([coffee(2, { discount: { kind: 'percent', value: 1000 } })], null, true);
    expect(t.lines[0]).toMatchObject({ gross: 500, lineDiscount: 50, amount: 450 });
    expect(t.total).toBe(450);
    expect(t.taxes[0]).toEqual({ taxBp: 2000, net: 375, tax: 75, gross: 450 });
  });

  it('spreads an order discount over the lines and rates', () => {
    const t = priceCart([{ quantity: 1, unitPrice: 300, taxBp: 2000 }, { quantity: 1, unitPrice: 100, taxBp: 550 }], { kind: 'amount', value: 100 }, true);
    expect(t.lines.map((l) => l.orderDiscount)).toEqual([75, 25]);
    expect(t.orderDiscount).toBe(100);
    expect(t.total).toBe(300);
    expect(t.taxes.map((b) => b.gross)).toEqual([75, 225]);
  });

  it('a 100 % order discount makes everything zero', () => {
    const t = priceCart([coffee(3), bread(2)], { kind: 'percent', value: 10000 }, true);
    expect(t.total).toBe(0);
    expect(t.taxTotal).toBe(0);
    expect(t.discountTotal).toBe(t.subtotal);
  });

  it('a 100 % line discount zeroes that line only', () => {
    const t = priceCart([coffee(1, { discount: { kind: 'percent', value: 10000 } }), bread()], null, true);
    expect(t.lines[0]!.amount).toBe(0);
    expect(t.total).toBe(180);
  });

  it('an amount discount larger than the cart is capped at the cart', () => {
    const t = priceCart([coffee(2), bread()], { kind: 'amount', value: 5000 }, true);
    expect(t.orderDiscount).toBe(680);
    expect(t.total).toBe(0);
  });

  it('a percentage order discount rounds the half cent up and applies after line discounts', () => {
    // 1.00 at 12.5 % = 0.125 → 0.13
    const t = priceCart([{ quantity: 1, unitPrice: 100, taxBp: 0 }], { kind: 'percent', value: 1250 }, true);
    expect(t.orderDiscount).toBe(13);
    expect(t.total).toBe(87);
    const u = priceCart([coffee(2, { discount: { kind: 'amount', value: 100 } })], { kind: 'percent', value: 1000 }, true);
    expect(u.lineDiscounts).toBe(100);
    expect(u.orderDiscount).toBe(40);
    expect(u.total).toBe(360);
  });

  it('an empty cart costs nothing', () => {
    expect(priceCart([], null, true)).toMatchObject({ total: 0, taxes: [], subtotal: 0 });
  });

  it('refuses fractional amounts', () => {
    expect(() => priceCart([{ quantity: 1, unitPrice: 1.5, taxBp: 0 }], null, true)).toThrow(RangeError);
  });
});

describe('priceCart, prices excluding tax', () => {
  it('adds tax per rate on top', () => {
    const t = priceCart([coffee(2), bread()], null, false);
    expect(t.taxes).toEqual([
      { taxBp: 550, net: 180, tax: 10, gross: 190 }, // 9.9 → 10
      { taxBp: 2000, net: 500, tax: 100, gross: 600 },
    ]);
    expect(t.net).toBe(680);
    expect(t.total).toBe(790);
  });

  it('computes tax on the sum per rate, not per line', () => {
    // three lines of 0.01 at 20 %: per line each tax would round to 0; on the sum 0.6 → 1
    const cent = { quantity: 1, unitPrice: 1, taxBp: 2000 };
    const t = priceCart([cent, { ...cent }, { ...cent }], null, false);
    expect(t.taxTotal).toBe(1);
    expect(t.total).toBe(4);
  });

  it('rounds the half cent of tax up', () => {
    const t = priceCart([{ quantity: 1, unitPrice: 5, taxBp: 1000 }], null, false);
    expect(t.taxTotal).toBe(1);
    expect(t.total).toBe(6);
  });

  it('a 100 % discount leaves no tax to add', () => {
    const t = priceCart([coffee(1)], { kind: 'percent', value: 10000 }, false);
    expect(t.total).toBe(0);
    expect(t.taxes).toEqual([{ taxBp: 2000, net: 0, tax: 0, gross: 0 }]);
  });
});
