import { describe, expect, it } from 'vitest';
import { receiptLabels } from './receipt-labels';

describe('receiptLabels', () => {
  it('prints in the shop’s language', () => {
    expect(receiptLabels('de-DE').total).toBe('Summe');
    expect(receiptLabels('de-CH').change).toBe('Rückgeld');
    expect(receiptLabels('fr-FR').cash).toBe('Espèces');
    expect(receiptLabels('en-GB').thanks).toBe('Thank you!');
  });

  it('falls back to English for other languages', () => {
    expect(receiptLabels('ja-JP')).toEqual(receiptLabels('en-US'));
  });

  it('has every label in every language', () => {
    const keys = Object.keys(receiptLabels('en')).sort();
    for (const locale of ['de', 'fr']) {
      const labels = receiptLabels(locale);
      expect(Object.keys(labels).sort()).toEqual(keys);
      for (const key of keys) expect(labels[key as keyof typeof labels].length, `${locale}.${key}`).toBeGreaterThan(0);
    }
  });
});
