/**
 * Refunds and voids in the worker. A refund is a row of `sales` (kind 'refund', every amount negative, `refund_of`
 * its original) with its own lines, tax bands and payments, so every report that adds sales up counts it; its
 * reason is in `refund_details` (migration 0007). A void is the refund of everything a sale sold, marked `is_void`:
 * the sale then shows as voided, and the reversal falls in the shift in which it was made. Both need a manager's or
 * the owner's PIN (the approval step, `runtime/approval.ts`) and, once staff are in use, an open shift.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { v7 as uuidv7 } from 'uuid';
import type { ArgsOf } from '../../protocol';
import type { RefundHandlers, RefundMethod, RefundableSale } from '../../protocol/refunds';
import type { SaleDetail } from '../../../pos/sale';
import { cashStep, roundCash } from '../../../pos/cash-rounding';
import { everythingLeft, planRefund, refundPayments, refundTaxes, type RefundRequest } from '../../../pos/refund-limits';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { openShiftRow } from '../staff/shift-figures';
import { ownerExists } from '../staff/pins';
import { ringingUp } from '../staff/sign-in';
import { currentShop, findSale, registerKey, saleStatements, shopDetailsKey } from './sale-store';
import { readStaffSettings, saveStaffSettings } from '../staff/settings';

type Row = Record<string, unknown>;

/** What a receipt's code or a typed search may look like: "S000123" (the receipt's code), "#123" or "123". */
const SALE_QUERY = /^\s*(?:S|#)?\s*0*(\d{1,12})\s*$/i;

/** The sale number in `query`, or null. */
export function saleNumberOf(query: string): number | null {
  const match = SALE_QUERY.exec(query ?? '');
  return match ? Number(match[1]) : null;
}

/** The original sale `number` with what is left to refund, or a refusal a cashier can act on. */
function refundable(db: Database, number: number): RefundableSale {
  const sale = findSale(db, { number });
  if (!sale) throw new HandlerError('not-found', `There is no sale number ${number}. Check the number on the receipt.`);
  if (sale.kind === 'refund') {
    throw new HandlerError('not-found', `Number ${number} is a refund, not a sale. Find the sale it refunded (number ${sale.refundOf ?? '?'}).`);
  }
  const id = Number(db.selectValue('SELECT id FROM sales WHERE number = ?', [number]));
  const refunded = new Map(
    db.selectObjects('SELECT line_no, refunded_qty FROM sale_lines WHERE sale_id = ?', [id]).map((r) => [Number(r.line_no), Number(r.refunded_qty)]),
  );
  const refunds = db
    .selectObjects(
      `SELECT r.number, r.created_at, r.total, d.reason, d.is_void FROM sales r LEFT JOIN refund_details d ON d.refund_id = r.id
       WHERE r.refund_of = ? ORDER BY r.number`,
      [id],
    )
    .map((r) => ({
      number: Number(r.number),
      createdAt: new Date(Number(r.created_at)).toISOString(),
      total: -Number(r.total),
      reason: r.reason === null ? '' : String(r.reason),
      isVoid: Number(r.is_void) === 1,
    }));
  return { sale, lines: sale.lines.map((l) => ({ ...l, refundedQty: refunded.get(l.lineNo) ?? 0 })), refunds, voided: sale.voided === true };
}

function checkReason(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) throw new HandlerError('invalid', 'Say why (a reason is kept with the refund).');
  if (text.length > 200) throw new HandlerError('invalid', 'Keep the reason to 200 characters.');
  return text;
}

function requireShift(db: Database, what: string): void {
  if (ownerExists(db) && !openShiftRow(db)) throw new HandlerError('conflict', `No shift is open. Open a shift before ${what}.`);
}

/** The sums earlier refunds of sale `id` took back, per tax rate and per payment method (positive). */
function earlierRefunds(db: Database, id: number) {
  const byRate = new Map<number, number>();
  const byMethod = new Map<string, number>();
  const pricesIncludeTax = Number(db.selectValue('SELECT prices_include_tax FROM sales WHERE id = ?', [id])) === 1;
  for (const r of db.selectObjects('SELECT t.tax_bp, t.net, t.gross FROM sale_taxes t JOIN sales r ON r.id = t.sale_id WHERE r.refund_of = ?', [id])) {
    byRate.set(Number(r.tax_bp), (byRate.get(Number(r.tax_bp)) ?? 0) - Number(pricesIncludeTax ? r.gross : r.net));
  }
  for (const r of db.selectObjects('SELECT p.method, p.amount FROM sale_payments p JOIN sales r ON r.id = p.sale_id WHERE r.refund_of = ?', [id])) {
    byMethod.set(String(r.method), (byMethod.get(String(r.method)) ?? 0) - Number(r.amount));
  }
  return { byRate, byMethod };
}

/** A refund as `refund.create` asks for it, or a void (all that is left of the sale, back by its own methods). */
type RefundOrder = ArgsOf<'refund.create'> & { isVoid: boolean; staff: { id: number; name: string } | null };

/** Records a refund of sale `order.saleNumber` inside the caller's transaction and answers its receipt. */
export function recordRefund(db: Database, order: RefundOrder, at: number): SaleDetail {
  const reason = checkReason(order.reason);
  if (order.method !== 'original' && order.method !== 'cash') throw new HandlerError('invalid', 'Pay a refund back by the original method or in cash.');
  if (!Number.isSafeInteger(order.saleNumber)) throw new HandlerError('invalid', 'Give the number of the sale to refund.');
  requireShift(db, order.isVoid ? 'voiding a sale' : 'giving a refund');
  const found = refundable(db, order.saleNumber);
  if (found.voided) throw new HandlerError('conflict', `Sale ${order.saleNumber} was voided: there is nothing left to refund.`);
  if (order.isVoid && found.refunds.length > 0) {
    throw new HandlerError('conflict', `Part of sale ${order.saleNumber} was already refunded, so it cannot be voided. Refund what is left instead.`);
  }
  const requested = order.isVoid ? everythingLeft(found.lines) : Array.isArray(order.lines) ? order.lines : [];
  const plan = planRefund(found.lines, requested);
  if (!plan.ok) throw new HandlerError('invalid', plan.error);
  const { staff } = order;
  const shop = currentShop(saleStatements(db));
  if (!shop) throw new HandlerError('invalid', 'Set up the shop first (name, currency and tax).');

  const { sale } = found;
  const id = Number(db.selectValue('SELECT id FROM sales WHERE number = ?', [sale.number]));
  const earlier = earlierRefunds(db, id);
  const amounts = new Map<number, number>();
  const byLine = new Map(sale.lines.map((l) => [l.lineNo, l]));
  for (const l of plan.lines) {
    const taxBp = byLine.get(l.lineNo)!.taxBp;
    amounts.set(taxBp, (amounts.get(taxBp) ?? 0) + l.amount);
  }
  const bands = sale.taxes.map((t) => ({
    taxBp: t.taxBp,
    amount: sale.pricesIncludeTax ? t.gross : t.net,
    tax: t.tax,
    refundedAmount: earlier.byRate.get(t.taxBp) ?? 0,
  }));
  const taxes = refundTaxes(bands, amounts, sale.pricesIncludeTax);
  const total = taxes.reduce((a, t) => a + t.gross, 0);
  const taken = new Map<string, number>();
  for (const p of sale.payments) taken.set(p.method, (taken.get(p.method) ?? 0) + p.amount);
  const payments = refundPayments(
    total,
    [...taken.entries()].map(([method, amount]) => ({ method: method as 'cash', taken: amount, refunded: earlier.byMethod.get(method) ?? 0 })),
    order.method,
  );
  // Cash given back is rounded to the coin where the shop rounds cash (0006), like cash taken; a card gets the cent.
  const cash = payments.find((p) => p.method === 'cash');
  let rounding = 0;
  if (cash) {
    const rounded = roundCash(cash.amount, cashStep(shop.currency, shop.cashStep));
    cash.amount = rounded.total;
    rounding = rounded.rounding;
  }
  const paid = total + rounding;
  const subtotal = plan.lines.reduce((a, l) => a + byLine.get(l.lineNo)!.unitPrice * l.quantity, 0);
  const discount = plan.lines.reduce((a, l) => a + l.discount, 0);

  const st = saleStatements(db);
  const number = Number(st.value('nextNumber', []));
  const refundId = Number(
    db.selectValue(
      `INSERT INTO sales (uuid, number, kind, refund_of, created_at, register_id, shop_details_id, currency, prices_include_tax,
         subtotal, discount_total, order_discount, tax_total, total, paid, change_due, cash_rounding, staff_id)
       VALUES (unhex(replace(?, '-', '')), ?, 'refund', ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?) RETURNING id`,
      [
        uuidv7(), number, id, at, registerKey(st, order.registerId), shopDetailsKey(st, JSON.stringify(shop)), sale.currency,
        sale.pricesIncludeTax ? 1 : 0, -subtotal, -discount, -taxes.reduce((a, t) => a + t.tax, 0), -total, -paid,
        -rounding, staff?.id ?? null,
      ],
    ),
  );
  plan.lines.forEach((l, i) => {
    const lineNo = i + 1;
    const item = db.selectObject(
      'SELECT l.item_id, i.product_id FROM sale_lines l JOIN line_items i ON i.id = l.item_id WHERE l.sale_id = ? AND l.line_no = ?',
      [id, l.lineNo],
    ) as Row;
    db.exec('INSERT INTO sale_lines (sale_id, line_no, item_id, quantity, line_discount, discount, amount) VALUES (?, ?, ?, ?, NULL, ?, ?)', {
      bind: [refundId, lineNo, Number(item.item_id), -l.quantity, -l.discount, -l.amount],
    });
    db.exec('UPDATE sale_lines SET refunded_qty = refunded_qty + ? WHERE sale_id = ? AND line_no = ?', { bind: [l.quantity, id, l.lineNo] });
    // The stock comes back to the product the line sold (a line from before products had ids has none to return to).
    if (item.product_id !== null) {
      st.run('insertMovement', [Number(item.product_id), l.quantity, 'refund', refundId, lineNo, at]);
      st.run('updateStock', [l.quantity, Number(item.product_id)]);
    }
  });
  for (const t of taxes) st.run('insertTax', [refundId, t.taxBp, -t.net, -t.tax, -t.gross]);
  payments.forEach((p, i) => st.run('insertPayment', [refundId, i + 1, p.method, -p.amount, -p.amount]));
  db.exec('INSERT INTO refund_details (refund_id, reason, is_void) VALUES (?, ?, ?)', { bind: [refundId, reason, order.isVoid ? 1 : 0] });
  return findSale(db, { number }) as SaleDetail;
}

/** `refund.*`, `sale.void` and the till's settings. */
export const refundHandlers = {
  'refund.find': {
    kind: 'query',
    run: ({ db }, { query }) => {
      const number = saleNumberOf(query);
      if (number === null) throw new HandlerError('invalid', 'Type the sale number from the receipt, or scan the code printed on it.');
      return refundable(db, number);
    },
  },
  'refund.create': {
    kind: 'mutation',
    changes: ['sales', 'catalog'],
    run: ({ db, signedIn }, args) => recordRefund(db, { ...args, isVoid: false, staff: ringingUp(db, signedIn, 'give a refund') }, Date.now()),
  },
  'sale.void': {
    kind: 'mutation',
    changes: ['sales', 'catalog'],
    run: ({ db, signedIn }, args) =>
      recordRefund(db, { ...args, lines: [], method: 'original', isVoid: true, staff: ringingUp(db, signedIn, 'void a sale') }, Date.now()),
  },
  'staffSettings.get': { kind: 'query', run: ({ db }) => readStaffSettings(db) },
  'staffSettings.save': { kind: 'mutation', changes: ['settings'], run: ({ db }, settings) => saveStaffSettings(db, settings) },
} satisfies HandlerImpls<RefundHandlers>;
