import { describe, expect, it } from 'vitest';
import { cashStep, roundCash } from './cash-rounding';

describe('roundCash', () => {
  it('rounds a Swiss cash total to 5 centimes', () => {
    const step = cashStep('CHF');
    expect(roundCash(1232, step)).toEqual({ total: 1230, rounding: -2 });
    expect(roundCash(1233, step)).toEqual({ total: 1235, rounding: 2 });
    expect(roundCash(1237, step)).toEqual({ total: 1235, rounding: -2 });
    expect(roundCash(1238, step)).toEqual({ total: 1240, rounding: 2 });
    expect(roundCash(1235, step)).toEqual({ total: 1235, rounding: 0 });
  });

  it('leaves currencies without cash rounding alone, unless the shop asks for it', () => {
    expect(roundCash(1233, cashStep('EUR'))).toEqual({ total: 1233, rounding: 0 });
    expect(roundCash(1233, cashStep('EUR', 5))).toEqual({ total: 1235, rounding: 2 });
    expect(roundCash(1233, cashStep('CHF', 1))).toEqual({ total: 1233, rounding: 0 });
  });

  it('rounds Danish cash to 50 øre', () => {
    expect(roundCash(1224, cashStep('DKK'))).toEqual({ total: 1200, rounding: -24 });
    expect(roundCash(1225, cashStep('DKK'))).toEqual({ total: 1250, rounding: 25 });
  });
});
