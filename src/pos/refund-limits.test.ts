import { describe, expect, it } from 'vitest';
import { everythingLeft, planRefund, type RefundableLine } from './refund-limits';

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
