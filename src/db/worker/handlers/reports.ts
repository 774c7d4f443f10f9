/**
 * Sales reports in the worker, and the low-stock list. A report's sums over time, payment method and staff member
 * come from the tallies of migration 0009 (report-tallies.ts), its products and categories from the range's lines
 * (report-products.ts); never a scan of all sales. Refunds are rows of kind 'refund' with negative amounts: summing
 * them with the sales takes them off, which is what every grouping here wants.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ReportHandlers, SalesReport } from '../../protocol/reports';
import { REPORT_TOP_PRODUCTS, localClock } from '../../../pos/report';
import { csvAmount, csvFile, type CsvNumbers } from '../../../pos/report-csv';
import { currencyDigits } from '../../../pos/currency';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { allProducts, lineScope, productSummary } from './report-products';
import { methodTallies, quarterTallies, splitRange, staffTallies } from './report-tallies';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The range checked: whole milliseconds, running forward. */
function range(from: unknown, to: unknown): [number, number] {
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to <= from) {
    throw new HandlerError('invalid', 'Choose a date range whose last day is on or after its first.');
  }
  return [from, to];
}

const LINES = `
  SELECT s.number, s.kind, s.created_at, s.currency, r.number AS refund_of, l.line_no, i.name, i.sku, i.barcode,
    l.quantity, i.unit_price, l.discount, l.amount, i.tax_bp
  FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN line_items i ON i.id = l.item_id
    LEFT JOIN sales r ON r.id = s.refund_of
  WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.id, l.line_no`;

/** The header of the raw sales CSV. */
export const SALES_CSV_HEADER = [
  'Receipt', 'Kind', 'Refund of', 'Date', 'Time', 'Line', 'Product', 'SKU', 'Barcode',
  'Quantity', 'Unit price', 'Discount', 'Amount', 'Tax rate %', 'Currency',
];

/** The raw sales of the range as CSV text, one row per line. */
export function salesCsv(db: Database, from: number, to: number, timeZone: string, decimal: '.' | ','): { csv: string; rows: number } {
  let clock: ReturnType<typeof localClock>;
  try {
    clock = localClock(timeZone);
  } catch {
    throw new HandlerError('invalid', `“${timeZone}” is not a time zone this browser knows.`);
  }
  const currency = String(db.selectValue('SELECT currency FROM shop WHERE id = 1') ?? 'EUR');
  const numbers: CsvNumbers = { digits: currencyDigits(currency), decimal };
  const taxNumbers: CsvNumbers = { digits: 2, decimal };
  const rows: string[][] = [];
  db.exec({
    sql: LINES,
    bind: [from, to],
    rowMode: 'object',
    callback: (r: Row) => {
      const { date, time } = clock(num(r.created_at));
      const digits: CsvNumbers = r.currency === currency ? numbers : { digits: currencyDigits(String(r.currency)), decimal };
      rows.push([
        String(r.number), r.kind === 'refund' ? 'refund' : 'sale', r.refund_of === null ? '' : String(r.refund_of), date, time,
        String(r.line_no), String(r.name), text(r.sku) ?? '', text(r.barcode) ?? '', String(r.quantity),
        csvAmount(num(r.unit_price), digits), csvAmount(num(r.discount), digits), csvAmount(num(r.amount), digits),
        csvAmount(num(r.tax_bp), taxNumbers), String(r.currency),
      ]);
    },
  });
  return { csv: csvFile(SALES_CSV_HEADER, rows, decimal), rows: rows.length };
}

const LOW_STOCK = `
  SELECT id, name, sku, barcode, stock, low_stock FROM products
  WHERE low_stock IS NOT NULL AND stock - low_stock <= 0 AND active = 1 ORDER BY stock - low_stock, name`;

/**
 * The sales report of [from, to), with its best-selling {@link REPORT_TOP_PRODUCTS} products; `longRun` as
 * `lineScope`'s (a test sets it below 0 to read a short range's lines as a long one's).
 */
export function salesReport(db: Database, from: number, to: number, longRun?: number): SalesReport {
  const split = splitRange(from, to);
  return {
    from,
    to,
    quarters: quarterTallies(db, split),
    ...productSummary(db, lineScope(db, from, to, longRun), REPORT_TOP_PRODUCTS),
    methods: methodTallies(db, split),
    staff: staffTallies(db, split),
  };
}

export const reportHandlers = {
  'stock.low': {
    kind: 'query',
    run: ({ db }) => ({
      products: db.selectObjects(LOW_STOCK).map((r) => ({
        id: num(r.id), name: String(r.name), sku: text(r.sku), barcode: text(r.barcode), stock: num(r.stock), threshold: num(r.low_stock),
      })),
      watched: num(db.selectValue('SELECT count(*) FROM products WHERE low_stock IS NOT NULL AND active = 1')),
    }),
  },
  'stock.setThreshold': {
    kind: 'mutation',
    changes: ['catalog'],
    run: ({ db }, { productId, threshold }) => {
      if (threshold !== null && (typeof threshold !== 'number' || !Number.isSafeInteger(threshold) || threshold < 0)) {
        throw new HandlerError('invalid', 'A low-stock threshold is a whole number of 0 or more, or empty for none.');
      }
      const changed = db.selectValue('UPDATE products SET low_stock = ? WHERE id = ? RETURNING id', [threshold, productId]);
      if (changed === undefined) throw new HandlerError('not-found', 'That product is not in the catalogue any more. Search for it again.');
      return { productId, threshold };
    },
  },
  'report.sales': {
    kind: 'query',
    run: ({ db }, args): SalesReport => {
      const [from, to] = range(args.from, args.to);
      return salesReport(db, from, to);
    },
  },
  'report.products': {
    kind: 'query',
    run: ({ db }, args) => {
      const [from, to] = range(args.from, args.to);
      return allProducts(db, lineScope(db, from, to));
    },
  },
  'report.salesCsv': {
    kind: 'query',
    run: ({ db }, args) => {
      const [from, to] = range(args.from, args.to);
      if (args.decimal !== '.' && args.decimal !== ',') throw new HandlerError('invalid', 'The decimal mark must be "." or ",".');
      return salesCsv(db, from, to, String(args.timeZone), args.decimal);
    },
  },
} satisfies HandlerImpls<ReportHandlers>;
