/**
 * The catalogue's CSV through the real handlers on in-memory sqlite-wasm: a file as German Excel saves it
 * (byte-order mark, semicolons, decimal commas) is previewed without a change to the catalogue, then imported
 * with the same counts; a German shop's export is written for its spreadsheet and reads back unchanged.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { posProcessor, type Call } from '../testing/pos-processor';

let call: Call;
let db: Database;

const SHOP = { name: 'Kaffeehaus', address: 'Hauptstraße 1', phone: '1', taxNumber: 'DE1', currency: 'EUR', pricesIncludeTax: true, defaultTaxBp: 1900 };
const GERMAN_EXCEL = [
  'name;sku;barcode;category;price;tax_rate;stock;active',
  'Espresso;K-1;4000000000017;Getränke > Kaffee;2,40;19;50;yes',
  'Espressomaschine;M-1;;Geräte;1.234,50;19;2;ja',
  'Brezel;B-1;;Backwaren;zwei;7;10;yes',
  '',
  'Kuchen, gedeckt;B-2;;Backwaren;3,5;7;;',
].join('\r\n');

beforeEach(async () => {
  ({ call, db } = await posProcessor());
  await call('shop.save', SHOP);
  await call('catalog.save', { name: 'Espresso (alt)', sku: 'K-1', barcode: null, price: 220, taxBp: 1900, stock: 40, active: true, categoryId: null });
});

const products = () => db.selectObjects('SELECT name, sku, price, tax_bp AS taxBp, stock FROM products ORDER BY sku');

describe('catalogue CSV from a spreadsheet', () => {
  it('previews a German Excel file without changing anything, then imports it with the same counts', async () => {
    const before = products();
    const preview = await call('catalog.previewCsv', { csv: `\ufeff${GERMAN_EXCEL}` });
    expect(preview).toMatchObject({
      separator: ';',
      decimalMark: ',',
      rows: 4,
      created: 2,
      updated: 1,
      rejected: [{ line: 4, reason: 'the price "zwei" is not an amount with at most 2 decimals' }],
      problems: [],
    });
    expect(preview.header[0]).toBe('name');
    expect(preview.sample[1]).toEqual(['Espressomaschine', 'M-1', '', 'Geräte', '1.234,50', '19', '2', 'ja']);
    expect(products()).toEqual(before);
    expect(db.selectValue('SELECT count(*) FROM categories')).toBe(0);

    const report = await call('catalog.importCsv', { csv: `\ufeff${GERMAN_EXCEL}` });
    expect(report).toEqual({ created: preview.created, updated: preview.updated, rejected: preview.rejected, problems: [] });
    expect(products()).toEqual([
      { name: 'Kuchen, gedeckt', sku: 'B-2', price: 350, taxBp: 700, stock: 0 },
      { name: 'Espresso', sku: 'K-1', price: 240, taxBp: 1900, stock: 50 },
      { name: 'Espressomaschine', sku: 'M-1', price: 123450, taxBp: 1900, stock: 2 },
    ]);
  });

  it('refuses a file whose quote is never closed, and imports nothing of it', async () => {
    const csv = 'name,price\n"Tea,2\nCake,3\n';
    expect(await call('catalog.previewCsv', { csv })).toMatchObject({ created: 0, updated: 0, problems: ['record 2: a quoted field is not closed'] });
    expect(await call('catalog.importCsv', { csv })).toMatchObject({ created: 0, problems: ['record 2: a quoted field is not closed'] });
    expect(products()).toHaveLength(1);
  });

  it("exports for the shop's spreadsheet: a byte-order mark, semicolons and decimal commas for a German shop", async () => {
    await call('shop.save', { ...SHOP, locale: 'de-DE' });
    await call('catalog.importCsv', { csv: GERMAN_EXCEL });
    const { csv } = await call('catalog.exportCsv', {});
    expect(csv.startsWith('\ufeffname;sku;barcode;category;price;tax_rate;stock;active\r\n')).toBe(true);
    expect(csv).toContain('\r\nKuchen, gedeckt;B-2;;Backwaren;3,50;7;0;yes\r\n');
    expect(csv).toContain('\r\nEspressomaschine;M-1;;Geräte;1234,50;19;2;yes\r\n');
    const before = products();
    expect(await call('catalog.previewCsv', { csv })).toMatchObject({ created: 0, updated: 3, rejected: [] });
    await call('catalog.importCsv', { csv });
    expect(products()).toEqual(before);

    await call('shop.save', { ...SHOP, locale: 'en-GB' });
    expect((await call('catalog.exportCsv', {})).csv).toContain('\r\nEspressomaschine,M-1,,Geräte,1234.50,19,2,yes\r\n');
  });
});
