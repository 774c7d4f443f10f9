/**
 * The catalogue as CSV: export every product, import a file row by row. An import runs as one mutation (one
 * transaction): good rows are written, bad rows are reported with their line number and the reason.
 * A row updates the product with its SKU, or else the one with its barcode and no other SKU; otherwise it creates one.
 * A preview runs the same import in a transaction that is rolled back, so what it counts is what the import does.
 * Exports are written for a spreadsheet in the shop's locale: a semicolon and decimal commas where its decimal
 * mark is a comma, else commas and points.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ImportPreview, ImportReport } from '../../protocol/catalog';
import type { ProductInput } from '../../../pos/product';
import { CATALOG_COLUMNS, decimalMarkOf, readHeader, rowToFields, validateRow, type RejectedRow } from '../../../pos/catalog-csv';
import { delimiterFor, readCsv, toCsv } from '../../../pos/csv';
import { separators } from '../../../pos/locale-amount';
import { currencyDigits } from '../../../pos/currency';
import { HandlerError } from '../runtime/errors';
import { categoryForPath, listCategories, writeProduct } from './products';
import { PRODUCT_COLUMNS, requireShop, rowToProduct } from './rows';

/** The whole catalogue as CSV text. */
export function exportCatalog(db: Database): { csv: string; rows: number } {
  const shop = requireShop(db);
  const digits = currencyDigits(shop.currency);
  const delimiter = delimiterFor(separators(shop.locale ?? undefined).decimal);
  const mark = decimalMarkOf(delimiter);
  const paths = new Map(listCategories(db).map((c) => [c.id, c.path.split(' > ')]));
  const rows = db.selectObjects(`SELECT ${PRODUCT_COLUMNS} FROM products p ORDER BY p.name COLLATE NOCASE, p.id`).map((row) => {
    const product = rowToProduct(row);
    return rowToFields({ ...product, category: product.categoryId === null ? [] : (paths.get(product.categoryId) ?? []) }, digits, mark);
  });
  return { csv: toCsv([[...CATALOG_COLUMNS], ...rows], delimiter), rows: rows.length };
}

/** Imports CSV text; see the module comment. */
export function importCatalog(db: Database, csv: string, at: string): ImportReport {
  const shop = requireShop(db);
  const digits = currencyDigits(shop.currency);
  const file = readCsv(csv);
  const [header, ...data] = file.rows;
  if (!header) throw new HandlerError('invalid', 'The file is empty.');
  const mark = decimalMarkOf(file.delimiter);
  const { index, problems } = readHeader(header);
  // A quote left open swallows the rest of the file into one field: nothing of it can be trusted.
  if (file.problems.length) return { created: 0, updated: 0, rejected: [], problems: [...file.problems, ...problems] };
  const fatal = problems.filter((p) => p.startsWith('the header has no'));
  if (fatal.length) return { created: 0, updated: 0, rejected: [], problems };

  const report: ImportReport = { created: 0, updated: 0, rejected: [], problems };
  const reject = (line: number, reason: string) => report.rejected.push({ line, reason } satisfies RejectedRow);
  const seenSku = new Map<string, number>();
  const seenBarcode = new Map<string, number>();
  data.forEach((fields, i) => {
    const line = i + 2;
    if (fields.every((f) => f.trim() === '')) return;
    const checked = validateRow(fields, index, digits, shop.defaultTaxBp, mark);
    if ('reason' in checked) return reject(line, checked.reason);
    const { row } = checked;
    if (row.sku && seenSku.has(row.sku)) return reject(line, `the SKU ${row.sku} is also on line ${seenSku.get(row.sku)}`);
    if (row.barcode && seenBarcode.has(row.barcode)) return reject(line, `the barcode ${row.barcode} is also on line ${seenBarcode.get(row.barcode)}`);
    // The SKU identifies a product; the barcode does only when one side has no SKU (else it is a clash).
    const bySku: unknown = row.sku ? db.selectValue('SELECT id FROM products WHERE sku = ?', [row.sku]) : undefined;
    const byBarcode: unknown =
      bySku === undefined && row.barcode
        ? db.selectValue('SELECT id FROM products WHERE barcode = ? AND (sku IS NULL OR ? IS NULL)', [row.barcode, row.sku])
        : undefined;
    const existing = bySku ?? byBarcode;
    const input: ProductInput = {
      name: row.name,
      sku: row.sku,
      barcode: row.barcode,
      price: row.price,
      taxBp: row.taxBp,
      stock: row.stock,
      active: row.active,
      categoryId: null,
    };
    if (existing !== undefined) input.id = Number(existing);
    if (!index.has('stock') && input.id !== undefined) input.stock = Number(db.selectValue('SELECT stock FROM products WHERE id = ?', [input.id]));
    // A savepoint per row: a row that fails (a barcode owned by another product) leaves no trace, not even a new category.
    db.exec('SAVEPOINT import_row');
    try {
      input.categoryId = categoryForPath(db, row.category);
      writeProduct(db, input, 'import', at);
      db.exec('RELEASE import_row');
    } catch (error) {
      db.exec('ROLLBACK TO import_row; RELEASE import_row');
      if (error instanceof HandlerError) return reject(line, error.message.replace(/\.$/, ''));
      throw error;
    }
    if (row.sku) seenSku.set(row.sku, line);
    if (row.barcode) seenBarcode.set(row.barcode, line);
    if (input.id === undefined) report.created++;
    else report.updated++;
  });
  return report;
}

/** How many first rows a preview shows. */
const PREVIEW_ROWS = 5;

/** What importing `csv` would do, without doing it: see the module comment. */
export function previewCatalog(db: Database, csv: string, at: string): ImportPreview {
  const file = readCsv(csv);
  db.exec('BEGIN');
  try {
    const report = importCatalog(db, csv, at);
    return {
      ...report,
      separator: file.delimiter,
      decimalMark: decimalMarkOf(file.delimiter),
      header: file.rows[0] ?? [],
      sample: file.rows.slice(1, 1 + PREVIEW_ROWS),
      rows: file.rows.slice(1).filter((fields) => fields.some((f) => f.trim() !== '')).length,
    };
  } finally {
    db.exec('ROLLBACK');
  }
}
