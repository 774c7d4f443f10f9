import { describe, expect, it } from 'vitest';
import { refreshFor, withStock } from './changes';

describe('refreshFor', () => {
  const stock = { stock: { 7: 3 } };

  it('patches a catalogue view after a sale that says the new stock', () => {
    expect(refreshFor(['catalog'], ['sales', 'stock', 'cart'], stock, true)).toBe('patch');
  });

  it('reads a catalogue view again when it cannot patch, or when the sale did not say the stock', () => {
    expect(refreshFor(['catalog'], ['sales', 'stock', 'cart'], stock, false)).toBe('reload');
    expect(refreshFor(['catalog'], ['stock'], undefined, true)).toBe('reload');
  });

  it('reads again on any other topic it shows, and on "all", whatever the detail', () => {
    expect(refreshFor(['catalog'], ['catalog'], stock, true)).toBe('reload');
    expect(refreshFor(['catalog'], ['stock', 'catalog'], stock, true)).toBe('reload');
    expect(refreshFor(['sales'], ['sales', 'stock', 'cart'], stock, true)).toBe('reload');
    expect(refreshFor(['backups'], ['all'], undefined, false)).toBe('reload');
  });

  it('leaves a view alone when the change is about something it does not show', () => {
    expect(refreshFor(['backups'], ['sales', 'stock', 'cart'], stock, false)).toBe('none');
    expect(refreshFor(['sales'], ['catalog'], undefined, false)).toBe('none');
  });

  it('treats a view of stock alone like a catalogue view', () => {
    expect(refreshFor(['stock'], ['stock'], stock, true)).toBe('patch');
    expect(refreshFor(['stock'], ['catalog'], undefined, true)).toBe('none');
  });
});

describe('withStock', () => {
  const list = [
    { id: 1, name: 'Tea', stock: 10 },
    { id: 7, name: 'Scone', stock: 5 },
  ];

  it('puts the new stock on the sold products and keeps the others as they were', () => {
    const next = withStock(list, { 7: 3, 99: 1 });
    expect(next).toEqual([
      { id: 1, name: 'Tea', stock: 10 },
      { id: 7, name: 'Scone', stock: 3 },
    ]);
    expect(next[0]).toBe(list[0]);
    expect(list[1]!.stock).toBe(5);
  });

  it('returns the same list when none of its products changed', () => {
    expect(withStock(list, { 99: 1 })).toBe(list);
    expect(withStock(list, { 7: 5 })).toBe(list);
  });
});
