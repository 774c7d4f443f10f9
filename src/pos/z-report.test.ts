import { describe, expect, it } from 'vitest';
import { settle } from './payments';
import { priceCart } from './pricing';
import { closingFigures, countCash, shiftFigures, type ReportSale } from './z-report';

/** A day worked out by hand: three sales (one discounted, one split), a partial refund, cash in and out. */
const day: ReportSale[] = [
  { kind: 'sale', subtotal: 2000, discountTotal: 200, total: 1800,
    taxes: [{ taxBp: 2000, net: 1500, tax: 300, gross: 1800 }], payments: [{ method: 'cash', amount: 1800 }] },
  { kind: 'sale', subtotal: 5000, discountTotal: 0, total: 5000,
    taxes: [{ taxBp: 500, net: 1905, tax: 95, gross: 2000 }, { taxBp: 2000, net: 2500, tax: 500, gross: 3000 }],
    payments: [{ method: 'card', amount: 3000 }, { method: 'cash', amount: 2000 }] },
  { kind: 'sale', subtotal: 1000, discountTotal: 500, total: 500,
    taxes: [{ taxBp: 0, net: 500, tax: 0, gross: 500 }], payments: [{ method: 'other', amount: 500 }] },
  { kind: 'refund', subtotal: 1000, discountTotal: 0, total: 1000,
    taxes: [{ taxBp: 500, net: 952, tax: 48, gross: 1000 }], payments: [{ method: 'cash', amount: 1000 }] },
];
const moves = [{ amount: 5000, reason: 'Change from the bank' }, { amount: -2500, reason: 'Milk supplier' }];

describe('the Z report', () => {
  it('adds up a day of sales, discounts, a refund, split payments and cash in and out', () => {
    const x = shiftFigures(10_000, day, moves);
    expect(x).toEqual({
      salesCount: 3,
      refundsCount: 1,
      gross: 8000,
      discounts: 700,
      refunds: 1000,
      voidsCount: 0,
      voids: 0,
      net: 6300,
      taxes: [
        { taxBp: 0, net: 500, tax: 0, gross: 500 },
        { taxBp: 500, net: 953, tax: 47, gross: 1000 },
        { taxBp: 2000, net: 4000, tax: 800, gross: 4800 },
      ],
      taxTotal: 847,
      payments: { cash: 2800, card: 3000, other: 500 },
      float: 10_000,
      cashIn: 5000,
      cashOut: 2500,
      expected: { cash: 15_300, card: 3000, other: 500 },
    });
  });
  it('compares the count with what was expected: a drawer 0.50 short', () => {
    const cash = countCash({ 5000: 2, 2000: 2, 1000: 1, 200: 1, 50: 1 });
    expect(cash).toBe(15_250);
    const z = closingFigures(shiftFigures(10_000, day, moves), { cash, card: 3000, other: 500 });
    expect(z.difference).toEqual({ cash: -50, card: 0, other: 0 });
    expect(z.differenceTotal).toBe(-50);
  });
  it('keeps net equal to the payments added up, and the bands to the tax, for carts priced by the register', () => {
    const sales: ReportSale[] = [];
    for (let i = 1; i <= 40; i++) {
      const cart = priceCart(
        [
          { quantity: (i % 3) + 1, unitPrice: 199 + i * 37, taxBp: 2000, discount: i % 4 === 0 ? { kind: 'percent', value: 1000 } : null },
          { quantity: 1, unitPrice: 1250 + i, taxBp: 500 },
        ],
        i % 5 === 0 ? { kind: 'amount', value: 99 } : null,
        i % 2 === 0,
      );
      const card = i % 3 === 0 ? Math.floor(cart.total / 2) : 0;
      const tenders = [...(card > 0 ? [{ method: 'card' as const, amount: card }] : []), { method: 'cash' as const, amount: cart.total - card + 500 }];
      const paid = settle(cart.total, tenders);
      sales.push({ kind: i % 7 === 0 ? 'refund' : 'sale', subtotal: cart.subtotal, discountTotal: cart.discountTotal,
        total: cart.total, taxes: cart.taxes, payments: paid.applied });
    }
    const x = shiftFigures(0, sales, []);
    expect(x.payments.cash + x.payments.card + x.payments.other).toBe(x.net);
    expect(x.taxes.reduce((a, t) => a + t.gross, 0)).toBe(x.net);
    expect(x.salesCount + x.refundsCount).toBe(40);
  });
  it('puts a void on its own line: out of the refunds, out of net, back out of the drawer', () => {
    // The day above, and sale 2 (50.00: 30.00 card, 20.00 cash) voided: the whole sale reversed.
    const sale2 = day[1]!;
    const voided: ReportSale = { ...sale2, kind: 'refund', isVoid: true };
    const x = shiftFigures(10_000, [...day, voided], moves);
    expect(x).toMatchObject({
      salesCount: 3,
      refundsCount: 1,
      refunds: 1000,
      voidsCount: 1,
      voids: 5000,
      gross: 8000,
      net: 1300,
      payments: { cash: 800, card: 0, other: 500 },
      expected: { cash: 13_300, card: 0, other: 500 },
    });
    expect(x.taxes).toEqual([
      { taxBp: 0, net: 500, tax: 0, gross: 500 },
      { taxBp: 500, net: -952, tax: -48, gross: -1000 },
      { taxBp: 2000, net: 1500, tax: 300, gross: 1800 },
    ]);
    expect(x.payments.cash + x.payments.card + x.payments.other).toBe(x.net);
  });
  it('refuses a count that is not a whole number of notes or coins', () => {
    expect(() => countCash({ 100: -1 })).toThrow(RangeError);
    expect(() => countCash({ 100: 1.5 })).toThrow(RangeError);
  });
});

describe('the Z report with cash rounding', () => {
  it('counts the rounded cash in the drawer and shows the rounding apart', () => {
    const sale = (total: number, cash: number, cashRounding: number) => ({
      kind: 'sale' as const,
      subtotal: total,
      discountTotal: 0,
      total,
      taxes: [],
      payments: [{ method: 'cash' as const, amount: cash }],
      cashRounding,
    });
    // CHF 12.33 paid as 12.35 in cash, CHF 7.02 as 7.00, and CHF 4.99 by card.
    const card = { ...sale(499, 0, 0), payments: [{ method: 'card' as const, amount: 499 }] };
    const figures = shiftFigures(10000, [sale(1233, 1235, 2), sale(702, 700, -2), card], []);
    expect(figures.net).toBe(2434);
    expect(figures.cashRounding ?? 0).toBe(0);
    expect(figures.payments).toEqual({ cash: 1935, card: 499, other: 0 });
    expect(figures.expected.cash).toBe(10000 + 1935);
    const up = shiftFigures(0, [sale(1233, 1235, 2)], []);
    expect(up.cashRounding).toBe(2);
    expect(up.expected.cash).toBe(1235);
  });
});
