/**
 * Sales reports in the worker. Every query reads only the range's sales: by id range when they are one run of ids
 * (see `scope`), else through the `sales_created_at` index and a seek per sale into its lines and payments; never
 * a scan of all sales. Refunds are rows of kind 'refund' with negative amounts: summing them with
 * the sales takes them off, which is what every grouping here wants.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { CategoryTally, ProductTally, ReportHandlers, SalesReport } from '../../protocol/reports';
import type { PaymentMethod } from '../../../pos/payments';
import { QUARTER_MS, localClock, type QuarterTally } from '../../../pos/report';
import { csvAmount, csvFile, type CsvNumbers } from '../../../pos/report-csv';
import { currencyDigits } from '../../../pos/currency';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { listCategories } from './products';

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

/**
 * Which sales a report reads, as SQL: by the `sales_created_at` index, or, when the sales of the range are exactly
 * one run of ids (sales are numbered as they are recorded, so unless a clock was set back they are), by id range,
 * which reads the lines and payments as one run of their primary keys instead of a seek per sale.
 */
interface Scope {
  /** A condition on `sales s`. */
  sales: string;
  /** The rows of `child` (sale_lines, sale_payments) of those sales, as a FROM clause aliased `c`. */
  children(child: 'sale_lines' | 'sale_payments'): string;
  bind: number[];
}

function scope(db: Database, from: number, to: number, longRun: number): Scope {
  const byTime: Scope = {
    sales: 's.created_at >= ? AND s.created_at < ?',
    children: (child) => `sales s JOIN ${child} c ON c.sale_id = s.id WHERE s.created_at >= ? AND s.created_at < ?`,
    bind: [from, to],
  };
  const edge = (order: string) => db.selectValue(`SELECT id FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY created_at ${order}, id ${order} LIMIT 1`, [from, to]);
  const first = edge('ASC');
  const last = edge('DESC');
  if (typeof first !== 'number' || typeof last !== 'number' || last < first) return byTime;
  const run = db.selectObject('SELECT count(*) AS n, total(created_at < ? OR created_at >= ?) AS outside FROM sales WHERE id BETWEEN ? AND ?', [from, to, first, last]);
  const inRange = Number(db.selectValue('SELECT count(*) FROM sales WHERE created_at >= ? AND created_at < ?', [from, to]));
  if (Number(run?.outside) !== 0 || Number(run?.n) !== inRange) return byTime;
  // A long run reads the lines in product order (sale_lines_item, migration 0008), so they need no sorting to be
  // grouped by product; a short one reads its few lines by key and sorts them.
  const long = last - first > longRun;
  return {
    sales: 's.id BETWEEN ? AND ?',
    children: (child) => `${child} c${child === 'sale_lines' && long ? ' INDEXED BY sale_lines_item' : ''} WHERE c.sale_id BETWEEN ? AND ?`,
    bind: [first, last],
  };
}

/** Sales in a run beyond which a report reads the lines through the product-ordered index. */
const LONG_RUN = 20_000;

const quartersSql = (where: string) => `
  SELECT s.created_at / ${QUARTER_MS} AS quarter,
    sum(s.kind = 'sale') AS sales, sum(s.kind = 'refund') AS refunds,
    sum(iif(s.kind = 'sale', s.subtotal, 0)) AS gross, sum(iif(s.kind = 'sale', s.discount_total, 0)) AS discounts,
    -sum(iif(s.kind = 'refund', s.total, 0)) AS refunded, sum(s.total) AS net, sum(s.tax_total) AS tax,
    sum(s.cash_rounding) AS rounding
  FROM sales s WHERE ${where} GROUP BY quarter ORDER BY quarter`;

// Lines grouped by the version of the product sold first (few per product), then by product.
const productsSql = (lines: string) => `
  WITH items AS (SELECT c.item_id, sum(c.quantity) AS quantity, sum(c.amount) AS amount FROM ${lines} GROUP BY c.item_id)
  SELECT i.product_id, coalesce(p.name, max(i.name)) AS name, coalesce(p.sku, max(i.sku)) AS sku, p.category_id,
    sum(items.quantity) AS quantity, sum(items.amount) AS amount
  FROM items JOIN line_items i ON i.id = items.item_id LEFT JOIN products p ON p.id = i.product_id
  GROUP BY i.product_id, iif(i.product_id IS NULL, i.name, NULL)
  ORDER BY amount DESC, name`;

const methodsSql = (payments: string) => `
  SELECT c.method, count(*) AS count, sum(c.amount) AS amount FROM ${payments} GROUP BY c.method
  ORDER BY CASE c.method WHEN 'cash' THEN 0 WHEN 'card' THEN 1 ELSE 2 END`;

const staffSql = (where: string) => `
  SELECT s.staff_id, st.name, sum(s.kind = 'sale') AS sales, sum(s.kind = 'refund') AS refunds, sum(s.total) AS net
  FROM sales s LEFT JOIN staff st ON st.id = s.staff_id WHERE ${where} GROUP BY s.staff_id ORDER BY net DESC`;

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

function quarters(db: Database, where: Scope): QuarterTally[] {
  return db.selectObjects(quartersSql(where.sales), where.bind).map((r) => ({
    quarter: num(r.quarter), sales: num(r.sales), refunds: num(r.refunds), gross: num(r.gross),
    discounts: num(r.discounts), refunded: num(r.refunded), net: num(r.net), tax: num(r.tax), rounding: num(r.rounding),
  }));
}

function products(db: Database, where: Scope): ProductTally[] {
  return db.selectObjects(productsSql(where.children('sale_lines')), where.bind).map((r: Row) => ({
    productId: r.product_id === null ? null : num(r.product_id),
    name: String(r.name),
    sku: text(r.sku),
    categoryId: r.category_id === null || r.category_id === undefined ? null : num(r.category_id),
    quantity: num(r.quantity),
    amount: num(r.amount),
  }));
}

/** The products' sales added up by their category (as it is now), best-selling first. */
function categories(db: Database, sold: ProductTally[]): CategoryTally[] {
  const paths = new Map(listCategories(db).map((c) => [c.id, c.path]));
  const byCategory = new Map<number | null, CategoryTally>();
  for (const p of sold) {
    let row = byCategory.get(p.categoryId);
    if (!row) {
      row = { categoryId: p.categoryId, name: (p.categoryId !== null && paths.get(p.categoryId)) || 'No category', quantity: 0, amount: 0 };
      byCategory.set(p.categoryId, row);
    }
    row.quantity += p.quantity;
    row.amount += p.amount;
  }
  return [...byCategory.values()].sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}

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

/** The sales report of [from, to); `longRun` as {@link LONG_RUN} (a test sets it below 0 to read a short range as a long one). */
export function salesReport(db: Database, from: number, to: number, longRun = LONG_RUN): SalesReport {
  const where = scope(db, from, to, longRun);
  const sold = products(db, where);
  return {
    from,
    to,
    quarters: quarters(db, where),
    products: sold,
    categories: categories(db, sold),
    methods: db.selectObjects(methodsSql(where.children('sale_payments')), where.bind).map((r) => ({
      method: String(r.method) as PaymentMethod, count: num(r.count), amount: num(r.amount),
    })),
    staff: db.selectObjects(staffSql(where.sales), where.bind).map((r) => ({
      staffId: r.staff_id === null ? null : num(r.staff_id),
      name: r.staff_id === null ? 'Not recorded' : String(r.name ?? 'Not recorded'),
      sales: num(r.sales), refunds: num(r.refunds), net: num(r.net),
    })),
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
  'report.salesCsv': {
    kind: 'query',
    run: ({ db }, args) => {
      const [from, to] = range(args.from, args.to);
      if (args.decimal !== '.' && args.decimal !== ',') throw new HandlerError('invalid', 'The decimal mark must be "." or ",".');
      return salesCsv(db, from, to, String(args.timeZone), args.decimal);
    },
  },
} satisfies HandlerImpls<ReportHandlers>;
