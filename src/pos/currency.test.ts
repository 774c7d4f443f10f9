import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, formatPercent, formatSignedMoney, isCurrencyCode, parseDecimal, parsePercent, toDecimal } from './currency';

describe('currencies', () => {
  it('knows the minor digits of ISO 4217 codes', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
  });
  it('recognises codes', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('XYZ1')).toBe(false);
  });
  it('formats minor units with Intl', () => {
    expect(formatMoney(1250, 'EUR', 'en-US')).toBe('€12.50');
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
    expect(formatMoney(1250, 'BHD', 'en-US')).toMatch(/1\.250/);
  });
  it('formats a difference with its sign in front, and a percentage in the given locale', () => {
    expect(formatSignedMoney(2, 'CHF', 'de-CH')).toBe('+CHF\u00a00.02');
    expect(formatSignedMoney(-2, 'CHF', 'de-CH')).toBe('\u2212CHF\u00a00.02');
    expect(formatSignedMoney(-25, 'EUR', 'de-DE')).toBe('\u22120,25\u00a0€');
    expect(formatPercent(550, 'de-DE')).toBe('5,5 %');
  });
});

describe('parseDecimal and toDecimal', () => {
  it.each([
    ['12.5', 2, 1250],
    ['12,50', 2, 1250],
    [' 0.05 ', 2, 5],
    ['7', 2, 700],
    ['100', 0, 100],
    ['1.234', 3, 1234],
  ])('"%s" with %i digits is %i', (text, digits, expected) => {
    expect(parseDecimal(text, digits)).toBe(expected);
  });
  it.each([['12.505'], ['abc'], ['-1'], [''], ['1e3'], ['1.2.3']])('"%s" is refused', (text) => {
    expect(parseDecimal(text, 2)).toBeNull();
  });
  it('reads no decimals for a currency without minor units', () => {
    expect(parseDecimal('100.5', 0)).toBeNull();
  });
  it('writes decimals exactly', () => {
    expect(toDecimal(1250, 2)).toBe('12.50');
    expect(toDecimal(5, 2)).toBe('0.05');
    expect(toDecimal(-5, 2)).toBe('-0.05');
    expect(toDecimal(1250, 0)).toBe('1250');
  });
  it('round-trips', () => {
    for (const minor of [0, 1, 9, 10, 99, 100, 12345, 999999]) expect(parseDecimal(toDecimal(minor, 2), 2)).toBe(minor);
  });
});

describe('percentages', () => {
  it('reads percent as basis points', () => {
    expect(parsePercent('20')).toBe(2000);
    expect(parsePercent('12.5')).toBe(1250);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('5.555')).toBeNull();
  });
  it('shows basis points as percent', () => {
    expect(formatPercent(2000)).toMatch(/^20 %$/);
  });
});
