import { describe, expect, it } from 'vitest';
import { everythingLeft, planRefund, refundPayments, refundTaxes, type RefundableLine } from './refund-limits';

const sold = (refunded: [number, number] = [0, 0]): RefundableLine[] => [
  { lineNo: 1, name: 'Oat milk', quantity: 3, amount: 1000, discount: 50, refundedQty: refunded[0] },
  { lineNo: 2, name: 'Rye loaf', quantity: 1, amount: 420, discount: 0, refundedQty: refunded[1] },
];

describe('refund limits', () => {
  it('prices partial refunds so that they add up to exactly what the line cost', () => {
    const amounts: number[] = [];
    const discounts: number[] = [];
    for (let done = 0; done < 3; done++) {
      const plan = planRefund(sold([done, 0]), [{ lineNo: 1, quantity: 1 }]);
      if (!plan.ok) throw new Error(plan.error);
      amounts.push(plan.total);
      discounts.push(plan.lines[0]?.discount ?? NaN);
    }
    expect(amounts).toEqual([333, 334, 333]);
    expect(amounts.reduce((a, b) => a + b)).toBe(1000);
    expect(discounts.reduce((a, b) => a + b)).toBe(50);
  });
  it('never refunds beyond what was sold, earlier refunds counted', () => {
    expect(planRefund(sold([2, 0]), [{ lineNo: 1, quantity: 2 }])).toEqual({
      ok: false,
      error: 'Only 1 of “Oat milk” can still be refunded: 3 were sold (2 already refunded).',
    });
    expect(planRefund(sold(), [{ lineNo: 2, quantity: 2 }])).toEqual({
      ok: false,
      error: 'Only 1 of “Rye loaf” can still be refunded: 1 were sold.',
    });
    const full = planRefund(sold([3, 1]), everythingLeft(sold([3, 1])));
    expect(full.ok).toBe(false);
  });
  it('refunds everything left in one go, the earlier partial refund subtracted', () => {
    const earlier = planRefund(sold(), [{ lineNo: 1, quantity: 1 }]);
    const rest = planRefund(sold([1, 0]), everythingLeft(sold([1, 0])));
    if (!earlier.ok || !rest.ok) throw new Error('both refunds should be allowed');
    expect(rest.lines).toEqual([
      { lineNo: 1, quantity: 2, amount: 667, discount: 33 },
      { lineNo: 2, quantity: 1, amount: 420, discount: 0 },
    ]);
    expect(earlier.total + rest.total).toBe(1420);
  });
  it('refuses what does not make sense, saying why', () => {
    expect(planRefund(sold(), [{ lineNo: 9, quantity: 1 }])).toEqual({ ok: false, error: 'Line 9 is not on this sale.' });
    expect(planRefund(sold(), [{ lineNo: 1, quantity: -1 }]).ok).toBe(false);
    expect(planRefund(sold(), [{ lineNo: 1, quantity: 1.5 }]).ok).toBe(false);
    expect(planRefund(sold(), [{ lineNo: 1, quantity: 1 }, { lineNo: 1, quantity: 1 }]).ok).toBe(false);
    expect(planRefund(sold(), [{ lineNo: 1, quantity: 0 }])).toEqual({
      ok: false,
      error: 'Nothing to refund: choose at least one item and a quantity.',
    });
  });
});

describe('refund money', () => {
  it('takes back a band’s tax in running shares, so refunds of the whole band add up to its tax', () => {
    // 3 units at 3.33 + 3.34 + 3.33 (prices include 20 % tax): the band's 10.00 carried 1.67 of tax.
    const band = (refundedAmount: number) => [{ taxBp: 2000, amount: 1000, tax: 167, refundedAmount }];
    const parts = [refundTaxes(band(0), new Map([[2000, 333]]), true), refundTaxes(band(333), new Map([[2000, 334]]), true), refundTaxes(band(667), new Map([[2000, 333]]), true)];
    expect(parts.map((p) => p[0]?.tax)).toEqual([56, 55, 56]);
    expect(parts.reduce((a, p) => a + (p[0]?.tax ?? 0), 0)).toBe(167);
    expect(parts[0]).toEqual([{ taxBp: 2000, net: 277, tax: 56, gross: 333 }]);
    // Prices without tax: the tax is added to the amount.
    expect(refundTaxes([{ taxBp: 1000, amount: 500, tax: 50, refundedAmount: 0 }], new Map([[1000, 500]]), false)).toEqual([{ taxBp: 1000, net: 500, tax: 50, gross: 550 }]);
  });

  it('pays back by the sale’s own methods in proportion, never more than each took, or all in cash', () => {
    const paid = [
      { method: 'card' as const, taken: 700, refunded: 0 },
      { method: 'cash' as const, taken: 353, refunded: 0 },
    ];
    expect(refundPayments(225, paid, 'original')).toEqual([{ method: 'card', amount: 150 }, { method: 'cash', amount: 75 }]);
    expect(refundPayments(225, paid, 'cash')).toEqual([{ method: 'cash', amount: 225 }]);
    // The card already had 690 back: only 10 more can go to it; the rest is cash.
    expect(refundPayments(200, [{ method: 'card', taken: 700, refunded: 690 }, { method: 'cash', taken: 353, refunded: 0 }], 'original')).toEqual([
      { method: 'card', amount: 6 },
      { method: 'cash', amount: 194 },
    ]);
    // A cent no method holds goes back in cash.
    expect(refundPayments(101, [{ method: 'card', taken: 100, refunded: 0 }], 'original')).toEqual([{ method: 'card', amount: 100 }, { method: 'cash', amount: 1 }]);
  });
});
