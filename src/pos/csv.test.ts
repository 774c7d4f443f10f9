import { describe, expect, it } from 'vitest';
import { readCsv, toCsv } from './csv';
import { readHeader, rowToFields, validateRow } from './catalog-csv';

describe('CSV', () => {
  it('round-trips commas, semicolons, quotes and line breaks, with either separator', () => {
    const rows = [['name', 'note'], ['Tea, green; loose', 'says "hi"'], ['two\nlines', '']];
    expect(readCsv(toCsv(rows))).toEqual({ rows, delimiter: ',', problems: [] });
    expect(readCsv(toCsv(rows, ';'))).toEqual({ rows, delimiter: ';', problems: [] });
  });
  it('reads LF, CRLF and a byte-order mark', () => {
    expect(readCsv('\ufeffa,b\nc,d\r\ne,f').rows).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });
  it('reads what German Excel saves: a byte-order mark, semicolons, decimal commas, an empty line', () => {
    const file = readCsv('\ufeffname;price;tax_rate\r\nBrot;2,50;7\r\n\r\n"Kaffee; Bohnen";1.234,50;19\r\n');
    expect(file).toEqual({
      delimiter: ';',
      problems: [],
      rows: [['name', 'price', 'tax_rate'], ['Brot', '2,50', '7'], [''], ['Kaffee; Bohnen', '1.234,50', '19']],
    });
  });
  it('says so when a quote is never closed', () => {
    expect(readCsv('name,price\n"Tea,2\nCake,3\n').problems).toEqual(['record 2: a quoted field is not closed']);
  });
  it('writes a byte-order mark and keeps spreadsheet formulas from running', () => {
    expect(toCsv([['=SUM(A1)', '-5', '@x']])).toBe(`\ufeff"'=SUM(A1)",-5,"'@x"\r\n`);
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
  it('reads amounts with the file\'s decimal mark', () => {
    const row = ['Kaffee', '', '', '', '1.234,50', '5,5', '3', 'yes'];
    expect(validateRow(row, index, 2, 0, ',')).toMatchObject({ row: { price: 123450, taxBp: 550 } });
    expect(validateRow(['Tea', '', '', '', '1,234.50', '5.5', '', ''], index, 2, 0, '.')).toMatchObject({ row: { price: 123450, taxBp: 550 } });
    expect(validateRow(['Tea', '', '', '', '2,5', '', '', ''], index, 2, 0, ',')).toMatchObject({ row: { price: 250 } });
  });
  it('writes amounts with a decimal comma for a semicolon file', () => {
    const row = { name: 'Tee', sku: null, barcode: null, category: [], price: 123450, taxBp: 550, stock: 1, active: true };
    expect(rowToFields(row, 2, ',')).toEqual(['Tee', '', '', '', '1234,50', '5,5', '1', 'yes']);
    expect(validateRow(rowToFields(row, 2, ','), index, 2, 0, ',')).toEqual({ row });
  });
  it('writes what it reads', () => {
    const row = { name: 'Tea', sku: 'T-1', barcode: null, category: ['Drinks'], price: 5, taxBp: 550, stock: -2, active: false };
    const fields = rowToFields(row, 2);
    expect(fields).toEqual(['Tea', 'T-1', '', 'Drinks', '0.05', '5.5', '-2', 'no']);
    expect(validateRow(fields, index, 2, 0)).toEqual({ row });
  });
});
