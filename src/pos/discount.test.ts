import { describe, expect, it } from 'vitest';
import { formatDiscount, parseDiscount } from './discount';

describe('typed discounts', () => {
  it('reads percentages and amounts', () => {
    expect(parseDiscount('10%', 2)).toEqual({ kind: 'percent', value: 1000 });
    expect(parseDiscount(' 12.5 % ', 2)).toEqual({ kind: 'percent', value: 1250 });
    expect(parseDiscount('100%', 2)).toEqual({ kind: 'percent', value: 10000 });
    expect(parseDiscount('1.50', 2)).toEqual({ kind: 'amount', value: 150 });
  });
  it('treats empty and zero as no discount', () => {
    expect(parseDiscount('', 2)).toBeNull();
    expect(parseDiscount('0', 2)).toBeNull();
    expect(parseDiscount('0%', 2)).toBeNull();
  });
  it('refuses what it cannot read', () => {
    expect(parseDiscount('150%', 2)).toBeUndefined();
    expect(parseDiscount('abc', 2)).toBeUndefined();
    expect(parseDiscount('1.555', 2)).toBeUndefined();
  });
  it('writes back what it reads', () => {
    for (const text of ['10%', '12.5%', '1.50']) expect(formatDiscount(parseDiscount(text, 2) ?? null, 2)).toBe(text);
  });
});
