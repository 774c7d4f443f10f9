import { describe, expect, it } from 'vitest';
import { settle } from './payments';

describe('settle', () => {
  it('cash, exact', () => {
    expect(settle(1000, [{ method: 'cash', amount: 1000 }])).toMatchObject({ change: 0, remaining: 0, complete: true, error: null });
  });
  it('cash with change: the kept amount is the total', () => {
    const s = settle(1350, [{ method: 'cash', amount: 2000 }]);
    expect(s.change).toBe(650);
    expect(s.applied).toEqual([{ method: 'cash', amount: 1350, tendered: 2000 }]);
  });
  it('card, exact', () => {
    expect(settle(1350, [{ method: 'card', amount: 1350 }])).toMatchObject({ change: 0, complete: true });
  });
  it('split card and cash, change from the cash', () => {
    const s = settle(1350, [{ method: 'card', amount: 1000 }, { method: 'cash', amount: 500 }]);
    expect(s).toMatchObject({ paid: 1500, change: 150, complete: true });
    expect(s.applied).toEqual([
      { method: 'card', amount: 1000, tendered: 1000 },
      { method: 'cash', amount: 350, tendered: 500 },
    ]);
  });
  it('a part payment leaves the rest to pay', () => {
    expect(settle(1350, [{ method: 'card', amount: 500 }])).toMatchObject({ remaining: 850, complete: false, error: null });
  });
  it('card may not exceed the total, alone or together with other cards', () => {
    expect(settle(1350, [{ method: 'card', amount: 1400 }]).error).toMatch(/cannot be more/);
    expect(settle(1350, [{ method: 'card', amount: 1000 }, { method: 'other', amount: 500 }]).complete).toBe(false);
  });
  it('two cash tenders: the change comes out of the last one', () => {
    const s = settle(1500, [{ method: 'cash', amount: 1000 }, { method: 'cash', amount: 1000 }]);
    expect(s.change).toBe(500);
    expect(s.applied.map((a) => a.amount)).toEqual([1000, 500]);
  });
  it('a zero total (100 % discount) needs no payment', () => {
    expect(settle(0, [])).toMatchObject({ complete: true, change: 0, remaining: 0 });
  });
  it('nothing paid yet', () => {
    expect(settle(1, [])).toMatchObject({ complete: false, remaining: 1 });
  });
  it('refuses zero, negative and fractional tenders', () => {
    expect(settle(100, [{ method: 'cash', amount: 0 }]).error).not.toBeNull();
    expect(settle(100, [{ method: 'cash', amount: -100 }]).error).not.toBeNull();
    expect(settle(100, [{ method: 'cash', amount: 100.5 }]).error).not.toBeNull();
  });

  describe('with cash rounding to 5 centimes (CHF)', () => {
    it('rounds a cash payment and gives change from the rounded total', () => {
      const s = settle(1233, [{ method: 'cash', amount: 2000 }], 5);
      expect(s).toMatchObject({ rounding: 2, due: 1235, change: 765, complete: true, remaining: 0 });
      expect(s.applied).toEqual([{ method: 'cash', amount: 1235, tendered: 2000 }]);
    });
    it('rounds down, so the exact coins complete the sale', () => {
      expect(settle(1232, [{ method: 'cash', amount: 1230 }], 5)).toMatchObject({ rounding: -2, due: 1230, change: 0, complete: true });
    });
    it('a card is charged exactly: no rounding', () => {
      expect(settle(1233, [{ method: 'card', amount: 1233 }], 5)).toMatchObject({ rounding: 0, due: 1233, complete: true });
    });
    it('offers the rounded amount for cash before anything is paid, the exact one for a card', () => {
      expect(settle(1233, [], 5)).toMatchObject({ remaining: 1233, cashRemaining: 1235, rounding: 0 });
    });
    it('in a split, only the part left for cash is rounded', () => {
      const s = settle(1233, [{ method: 'card', amount: 1000 }, { method: 'cash', amount: 300 }], 5);
      expect(s).toMatchObject({ rounding: 2, due: 1235, change: 65, complete: true });
      expect(s.applied).toEqual([
        { method: 'card', amount: 1000, tendered: 1000 },
        { method: 'cash', amount: 235, tendered: 300 },
      ]);
    });
    it('cash short of the rounded total leaves the rest to pay', () => {
      expect(settle(1233, [{ method: 'cash', amount: 1230 }], 5)).toMatchObject({ rounding: 2, remaining: 5, complete: false });
    });
  });
});
