/**
 * Completing a sale and finding it again. A sale is recorded by ONE mutation, so the sale, its number, lines,
 * tax bands, payments, stock movements and the clearing of the cart commit together or not at all.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { SalesHandlers } from '../../protocol/sales';
import type { SaleDetail, SaleLine, SaleSummary } from '../../../pos/sale';
import type { Shop } from '../../../pos/shop';
import type { Cart } from '../../../pos/cart';
import type { Discount } from '../../../pos/pricing';
import { priceCart } from '../../../pos/pricing';
import { settle, type PaymentMethod } from '../../../pos/payments';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { moveStock, requireShop } from './rows';
import { repeatedCommit } from './sale-identity';

const json = <T>(text: unknown): T | null => (text === null || text === undefined ? null : (JSON.parse(String(text)) as T));

/** The sale with this id (or number) and everything its receipt prints; null when there is none. */
export function readSale(db: Database, by: { id?: string; number?: number }): SaleDetail | null {
  const row =
    by.id !== undefined
      ? db.selectObject('SELECT * FROM sales WHERE id = ?', [by.id])
      : db.selectObject('SELECT * FROM sales WHERE number = ?', [by.number ?? -1]);
  if (!row) return null;
  const id = String(row.id);
  const lines: SaleLine[] = db.selectObjects('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no', [id]).map((l) => ({
    lineNo: Number(l.line_no),
    productId: l.product_id === null ? null : Number(l.product_id),
    name: String(l.name),
    sku: l.sku === null ? null : String(l.sku),
    quantity: Number(l.quantity),
    unitPrice: Number(l.unit_price),
    taxBp: Number(l.tax_bp),
    lineDiscount: json<Discount>(l.line_discount),
    discount: Number(l.discount),
    amount: Number(l.amount),
  }));
  return {
    id,
    number: Number(row.number),
    kind: String(row.kind) as SaleDetail['kind'],
    createdAt: String(row.created_at),
    currency: String(row.currency),
    total: Number(row.total),
    shop: json<Shop>(row.shop) as Shop,
    pricesIncludeTax: Number(row.prices_include_tax) === 1,
    subtotal: Number(row.subtotal),
    discountTotal: Number(row.discount_total),
    orderDiscount: json<Discount>(row.order_discount),
    taxTotal: Number(row.tax_total),
    paid: Number(row.paid),
    changeDue: Number(row.change_due),
    lines,
    taxes: db.selectObjects('SELECT tax_bp, net, tax, gross FROM sale_taxes WHERE sale_id = ? ORDER BY tax_bp', [id]).map((t) => ({
      taxBp: Number(t.tax_bp),
      net: Number(t.net),
      tax: Number(t.tax),
      gross: Number(t.gross),
    })),
    payments: db.selectObjects('SELECT method, amount, tendered FROM sale_payments WHERE sale_id = ? ORDER BY seq', [id]).map((p) => ({
      method: String(p.method) as PaymentMethod,
      amount: Number(p.amount),
      tendered: Number(p.tendered),
    })),
  };
}

/** Records `cart` as a sale at `at` (see the module comment). A repeated commit returns the sale already made. */
export function commitSale(db: Database, registerId: string, cart: Cart, expectedTotal: number, at: string): SaleDetail {
  const already = readSale(db, { id: cart.saleId });
  if (already) return repeatedCommit(already, cart, expectedTotal);
  if (!/^[0-9a-f-]{36}$/i.test(cart.saleId)) throw new HandlerError('invalid', 'The sale has no valid id.');
  const shop = requireShop(db);
  if (cart.lines.length === 0) throw new HandlerError('invalid', 'The cart is empty.');
  for (const line of cart.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new HandlerError('invalid', `The quantity of ${line.name} must be a whole number above zero.`);
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) throw new HandlerError('invalid', `The price of ${line.name} is not valid.`);
    if (db.selectValue('SELECT 1 FROM products WHERE id = ?', [line.productId]) === undefined) {
      throw new HandlerError('not-found', `${line.name} is no longer in the catalogue.`);
    }
  }
  const totals = priceCart(cart.lines, cart.orderDiscount, shop.pricesIncludeTax);
  if (totals.total !== expectedTotal) {
    throw new HandlerError('conflict', 'The total changed while paying: check the cart and take the payment again.', { total: totals.total });
  }
  const settlement = settle(totals.total, cart.tenders);
  if (settlement.error) throw new HandlerError('invalid', settlement.error);
  if (!settlement.complete) throw new HandlerError('invalid', 'The payments do not cover the total yet.', { remaining: settlement.remaining });

  // The number is taken inside this transaction: sequential, unique, and never used by a sale that rolled back.
  const number = Number(db.selectValue("UPDATE sequences SET value = value + 1 WHERE name = 'sale_number' RETURNING value"));
  db.exec({
    sql: `INSERT INTO sales (id, number, kind, created_at, register_id, currency, prices_include_tax, subtotal, discount_total,
            order_discount, tax_total, total, paid, change_due, shop)
          VALUES (?, ?, 'sale', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    bind: [
      cart.saleId, number, at, registerId, shop.currency, shop.pricesIncludeTax ? 1 : 0, totals.subtotal, totals.discountTotal,
      cart.orderDiscount ? JSON.stringify(cart.orderDiscount) : null, totals.taxTotal, totals.total, settlement.paid,
      settlement.change, JSON.stringify(shop),
    ],
  });
  const insertLine = db.prepare(
    `INSERT INTO sale_lines (sale_id, line_no, product_id, name, sku, barcode, quantity, unit_price, tax_bp, line_discount, discount, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    cart.lines.forEach((line, i) => {
      const priced = totals.lines[i]!;
      insertLine
        .bind([cart.saleId, i + 1, line.productId, line.name, line.sku, line.barcode, line.quantity, line.unitPrice, line.taxBp,
          line.discount ? JSON.stringify(line.discount) : null, priced.discount, priced.amount])
        .stepReset();
      moveStock(db, { productId: line.productId, delta: -line.quantity, reason: 'sale', saleId: cart.saleId, at });
    });
  } finally {
    insertLine.finalize();
  }
  for (const band of totals.taxes) {
    db.exec({ sql: 'INSERT INTO sale_taxes (sale_id, tax_bp, net, tax, gross) VALUES (?, ?, ?, ?, ?)', bind: [cart.saleId, band.taxBp, band.net, band.tax, band.gross] });
  }
  settlement.applied.forEach((payment, i) => {
    db.exec({
      sql: 'INSERT INTO sale_payments (sale_id, seq, method, amount, tendered) VALUES (?, ?, ?, ?, ?)',
      bind: [cart.saleId, i + 1, payment.method, payment.amount, payment.tendered],
    });
  });
  db.exec({ sql: 'DELETE FROM carts WHERE register_id = ?', bind: [registerId] });
  return readSale(db, { id: cart.saleId }) as SaleDetail;
}

/** `sales.*` handlers. */
export const salesHandlers = {
  'sales.commit': {
    kind: 'mutation',
    changes: ['sales', 'catalog', 'cart'],
    run: ({ db }, { registerId, cart, expectedTotal }) => commitSale(db, registerId, cart, expectedTotal, new Date().toISOString()),
  },
  'sales.list': {
    kind: 'query',
    run: ({ db }, { from, to, number, total, limit }) => {
      const where = `(?1 IS NULL OR s.created_at >= ?1) AND (?2 IS NULL OR s.created_at < ?2)
        AND (?3 IS NULL OR s.number = ?3) AND (?4 IS NULL OR s.total = ?4)`;
      const bind = [from ?? null, to ?? null, number ?? null, total ?? null];
      const sales: SaleSummary[] = db
        .selectObjects(
          `SELECT s.id, s.number, s.kind, s.created_at, s.currency, s.total,
             (SELECT sum(quantity) FROM sale_lines l WHERE l.sale_id = s.id) AS items,
             (SELECT group_concat(DISTINCT method) FROM sale_payments p WHERE p.sale_id = s.id) AS methods
           FROM sales s WHERE ${where} ORDER BY s.created_at DESC, s.number DESC LIMIT ?5`,
          [...bind, Math.min(Math.max(1, limit), 1000)],
        )
        .map((row) => ({
          id: String(row.id),
          number: Number(row.number),
          kind: String(row.kind) as SaleSummary['kind'],
          createdAt: String(row.created_at),
          currency: String(row.currency),
          total: Number(row.total),
          items: Number(row.items ?? 0),
          methods: row.methods ? (String(row.methods).split(',') as PaymentMethod[]) : [],
        }));
      const agg = db.selectObject(`SELECT count(*) AS n, coalesce(sum(s.total), 0) AS sum FROM sales s WHERE ${where}`, bind) ?? {};
      return { sales, count: Number(agg.n ?? 0), sum: Number(agg.sum ?? 0) };
    },
  },
  'sales.get': { kind: 'query', run: ({ db }, by) => readSale(db, by) },
} satisfies HandlerImpls<SalesHandlers>;
