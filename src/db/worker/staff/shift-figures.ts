/**
 * A shift's sales, refunds and cash moves read from the database into the X/Z arithmetic (src/pos/z-report.ts).
 * The schema stores a refund with negative amounts; the arithmetic takes them positive, with `kind: 'refund'`.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { PaymentMethod } from '../../../pos/payments';
import { rowOnce } from '../storage/prepared';
import { shiftFigures, type ReportSale, type ShiftFigures } from '../../../pos/z-report';

type Row = Record<string, unknown>;

/** The columns of a shift as read: who opened and closed it by their name now where the id is known. */
export const SHIFT_COLUMNS = `sh.id, sh.opened_at, coalesce(o.name, sh.opened_by) AS opened_by, sh.opened_by_id, sh.float,
  sh.closed_at, coalesce(c.name, sh.closed_by) AS closed_by, sh.closed_by_id
  FROM shifts sh LEFT JOIN staff o ON o.id = sh.opened_by_id LEFT JOIN staff c ON c.id = sh.closed_by_id`;

/** The open shift's row, or undefined. */
export function openShiftRow(db: Database): Row | undefined {
  // Asked by every sale once the shop has staff: prepared once.
  return rowOnce(db, `SELECT ${SHIFT_COLUMNS} WHERE sh.closed_at IS NULL`);
}

/** The figures of the shift with `id`, from its opening to `until` (UTC ms). */
export function figuresOf(db: Database, shift: Row, until: number): ShiftFigures {
  const from = Number(shift.opened_at);
  const sales = new Map<number, ReportSale>();
  for (const row of db.selectObjects(
    `SELECT s.id, s.kind, s.subtotal, s.discount_total, s.total, s.cash_rounding, d.is_void
       FROM sales s LEFT JOIN refund_details d ON d.refund_id = s.id
      WHERE s.created_at >= ? AND s.created_at <= ? ORDER BY s.id`,
    [from, until],
  )) {
    const sign = row.kind === 'refund' ? -1 : 1;
    sales.set(Number(row.id), {
      kind: row.kind === 'refund' ? 'refund' : 'sale',
      subtotal: sign * Number(row.subtotal),
      discountTotal: sign * Number(row.discount_total),
      total: sign * Number(row.total),
      taxes: [],
      payments: [],
      cashRounding: sign * Number(row.cash_rounding),
      isVoid: Number(row.is_void) === 1,
    });
  }
  const range = 'SELECT id FROM sales WHERE created_at >= ? AND created_at <= ?';
  for (const row of db.selectObjects(`SELECT sale_id, tax_bp, net, tax, gross FROM sale_taxes WHERE sale_id IN (${range})`, [from, until])) {
    const sale = sales.get(Number(row.sale_id));
    const sign = sale?.kind === 'refund' ? -1 : 1;
    sale?.taxes.push({ taxBp: Number(row.tax_bp), net: sign * Number(row.net), tax: sign * Number(row.tax), gross: sign * Number(row.gross) });
  }
  for (const row of db.selectObjects(`SELECT sale_id, method, amount FROM sale_payments WHERE sale_id IN (${range}) ORDER BY sale_id, seq`, [from, until])) {
    const sale = sales.get(Number(row.sale_id));
    const sign = sale?.kind === 'refund' ? -1 : 1;
    sale?.payments.push({ method: String(row.method) as PaymentMethod, amount: sign * Number(row.amount) });
  }
  const moves = db
    .selectObjects('SELECT amount, reason FROM cash_moves WHERE shift_id = ? ORDER BY id', [Number(shift.id)])
    .map((row) => ({ amount: Number(row.amount), reason: String(row.reason) }));
  return shiftFigures(Number(shift.float), [...sales.values()], moves);
}
