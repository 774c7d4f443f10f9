import { describe, expect, it } from 'vitest';
import { quickCashFromNotes } from './cash-notes';

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
