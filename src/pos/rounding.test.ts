import { describe, expect, it } from 'vitest';
import { allocate, divRound, percentOf } from './rounding';

describe('divRound (half away from zero)', () => {
  it.each([
    [5, 10, 1],
    [15, 10, 2],
    [25, 10, 3], // banker's rounding would give 2: half-up is the documented rule
    [4, 10, 0],
    [14, 10, 1],
    [16, 10, 2],
    [-5, 10, -1],
    [-14, 10, -1],
    [-15, 10, -2],
    [0, 7, 0],
    [1, 3, 0],
    [2, 3, 1],
    [10, 1, 10],
  ])('%i / %i = %i', (n, d, expected) => {
    expect(divRound(n, d)).toBe(expected);
  });

  it('refuses a zero denominator and non-integers', () => {
    expect(() => divRound(1, 0)).toThrow(RangeError);
    expect(() => divRound(1.5, 2)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('rounds the 0.5 cent boundary up', () => {
    expect(percentOf(1, 5000)).toBe(1); // 50 % of 1 cent = 0.5
    expect(percentOf(3, 5000)).toBe(2); // 1.5
    expect(percentOf(5, 1000)).toBe(1); // 10 % of 5 = 0.5
    expect(percentOf(4, 1000)).toBe(0); // 0.4
  });
  it('takes fractional percentages in basis points', () => {
    expect(percentOf(100, 1250)).toBe(13); // 12.5 % of 1.00 = 0.125 → 0.13
    expect(percentOf(10_000, 1)).toBe(1); // 0.01 %
  });
});

describe('allocate', () => {
  it('splits in proportion and sums exactly', () => {
    expect(allocate(100, [300, 100])).toEqual([75, 25]);
    expect(allocate(10, [100, 100, 100])).toEqual([4, 3, 3]);
    expect(allocate(1, [100, 100, 100])).toEqual([1, 0, 0]);
    expect(allocate(7, [1, 2, 4])).toEqual([1, 2, 4]);
  });
  it('gives the remainder to the largest fractions first', () => {
    // 10 × 1/6 = 1.67, 10 × 5/6 = 8.33 → 2 and 8
    expect(allocate(10, [1, 5])).toEqual([2, 8]);
  });
  it('handles no weights and all-zero weights', () => {
    expect(allocate(5, [])).toEqual([]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
  });
  it('always sums to the total', () => {
    for (let total = 0; total < 200; total += 7) {
      const weights = [13, 1, 999, 250, 3];
      expect(allocate(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});
