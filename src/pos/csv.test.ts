import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { readHeader, rowToFields, validateRow } from './catalog-csv';

describe('CSV', () => {
  it('round-trips commas, quotes and line breaks', () => {
    const rows = [['name', 'note'], ['Tea, green', 'says "hi"'], ['two\nlines', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it('reads LF, CRLF and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\nc,d\r\ne,f')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });
  it('keeps spreadsheet formulas from running', () => {
    expect(toCsv([['=SUM(A1)', '-5']])).toBe("'=SUM(A1),-5\r\n");
  });
});

describe('catalogue rows', () => {
  const { index } = readHeader(['name', 'sku', 'barcode', 'category', 'price', 'tax_rate', 'stock', 'active']);
  it('accepts a good row', () => {
    expect(validateRow(['Tea', 'T-1', '4000000000017', 'Drinks > Tea', '2.50', '20', '12', 'yes'], index, 2, 550)).toEqual({
      row: { name: 'Tea', sku: 'T-1', barcode: '4000000000017', category: ['Drinks', 'Tea'], price: 250, taxBp: 2000, stock: 12, active: true },
    });
  });
  it('uses the default tax rate when none is given', () => {
    const result = validateRow(['Tea', '', '', '', '2', '', '', ''], index, 2, 550);
    expect(result).toMatchObject({ row: { taxBp: 550, stock: 0, active: true, sku: null, barcode: null } });
  });
  it.each([
    [['', 'x', '', '', '1', '', '', ''], /name is empty/],
    [['Tea', '', '', '', 'two', '', '', ''], /price "two"/],
    [['Tea', '', '', '', '1.234', '', '', ''], /at most 2 decimals/],
    [['Tea', '', '', '', '1', 'abc', '', ''], /tax rate/],
    [['Tea', '', '', '', '1', '', '1.5', ''], /stock/],
    [['Tea', '', 'a b', '', '1', '', '', ''], /barcode/],
    [['Tea', '', '', '', '1', '', '', 'maybe'], /yes or no/],
  ])('rejects %j', (fields, reason) => {
    const result = validateRow(fields, index, 2, 2000);
    expect('reason' in result && result.reason).toMatch(reason);
  });
  it('reports a header without name or price', () => {
    expect(readHeader(['sku', 'colour']).problems).toEqual([
      'the header has no "price" column',
      'the header has no "name" column',
      'unknown column "colour" is ignored',
    ]);
  });
  it('writes what it reads', () => {
    const row = { name: 'Tea', sku: 'T-1', barcode: null, category: ['Drinks'], price: 5, taxBp: 550, stock: -2, active: false };
    const fields = rowToFields(row, 2);
    expect(fields).toEqual(['Tea', 'T-1', '', 'Drinks', '0.05', '5.5', '-2', 'no']);
    expect(validateRow(fields, index, 2, 0)).toEqual({ row });
  });
});
