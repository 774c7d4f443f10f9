import { describe, expect, it } from 'vitest';
import { cashDenominations, quickCashFromNotes } from './cash-notes';
import { countCash } from './z-report';

describe('quickCashFromNotes', () => {
  it('offers euro notes: €5, €10, €20, €50 above the amount due', () => {
    expect(quickCashFromNotes(1350, 'EUR', 2)).toEqual([1350, 1500, 2000, 5000, 10000]);
    expect(quickCashFromNotes(220, 'EUR', 2)).toEqual([220, 500, 1000, 2000, 5000]);
  });

  it('offers yen notes: ¥1,000, ¥2,000, ¥5,000, ¥10,000', () => {
    expect(quickCashFromNotes(1350, 'JPY', 0)).toEqual([1350, 2000, 5000, 10000]);
    expect(quickCashFromNotes(800, 'JPY', 0)).toEqual([800, 1000, 2000, 5000, 10000]);
  });

  it('shows the exact amount once when it is a note already', () => {
    expect(quickCashFromNotes(2000, 'EUR', 2)).toEqual([2000, 5000, 10000, 20000]);
  });

  it('falls back to round amounts for a currency it has no notes for', () => {
    expect(quickCashFromNotes(1234, 'ISK', 0)).toEqual([1234, 1235, 1240, 1250, 1300]);
  });

  it('offers nothing when nothing is due', () => {
    expect(quickCashFromNotes(0, 'EUR', 2)).toEqual([]);
  });
});

describe('counting the drawer by notes and coins', () => {
  const count = (currency: string, digits: number, pieces: Record<string, number>) => {
    const byValue: Record<number, number> = {};
    for (const d of cashDenominations(currency, digits)) {
      const n = pieces[`${d.kind} ${d.value}`] ?? 0;
      byValue[d.value] = (byValue[d.value] ?? 0) + n;
    }
    return countCash(byValue);
  };

  it('lists each currency’s notes and coins, largest first', () => {
    const label = (c: string, digits: number) => cashDenominations(c, digits).map((d) => `${d.kind} ${d.value}`);
    expect(label('EUR', 2)).toEqual([
      'note 20000', 'note 10000', 'note 5000', 'note 2000', 'note 1000', 'note 500',
      'coin 200', 'coin 100', 'coin 50', 'coin 20', 'coin 10', 'coin 5', 'coin 2', 'coin 1',
    ]);
    expect(label('CHF', 2).filter((d) => d.startsWith('coin'))).toEqual(['coin 500', 'coin 200', 'coin 100', 'coin 50', 'coin 20', 'coin 10', 'coin 5']);
    expect(label('JPY', 0)).toEqual(['note 10000', 'note 5000', 'note 2000', 'note 1000', 'coin 500', 'coin 100', 'coin 50', 'coin 10', 'coin 5', 'coin 1']);
    expect(label('USD', 2)).toContain('coin 25');
    expect(label('GBP', 2).slice(0, 4)).toEqual(['note 5000', 'note 2000', 'note 1000', 'note 500']);
  });

  it('sums a counted drawer: three €20, a €5, seven €1 coins and four 5 cent coins are €72.20', () => {
    expect(count('EUR', 2, { 'note 2000': 3, 'note 500': 1, 'coin 100': 7, 'coin 5': 4 })).toBe(7220);
  });

  it('adds a dollar note and a dollar coin together, and a yen drawer in whole yen', () => {
    expect(count('USD', 2, { 'note 100': 4, 'coin 100': 2, 'coin 25': 3 })).toBe(675);
    expect(count('JPY', 0, { 'note 10000': 2, 'coin 500': 3, 'coin 1': 9 })).toBe(21509);
  });

  it('refuses a count that is not a whole number of 0 or more', () => {
    expect(() => countCash({ 2000: -1 })).toThrow(/whole number/);
    expect(() => countCash({ 2000: 1.5 })).toThrow(/whole number/);
  });
});
