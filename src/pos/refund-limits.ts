/**
 * What a refund may take back from a sale: by line and quantity, never more than was sold, earlier refunds
 * counted. The money of a partial refund is the line's amount (after its discounts) in proportion, computed as a
 * difference of running shares, so that partial refunds of a line always add up to exactly what the line cost:
 * refunding 1 of 3 lines worth 10.00 gives 3.33, then 3.34, then 3.33, never 10.01 in all. The refund's tax and how
 * it is paid back follow the same rule (`refundTaxes`, `refundPayments`).
 */
import type { PaymentMethod } from './payments';
import { allocate, divRound } from './rounding';

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

/** A tax band of the original sale, with what earlier refunds already took back of it (both positive). */
export interface RefundableBand {
  taxBp: number;
  /** The band's amount as prices are entered: its gross when prices include tax, its net otherwise. */
  amount: number;
  tax: number;
  /** What earlier refunds took back of `amount`. */
  refundedAmount: number;
}

/**
 * The refund's tax bands (positive) for `amounts` (this refund's line amounts per rate). The tax is the band's
 * tax in proportion, as a difference of running shares, so that refunds of a whole band add up to exactly the tax
 * the sale charged, never a cent more.
 */
export function refundTaxes(bands: RefundableBand[], amounts: Map<number, number>, pricesIncludeTax: boolean) {
  return [...amounts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([taxBp, amount]) => {
      const band = bands.find((b) => b.taxBp === taxBp);
      const tax = band && band.amount > 0 ? share(band.tax, band.amount, band.refundedAmount, band.refundedAmount + amount) : 0;
      return pricesIncludeTax ? { taxBp, net: amount - tax, tax, gross: amount } : { taxBp, net: amount, tax, gross: amount + tax };
    });
}

/** What a sale took by one method, and what earlier refunds gave back by it (both positive). */
export interface RefundableMethod {
  method: PaymentMethod;
  taken: number;
  refunded: number;
}

/**
 * How `total` goes back: all in cash, or by the sale's own methods in proportion to what each still holds (what
 * it took less earlier refunds), so a card is never credited more than it was charged. What no method can take
 * back (a cent of rounding) goes back in cash.
 */
export function refundPayments(total: number, paid: RefundableMethod[], how: 'original' | 'cash'): { method: PaymentMethod; amount: number }[] {
  if (how === 'cash' || total <= 0) return [{ method: 'cash', amount: total }];
  const open = paid.map((p) => ({ method: p.method, left: Math.max(0, p.taken - p.refunded) })).filter((p) => p.left > 0);
  const parts = allocate(Math.min(total, open.reduce((a, p) => a + p.left, 0)), open.map((p) => p.left));
  const out = open.map((p, i) => ({ method: p.method, amount: Math.min(parts[i] ?? 0, p.left) })).filter((p) => p.amount > 0);
  const rest = total - out.reduce((a, p) => a + p.amount, 0);
  if (rest > 0) {
    const cash = out.find((p) => p.method === 'cash');
    if (cash) cash.amount += rest;
    else out.push({ method: 'cash', amount: rest });
  }
  return out;
}
