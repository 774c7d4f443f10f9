import { describe, expect, it } from 'vitest';
import { parseLocaleAmount, separators, toLocaleDecimal } from './locale-amount';

describe('parseLocaleAmount', () => {
  it('reads what a German cashier types', () => {
    expect(parseLocaleAmount('1,50', 2, 'de-DE')).toBe(150);
    expect(parseLocaleAmount('1.234,50', 2, 'de-DE')).toBe(123450);
    expect(parseLocaleAmount('20', 2, 'de-DE')).toBe(2000);
    expect(parseLocaleAmount('1.234', 2, 'de-DE')).toBe(123400);
    // A dot that does not group thousands is a decimal mark: a tourist's "12.50" is not 1250 euros.
    expect(parseLocaleAmount('12.50', 2, 'de-DE')).toBe(1250);
  });

  it('reads English and French amounts', () => {
    expect(parseLocaleAmount('1,234.50', 2, 'en-US')).toBe(123450);
    expect(parseLocaleAmount('12.5', 2, 'en-US')).toBe(1250);
    expect(parseLocaleAmount('1 234,50', 2, 'fr-FR')).toBe(123450);
    expect(parseLocaleAmount('1\u202f234,50', 2, 'fr-FR')).toBe(123450);
  });

  it('reads yen without decimals', () => {
    expect(parseLocaleAmount('1,350', 0, 'ja-JP')).toBe(1350);
    expect(parseLocaleAmount('1350', 0, 'ja-JP')).toBe(1350);
    expect(parseLocaleAmount('13.5', 0, 'ja-JP')).toBeNull();
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '1,2,3', '1.23.4,5', '12,345', '1,5,0']) expect(parseLocaleAmount(text, 2, 'de-DE'), text).toBeNull();
    expect(parseLocaleAmount('1,234', 2, 'de-DE')).toBeNull(); // three decimals for a two-decimal currency
    expect(parseLocaleAmount('-5', 2, 'de-DE')).toBeNull();
    expect(parseLocaleAmount('-5', 2, 'de-DE', true)).toBe(-500);
  });
});

describe('toLocaleDecimal', () => {
  it('pre-fills fields the way the locale types them, and reads its own output back', () => {
    expect(toLocaleDecimal(123450, 2, 'de-DE')).toBe('1234,50');
    expect(toLocaleDecimal(123450, 2, 'en-GB')).toBe('1234.50');
    expect(toLocaleDecimal(1350, 0, 'ja-JP')).toBe('1350');
    for (const locale of ['de-DE', 'en-US', 'fr-FR', 'de-CH'])
      for (const minor of [0, 5, 150, 123456789]) expect(parseLocaleAmount(toLocaleDecimal(minor, 2, locale), 2, locale)).toBe(minor);
  });

  it('knows the marks of each locale', () => {
    expect(separators('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(separators('en-US')).toEqual({ decimal: '.', group: ',' });
  });
});

describe('toLocalePercent', () => {
  it('writes rates as typed, without trailing zeros', async () => {
    const { toLocalePercent } = await import('./locale-amount');
    expect(toLocalePercent(550, 'de-DE')).toBe('5,5');
    expect(toLocalePercent(2000, 'de-DE')).toBe('20');
    expect(toLocalePercent(1250, 'en-US')).toBe('12.5');
    expect(toLocalePercent(0, 'en-US')).toBe('0');
    expect(toLocalePercent(10, 'en-US')).toBe('0.1');
  });
});
