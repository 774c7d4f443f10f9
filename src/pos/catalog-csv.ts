/**
 * The catalogue's CSV format and the checks each imported row must pass before it reaches the database.
 * Columns: name, sku, barcode, category ("Drinks > Coffee"), price (decimal, as the shop enters prices),
 * tax_rate (percent), stock (whole number), active (yes/no).
 *
 * Amounts follow the file's decimal mark: a comma in a semicolon-separated file (as German or French Excel saves
 * it: "1.234,50", "1 234,50"), else a point ("1,234.50"). See `decimalMarkOf`.
 */
import { parsePercent, toDecimal } from './currency';
import { parseLocaleAmount } from './locale-amount';
import type { CsvDelimiter } from './csv';

/** A decimal mark, and a locale that writes amounts with it (its digit groups read too). */
export type DecimalMark = ',' | '.';
const LOCALE_OF: Record<DecimalMark, string> = { ',': 'de-DE', '.': 'en-US' };

/** The decimal mark of a file with this separator: a comma in semicolon-separated files, else a point. */
export function decimalMarkOf(delimiter: CsvDelimiter): DecimalMark {
  return delimiter === ';' ? ',' : '.';
}

/** The header row, in order. */
export const CATALOG_COLUMNS = ['name', 'sku', 'barcode', 'category', 'price', 'tax_rate', 'stock', 'active'] as const;

/** One product as a CSV row carries it. */
export interface CatalogRow {
  name: string;
  sku: string | null;
  barcode: string | null;
  /** Category path from the top, e.g. ["Drinks", "Coffee"]; empty for none. */
  category: string[];
  price: number;
  taxBp: number;
  stock: number;
  active: boolean;
}

/** A row that was not imported: its line in the file (1 is the header) and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** Reads the header: the index of each known column. Unknown columns are reported, missing "name"/"price" too. */
export function readHeader(header: string[]): { index: Map<string, number>; problems: string[] } {
  const index = new Map<string, number>();
  const problems: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if ((CATALOG_COLUMNS as readonly string[]).includes(name)) index.set(name, i);
    else if (name) problems.push(`unknown column "${raw.trim()}" is ignored`);
  });
  for (const needed of ['name', 'price']) if (!index.has(needed)) problems.unshift(`the header has no "${needed}" column`);
  return { index, problems };
}

/** How "active" may be written: English, and the German and French a spreadsheet of those shops has. */
const YES = ['yes', 'true', '1', 'y', 'ja', 'oui'];
const NO = ['no', 'false', '0', 'n', 'nein', 'non'];

/** Checks one data row; returns the product or the reason it is rejected. */
export function validateRow(
  fields: string[],
  index: Map<string, number>,
  digits: number,
  defaultTaxBp: number,
  decimalMark: DecimalMark = '.',
): { row: CatalogRow } | { reason: string } {
  const get = (column: string) => {
    const i = index.get(column);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const name = get('name');
  if (!name) return { reason: 'the name is empty' };
  if (name.length > 200) return { reason: 'the name is longer than 200 characters' };
  const price = parseLocaleAmount(get('price'), digits, LOCALE_OF[decimalMark]);
  if (price === null) return { reason: `the price "${get('price')}" is not an amount with at most ${digits} decimals` };
  const taxText = get('tax_rate').replace(/%$/, '').trim();
  const taxBp = taxText === '' ? defaultTaxBp : parsePercent(taxText, 1000);
  if (taxBp === null) return { reason: `the tax rate "${get('tax_rate')}" is not a percentage` };
  const stockText = get('stock');
  if (stockText !== '' && !/^-?\d{1,9}$/.test(stockText)) return { reason: `the stock "${stockText}" is not a whole number` };
  const activeText = get('active').toLowerCase();
  if (![...YES, ...NO, ''].includes(activeText)) {
    return { reason: `active "${get('active')}" is not yes or no` };
  }
  const barcode = get('barcode');
  if (barcode && !/^[\x21-\x7e]{1,64}$/.test(barcode)) return { reason: `the barcode "${barcode}" has spaces or unusual characters` };
  const sku = get('sku');
  if (sku.length > 64) return { reason: 'the SKU is longer than 64 characters' };
  return {
    row: {
      name,
      sku: sku || null,
      barcode: barcode || null,
      category: get('category').split('>').map((part) => part.trim()).filter(Boolean),
      price,
      taxBp,
      stock: stockText === '' ? 0 : Number(stockText),
      active: !NO.includes(activeText),
    },
  };
}

/** One product as CSV fields, in {@link CATALOG_COLUMNS} order, amounts with `decimalMark`. */
export function rowToFields(row: CatalogRow, digits: number, decimalMark: DecimalMark = '.'): string[] {
  const mark = (text: string) => (decimalMark === ',' ? text.replace('.', ',') : text);
  return [
    row.name,
    row.sku ?? '',
    row.barcode ?? '',
    row.category.join(' > '),
    mark(toDecimal(row.price, digits)),
    mark(String(row.taxBp / 100)),
    String(row.stock),
    row.active ? 'yes' : 'no',
  ];
}
