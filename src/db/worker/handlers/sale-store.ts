/**
 * The sales tables of the lean schema (migration 0003), read and written through statements prepared once per
 * database: a sale commit runs about fifteen statements, and preparing each from its SQL text on every call cost
 * more than running it (0.2–1.0 ms per sale, measured).
 *
 * The schema stores a sale's UUIDv7 as 16 bytes and its times as UTC milliseconds; this module is the one place
 * that turns them back into the text the UI has always been given (`0194…-…` ids, ISO 8601 times).
 */
import type { Database, PreparedStatement } from '@sqlite.org/sqlite-wasm';
import type { PaymentMethod } from '../../../pos/payments';
import type { Discount } from '../../../pos/pricing';
import { preparedOn } from '../storage/prepared';
import { rowToShop } from './rows';

type Row = Record<string, unknown>;

/** A sale's UUID as the UI knows it: 36 characters, lower case, dashed. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` is a UUID in the form a sale id must have (lower case, dashed). */
export function isSaleUuid(id: string): boolean {
  return UUID.test(id);
}

/** 32 hex digits (as `hex(uuid)` returns them) as a dashed lower-case UUID. */
export function uuidFromHex(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** UTC milliseconds as stored, as the ISO 8601 text the UI shows and filters by. */
export const isoFromMs = (ms: unknown): string => new Date(Number(ms)).toISOString();

/** ISO 8601 text (or anything `Date.parse` reads) as stored UTC milliseconds; null when absent or unreadable. */
export function msFromIso(iso: string | undefined | null): number | null {
  if (iso === undefined || iso === null || iso === '') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Who rang it up, a refund's original and reason, and whether a void reversed it (migration 0007). */
const STAFF_AND_REFUND_COLUMNS = `(SELECT name FROM staff WHERE id = s.staff_id) AS staff_name,
  (SELECT o.number FROM sales o WHERE o.id = s.refund_of) AS refund_of_number,
  EXISTS (SELECT 1 FROM sales r JOIN refund_details v ON v.refund_id = r.id WHERE r.refund_of = s.id AND v.is_void = 1) AS voided`;
const SALE_COLUMNS = `s.id, lower(hex(s.uuid)) AS uuid_hex, s.number, s.kind, s.created_at, s.currency, s.prices_include_tax,
  s.subtotal, s.discount_total, s.order_discount, s.tax_total, s.total, s.paid, s.change_due, s.cash_rounding, d.details AS shop,
  ${STAFF_AND_REFUND_COLUMNS},
  (SELECT reason FROM refund_details WHERE refund_id = s.id) AS reason, (SELECT is_void FROM refund_details WHERE refund_id = s.id) AS is_void`;
/** Binds a dashed UUID text and compares it with the stored 16 bytes. */
const UUID_PARAM = "unhex(replace(?, '-', ''))";

const SQL = {
  saleByUuid: `SELECT ${SALE_COLUMNS} FROM sales s JOIN shop_details d ON d.id = s.shop_details_id WHERE s.uuid = ${UUID_PARAM}`,
  saleByNumber: `SELECT ${SALE_COLUMNS} FROM sales s JOIN shop_details d ON d.id = s.shop_details_id WHERE s.number = ?`,
  saleExists: `SELECT 1 FROM sales WHERE uuid = ${UUID_PARAM}`,
  lines: `SELECT l.line_no, i.product_id, i.name, i.sku, l.quantity, i.unit_price, l.list_price, i.tax_bp, l.line_discount, l.discount, l.amount
    FROM sale_lines l JOIN line_items i ON i.id = l.item_id WHERE l.sale_id = ? ORDER BY l.line_no`,
  itemByVersion: `SELECT id FROM line_items
    WHERE product_id IS ? AND name = ? AND sku IS ? AND barcode IS ? AND unit_price = ? AND tax_bp = ?`,
  insertItem: 'INSERT INTO line_items (product_id, name, sku, barcode, unit_price, tax_bp) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  taxes: 'SELECT tax_bp, net, tax, gross FROM sale_taxes WHERE sale_id = ? ORDER BY tax_bp',
  payments: 'SELECT method, amount, tendered FROM sale_payments WHERE sale_id = ? ORDER BY seq',
  nextNumber: "UPDATE sequences SET value = value + 1 WHERE name = 'sale_number' RETURNING value",
  shop: 'SELECT name, address, phone, tax_number, currency, prices_include_tax, default_tax_bp, locale, cash_step FROM shop WHERE id = 1',
  registerByKey: 'SELECT id FROM registers WHERE key = ?',
  insertRegister: 'INSERT INTO registers (key) VALUES (?) RETURNING id',
  shopDetailsByText: 'SELECT id FROM shop_details WHERE details = ?',
  insertShopDetails: 'INSERT INTO shop_details (details) VALUES (?) RETURNING id',
  insertSale: `INSERT INTO sales (uuid, number, kind, created_at, register_id, shop_details_id, currency, prices_include_tax,
      subtotal, discount_total, order_discount, tax_total, total, paid, change_due, cash_rounding, staff_id)
    VALUES (${UUID_PARAM}, ?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  insertLine: `INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount, list_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  productPrice: 'SELECT price FROM products WHERE id = ?',
  insertTax: 'INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES (?, ?, ?, ?, ?)',
  insertPayment: 'INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES (?, ?, ?, ?, ?)',
  insertMovement: `INSERT INTO stock_movements (product_id, delta, reason, sale_id, line_no, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  updateStock: 'UPDATE products SET stock = stock + ? WHERE id = ?',
  stockOf: 'SELECT stock FROM products WHERE id = ?',
  deleteCart: 'DELETE FROM carts WHERE register_id = ?',
} as const;

type StatementName = keyof typeof SQL;

/** One database's prepared statements, made on first use. */
export interface SaleStatements {
  /** Runs statement `name` with `bind` and returns its rows as objects. */
  all(name: StatementName, bind: unknown[]): Row[];
  /** The first row, or undefined. */
  one(name: StatementName, bind: unknown[]): Row | undefined;
  /** The first column of the first row, or undefined. */
  value(name: StatementName, bind: unknown[]): unknown;
  /** Runs a statement that returns nothing. */
  run(name: StatementName, bind: unknown[]): void;
}

/**
 * The prepared statements of `db`, prepared once each (`storage/prepared.ts`, keyed by the connection: after a
 * restore the old handle, whose close finalizes its statements, is gone and the new one gets its own set).
 */
export function saleStatements(db: Database): SaleStatements {
  const use = <T>(name: StatementName, bind: unknown[], read: (stmt: PreparedStatement) => T): T => {
    const stmt = preparedOn(db, SQL[name]);
    try {
      if (bind.length > 0) stmt.bind(bind as never);
      return read(stmt);
    } finally {
      stmt.reset(true);
    }
  };
  return {
    all: (name, bind) =>
      use(name, bind, (stmt) => {
        const rows: Row[] = [];
        while (stmt.step()) rows.push(stmt.get({}) as Row);
        return rows;
      }),
    one: (name, bind) => use(name, bind, (stmt) => (stmt.step() ? (stmt.get({}) as Row) : undefined)),
    value: (name, bind) => use(name, bind, (stmt) => (stmt.step() ? stmt.get(0) : undefined)),
    run: (name, bind) => use(name, bind, (stmt) => void stmt.step()),
  };
}

const json = <T>(text: unknown): T | null => (text === null || text === undefined ? null : (JSON.parse(String(text)) as T));

/** Who rang up a row read with {@link STAFF_AND_REFUND_COLUMNS}, its original (a refund's) and whether it was voided. */
function staffAndRefund(row: Row) {
  return {
    staffName: row.staff_name === null || row.staff_name === undefined ? null : String(row.staff_name),
    refundOf: row.refund_of_number === null || row.refund_of_number === undefined ? null : Number(row.refund_of_number),
    voided: Number(row.voided) === 1,
  };
}

/** A sale row with its lines, tax bands and payments, in the shapes the UI reads (see `SaleDetail`). */
export function readSaleRow(st: SaleStatements, row: Row) {
  const key = Number(row.id);
  return {
    id: uuidFromHex(String(row.uuid_hex)),
    number: Number(row.number),
    kind: String(row.kind) as 'sale' | 'refund',
    createdAt: isoFromMs(row.created_at),
    currency: String(row.currency),
    total: Number(row.total),
    ...staffAndRefund(row),
    reason: row.reason === null || row.reason === undefined ? null : String(row.reason),
    isVoid: Number(row.is_void) === 1,
    shop: JSON.parse(String(row.shop)),
    pricesIncludeTax: Number(row.prices_include_tax) === 1,
    subtotal: Number(row.subtotal),
    discountTotal: Number(row.discount_total),
    orderDiscount: json<Discount>(row.order_discount),
    taxTotal: Number(row.tax_total),
    paid: Number(row.paid),
    changeDue: Number(row.change_due),
    cashRounding: Number(row.cash_rounding),
    lines: st.all('lines', [key]).map((l) => ({
      lineNo: Number(l.line_no),
      productId: l.product_id === null ? null : Number(l.product_id),
      name: String(l.name),
      sku: l.sku === null ? null : String(l.sku),
      quantity: Number(l.quantity),
      unitPrice: Number(l.unit_price),
      // Only on lines sold at another price, so receipts of other sales read as they always did.
      ...(l.list_price === null || l.list_price === undefined ? {} : { listPrice: Number(l.list_price) }),
      taxBp: Number(l.tax_bp),
      lineDiscount: json<Discount>(l.line_discount),
      discount: Number(l.discount),
      amount: Number(l.amount),
    })),
    taxes: st.all('taxes', [key]).map((t) => ({ taxBp: Number(t.tax_bp), net: Number(t.net), tax: Number(t.tax), gross: Number(t.gross) })),
    payments: st.all('payments', [key]).map((p) => ({ method: String(p.method) as PaymentMethod, amount: Number(p.amount), tendered: Number(p.tendered) })),
  };
}

/** The shop's details as a receipt prints them (the shape of `Shop`), or null before the first-run setup. */
export function currentShop(st: SaleStatements) {
  return rowToShop(st.one('shop', []));
}

/** The integer key of the register `key`, adding it on its first sale. */
export function registerKey(st: SaleStatements, key: string): number {
  const id = st.value('registerByKey', [key]);
  return id === undefined ? Number(st.value('insertRegister', [key])) : Number(id);
}

/** A product as a line sells it: what `line_items` stores once per distinct version. */
export interface ItemVersion {
  productId: number | null;
  name: string;
  sku: string | null;
  barcode: string | null;
  unitPrice: number;
  taxBp: number;
}

/** The key of this version of a product in `line_items`, adding it the first time it is sold. */
export function itemKey(st: SaleStatements, item: ItemVersion): number {
  const bind = [item.productId, item.name, item.sku, item.barcode, item.unitPrice, item.taxBp];
  const id = st.value('itemByVersion', bind);
  return id === undefined ? Number(st.value('insertItem', bind)) : Number(id);
}

/** The key of the shop's details as `details` (their JSON text), stored once per distinct version. */
export function shopDetailsKey(st: SaleStatements, details: string): number {
  const id = st.value('shopDetailsByText', [details]);
  return id === undefined ? Number(st.value('insertShopDetails', [details])) : Number(id);
}

/** What `sales.list` filters by: UTC instants as ISO text (from inclusive, to exclusive), a number, a total. */
export interface SaleFilter {
  from?: string;
  to?: string;
  number?: number;
  total?: number;
}

const LIST_WHERE = `(?1 IS NULL OR s.created_at >= ?1) AND (?2 IS NULL OR s.created_at < ?2)
  AND (?3 IS NULL OR s.number = ?3) AND (?4 IS NULL OR s.total = ?4)`;

/**
 * Sales newest first with what the list shows (items and payment methods per sale), at most `limit`, and the
 * count and sum of all that match. Reads are rare next to commits, so these are prepared per call.
 */
export function listSales(db: Database, filter: SaleFilter, limit: number) {
  const bind = [msFromIso(filter.from), msFromIso(filter.to), filter.number ?? null, filter.total ?? null];
  const sales = db
    .selectObjects(
      `SELECT lower(hex(s.uuid)) AS uuid_hex, s.number, s.kind, s.created_at, s.currency, s.total, ${STAFF_AND_REFUND_COLUMNS},
         (SELECT sum(quantity) FROM sale_lines l WHERE l.sale_id = s.id) AS items,
         (SELECT group_concat(DISTINCT method) FROM sale_payments p WHERE p.sale_id = s.id) AS methods,
         EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id AND l.list_price IS NOT NULL) AS price_changed
       FROM sales s WHERE ${LIST_WHERE} ORDER BY s.created_at DESC, s.number DESC LIMIT ?5`,
      [...bind, Math.min(Math.max(1, limit), 1000)] as never,
    )
    .map((row) => ({
      id: uuidFromHex(String(row.uuid_hex)),
      number: Number(row.number),
      kind: String(row.kind) as 'sale' | 'refund',
      createdAt: isoFromMs(row.created_at),
      currency: String(row.currency),
      total: Number(row.total),
      items: Number(row.items ?? 0),
      methods: row.methods ? (String(row.methods).split(',') as PaymentMethod[]) : [],
      ...staffAndRefund(row),
      ...(Number(row.price_changed) === 1 ? { priceChanged: true } : {}),
    }));
  const agg = db.selectObject(`SELECT count(*) AS n, coalesce(sum(s.total), 0) AS sum FROM sales s WHERE ${LIST_WHERE}`, bind as never) ?? {};
  return { sales, count: Number(agg.n ?? 0), sum: Number(agg.sum ?? 0) };
}

/** The sale with this UUID or number, as its receipt prints it; null when there is none. */
export function findSale(db: Database, by: { id?: string; number?: number }) {
  const st = saleStatements(db);
  const row = by.id !== undefined ? st.one('saleByUuid', [by.id]) : st.one('saleByNumber', [by.number ?? -1]);
  return row ? readSaleRow(st, row) : null;
}

/** The stock of each of `productIds` now (product id → stock), for the change a sale announces. */
export function stockOf(db: Database, productIds: number[]): Record<number, number> {
  const st = saleStatements(db);
  const stock: Record<number, number> = {};
  for (const id of productIds) {
    const value = st.value('stockOf', [id]);
    if (value !== undefined) stock[id] = Number(value);
  }
  return stock;
}
