/**
 * What a receipt reprint, a refund and the sales list read, at schema 2 (the queries of the release that wrote
 * it, kept here unchanged) and at the latest schema (the app's own reads), in the same shapes, so that the
 * historical-versions test can check that migrating a shop changes none of it, row for row.
 * Test-only: nothing in the app imports this file.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { findSale, isoFromMs, listSales } from '../handlers/sale-store';

type Row = Record<string, unknown>;

/** Every fact of the sales a person or a report can read. */
export interface SalesReads {
  /** `sales.list` for all sales, newest first. */
  list: unknown;
  /** Every sale's receipt (`sales.get` by id), oldest number first; by number must give the same. */
  receipts: unknown[];
  /** What a refund needs besides the receipt: which sale a refund took back, how much of each line was refunded. */
  refunds: unknown[];
  /** Stock movements of sales and refunds: product, delta, reason, sale id and the time, oldest first. */
  movements: unknown[];
}

/** A sale's refunded quantities per line, in line order, as JSON. */
const REFUNDED = 'SELECT json_group_array(refunded_qty) FROM (SELECT refunded_qty FROM sale_lines WHERE sale_id = s.id ORDER BY line_no)';

const json = (text: unknown) => (text === null || text === undefined ? null : JSON.parse(String(text)));

/** What a schema-2 sale row says of what 0007 added: no one rang it up, nothing voided; a refund's original by number. */
function before0007(db: Database, row: Row) {
  const original = row.refund_of === null || row.refund_of === undefined ? undefined : db.selectValue('SELECT number FROM sales WHERE id = ?', [String(row.refund_of)]);
  return { staffName: null, refundOf: original === undefined ? null : Number(original), voided: false };
}

/** The reads of the release at schema 2 (its `readSale` and `sales.list` queries). */
export function readsAtV2(db: Database): SalesReads {
  const ids = db.selectValues('SELECT id FROM sales ORDER BY number').map(String);
  const receipts = ids.map((id) => {
    const row = db.selectObject('SELECT * FROM sales WHERE id = ?', [id]) as Row;
    return {
      id,
      number: Number(row.number),
      kind: String(row.kind),
      createdAt: String(row.created_at),
      currency: String(row.currency),
      total: Number(row.total),
      shop: json(row.shop),
      pricesIncludeTax: Number(row.prices_include_tax) === 1,
      subtotal: Number(row.subtotal),
      discountTotal: Number(row.discount_total),
      orderDiscount: json(row.order_discount),
      taxTotal: Number(row.tax_total),
      paid: Number(row.paid),
      changeDue: Number(row.change_due),
      // No sale had a cash rounding before 0006, nor who rang it up, a refund's reason or a void before 0007.
      cashRounding: 0,
      ...before0007(db, row),
      reason: null,
      isVoid: false,
      lines: db.selectObjects('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no', [id]).map((l) => ({
        lineNo: Number(l.line_no),
        productId: l.product_id === null ? null : Number(l.product_id),
        name: String(l.name),
        sku: l.sku === null ? null : String(l.sku),
        quantity: Number(l.quantity),
        unitPrice: Number(l.unit_price),
        taxBp: Number(l.tax_bp),
        lineDiscount: json(l.line_discount),
        discount: Number(l.discount),
        amount: Number(l.amount),
      })),
      taxes: db.selectObjects('SELECT tax_bp, net, tax, gross FROM sale_taxes WHERE sale_id = ? ORDER BY tax_bp', [id]).map((t) => ({
        taxBp: Number(t.tax_bp), net: Number(t.net), tax: Number(t.tax), gross: Number(t.gross),
      })),
      payments: db.selectObjects('SELECT method, amount, tendered FROM sale_payments WHERE sale_id = ? ORDER BY seq', [id]).map((p) => ({
        method: String(p.method), amount: Number(p.amount), tendered: Number(p.tendered),
      })),
    };
  });
  const list = db
    .selectObjects(
      `SELECT s.id, s.number, s.kind, s.created_at, s.currency, s.total,
         (SELECT sum(quantity) FROM sale_lines l WHERE l.sale_id = s.id) AS items,
         (SELECT group_concat(DISTINCT method) FROM sale_payments p WHERE p.sale_id = s.id) AS methods
       FROM sales s ORDER BY s.created_at DESC, s.number DESC LIMIT 1000`,
    )
    .map((row) => ({
      id: String(row.id), number: Number(row.number), kind: String(row.kind), createdAt: String(row.created_at),
      currency: String(row.currency), total: Number(row.total), items: Number(row.items ?? 0),
      methods: row.methods ? String(row.methods).split(',') : [],
      ...before0007(db, row),
    }));
  const agg = db.selectObject('SELECT count(*) AS n, coalesce(sum(total), 0) AS sum FROM sales') as Row;
  return {
    list: { sales: list, count: Number(agg.n), sum: Number(agg.sum) },
    receipts,
    refunds: db.selectObjects(
      `SELECT s.id, s.refund_of AS refundOf, (${REFUNDED}) AS refunded FROM sales s ORDER BY s.number`,
    ),
    movements: db.selectObjects(
      `SELECT product_id AS productId, delta, reason, sale_id AS saleId, created_at AS at FROM stock_movements ORDER BY id`,
    ),
  };
}

/**
 * The reads of the releases at schemas 3 to 5: the app's own, from before a sale had a cash rounding (0006 added
 * the column, 0 for every earlier sale) or who rang it up, and before refunds had reasons and sales could be
 * voided (0007: no one, none), and before a line kept the catalogue's price beside a changed one (0010: none). Read through temporary objects standing in for those, dropped afterwards (a
 * temporary object is found before the main schema's of the same name; `staff` is only made where 0004 has not).
 */
export function readsAtV3(db: Database): SalesReads {
  const hasStaff = db.selectValue("SELECT 1 FROM main.sqlite_schema WHERE name = 'staff'") !== undefined;
  db.exec(`CREATE TEMP VIEW sales AS SELECT *, 0 AS cash_rounding, NULL AS staff_id FROM main.sales;
    CREATE TEMP VIEW sale_lines AS SELECT *, NULL AS list_price FROM main.sale_lines;
    CREATE TEMP TABLE refund_details (refund_id INTEGER PRIMARY KEY, reason TEXT, is_void INTEGER);
    ${hasStaff ? '' : 'CREATE TEMP TABLE staff (id INTEGER PRIMARY KEY, name TEXT);'}`);
  try {
    return readsNow(db);
  } finally {
    db.exec(`DROP VIEW temp.sales; DROP VIEW temp.sale_lines; DROP TABLE temp.refund_details; ${hasStaff ? '' : 'DROP TABLE temp.staff;'}`);
  }
}

/** The same reads through the app's code at the latest schema. */
export function readsNow(db: Database): SalesReads {
  const numbers = db.selectValues('SELECT number FROM sales ORDER BY number').map(Number);
  const receipts = numbers.map((number) => {
    const byNumber = findSale(db, { number });
    const byId = byNumber && findSale(db, { id: byNumber.id });
    if (JSON.stringify(byId) !== JSON.stringify(byNumber)) throw new Error(`sale ${number} reads differently by id and by number`);
    return byNumber;
  });
  const uuid = "CASE WHEN s.uuid IS NULL THEN NULL ELSE lower(substr(hex(s.uuid), 1, 8) || '-' || substr(hex(s.uuid), 9, 4) || '-' || substr(hex(s.uuid), 13, 4) || '-' || substr(hex(s.uuid), 17, 4) || '-' || substr(hex(s.uuid), 21)) END";
  return {
    list: listSales(db, {}, 1000),
    receipts,
    refunds: db.selectObjects(
      `SELECT ${uuid} AS id, (SELECT ${uuid.replaceAll('s.uuid', 'o.uuid')} FROM sales o WHERE o.id = s.refund_of) AS refundOf,
         (${REFUNDED}) AS refunded
       FROM sales s ORDER BY s.number`,
    ),
    movements: db
      .selectObjects(
        `SELECT m.product_id AS productId, m.delta, m.reason, (SELECT ${uuid} FROM sales s WHERE s.id = m.sale_id) AS saleId, m.created_at AS at
         FROM stock_movements m ORDER BY m.id`,
      )
      .map((m) => ({ ...m, at: isoFromMs(m.at) })),
  };
}
