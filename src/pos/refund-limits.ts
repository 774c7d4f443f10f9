/**
 * What a refund may take back from a sale: by line and quantity, never more than was sold, earlier refunds
 * counted. The money of a partial refund is the line's amount (after its discounts) in proportion, computed as a
 * difference of running shares, so that partial refunds of a line always add up to exactly what the line cost:
 * refunding 1 of 3 lines worth 10.00 gives 3.33, then 3.34, then 3.33, never 10.01 in all.
 */
import { divRound } from './rounding';

/** A line of the original sale as the refund needs it. */
export interface RefundableLine {
  lineNo: number;
  name: string;
  quantity: number;
  /** After discounts, in minor units. */
  amount: number;
  /** The line's discount (its own and its share of the order's), in minor units. */
  discount: number;
  /** What earlier refunds took back. */
  refundedQty: number;
}

/** One line the cashier asks to refund. */
export interface RefundRequest {
  lineNo: number;
  quantity: number;
}

/** One line of an accepted refund. */
export interface RefundLinePlan {
  lineNo: number;
  quantity: number;
  /** Money back for this line, minor units, positive. */
  amount: number;
  /** The part of the line's discount these units carried. */
  discount: number;
}

/** The answer: the refund's lines and total, or why it cannot be made. */
export type RefundPlan = { ok: true; lines: RefundLinePlan[]; total: number } | { ok: false; error: string };

/** The `from`..`to` units' share of `whole` over `quantity` units. */
const share = (whole: number, quantity: number, from: number, to: number): number =>
  divRound(whole * to, quantity) - divRound(whole * from, quantity);

/** Checks `request` against `sold` and prices it. */
export function planRefund(sold: RefundableLine[], request: RefundRequest[]): RefundPlan {
  const byNo = new Map(sold.map((l) => [l.lineNo, l]));
  const seen = new Set<number>();
  const lines: RefundLinePlan[] = [];
  for (const r of request) {
    const line = byNo.get(r.lineNo);
    if (!line) return { ok: false, error: `Line ${r.lineNo} is not on this sale.` };
    if (seen.has(r.lineNo)) return { ok: false, error: `Line ${r.lineNo} is asked for twice; give it once with the whole quantity.` };
    seen.add(r.lineNo);
    if (!Number.isSafeInteger(r.quantity) || r.quantity < 0) {
      return { ok: false, error: `The quantity to refund for “${line.name}” must be a whole number of 0 or more.` };
    }
    if (r.quantity === 0) continue;
    const left = line.quantity - line.refundedQty;
    if (r.quantity > left) {
      const already = line.refundedQty > 0 ? ` (${line.refundedQty} already refunded)` : '';
      return {
        ok: false,
        error: `Only ${left} of “${line.name}” can still be refunded: ${line.quantity} were sold${already}.`,
      };
    }
    const to = line.refundedQty + r.quantity;
    lines.push({
      lineNo: line.lineNo,
      quantity: r.quantity,
      amount: share(line.amount, line.quantity, line.refundedQty, to),
      discount: share(line.discount, line.quantity, line.refundedQty, to),
    });
  }
  if (lines.length === 0) return { ok: false, error: 'Nothing to refund: choose at least one item and a quantity.' };
  return { ok: true, lines, total: lines.reduce((a, l) => a + l.amount, 0) };
}

/** A request for everything not yet refunded (a full refund). */
export function everythingLeft(sold: RefundableLine[]): RefundRequest[] {
  return sold.filter((l) => l.quantity > l.refundedQty).map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.refundedQty }));
}
