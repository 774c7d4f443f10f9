/**
 * Paying for a sale: several tenders (cash, card, other) against one total, and the change due.
 *
 * Rules: card and other payments are charged exactly, so together they may not exceed the total (no cash back);
 * only cash is handed over in excess, and the change comes out of the cash. A total of zero (a 100 % discount)
 * is settled with no tender at all.
 *
 * Cash rounding (see cash-rounding.ts): where the smallest coin is larger than the smallest unit, the part of the
 * total left for cash (the total less card and other) is rounded to the coin once cash is tendered. The
 * difference (`rounding`) is paid on top of the total (or taken off it); card and other stay exact.
 */
import { roundCash } from './cash-rounding';

export type PaymentMethod = 'cash' | 'card' | 'other';

/** What the customer handed over or was charged, in minor units. */
export interface Tender {
  method: PaymentMethod;
  amount: number;
}

/** A tender as recorded: `amount` counts toward the total, `tendered` was handed over. */
export interface AppliedPayment {
  method: PaymentMethod;
  amount: number;
  tendered: number;
}

/** Where the payment of a total stands. */
export interface Settlement {
  total: number;
  /** Everything handed over or charged. */
  paid: number;
  /** Still to pay (0 when settled), exactly: what a card would be charged for the rest. */
  remaining: number;
  /** What the rest would take in cash: `remaining` with the cash part rounded to the coin. */
  cashRemaining: number;
  /** What cash rounding added (positive) or took off (negative): 0 until cash is tendered, and without a step. */
  rounding: number;
  /** What the customer pays in all: the total plus the rounding. */
  due: number;
  /** Change to give back in cash. */
  change: number;
  /** True when the sale may be completed. */
  complete: boolean;
  /** Why these tenders are not acceptable, for the cashier; null when they are. */
  error: string | null;
  applied: AppliedPayment[];
}

/**
 * Settles `total` with `tenders`, in order. `cashStep` is the coin cash is rounded to in minor units (1: none;
 * see `cashStep` in cash-rounding.ts).
 */
export function settle(total: number, tenders: Tender[], cashStep = 1): Settlement {
  const invalid = tenders.find((t) => !Number.isSafeInteger(t.amount) || t.amount <= 0);
  const paid = tenders.reduce((a, t) => a + t.amount, 0);
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((a, t) => a + t.amount, 0);
  const cashPaid = paid - nonCash;
  // The cash part is what card and other leave; it is rounded as soon as any of it is paid in cash.
  const cashPart = roundCash(Math.max(0, total - nonCash), cashStep);
  const rounding = cashPaid > 0 ? cashPart.rounding : 0;
  const due = total + rounding;
  const remaining = Math.max(0, due - paid);
  const cashRemaining = Math.max(0, cashPart.total - cashPaid);
  const base = { total, paid, remaining, cashRemaining, rounding, due, change: 0, applied: [] as AppliedPayment[] };
  if (invalid) return { ...base, complete: false, error: 'Every payment must be a positive amount.' };
  if (nonCash > total) return { ...base, complete: false, error: 'Card and other payments cannot be more than the total.' };
  const change = Math.max(0, paid - due);
  // Take the change out of the cash, last cash tender first, so each recorded amount is what was kept.
  let toReturn = change;
  const applied: AppliedPayment[] = [];
  for (let i = tenders.length - 1; i >= 0; i--) {
    const tender = tenders[i] as Tender;
    const back = tender.method === 'cash' ? Math.min(toReturn, tender.amount) : 0;
    toReturn -= back;
    applied.unshift({ method: tender.method, amount: tender.amount - back, tendered: tender.amount });
  }
  return { ...base, change, applied, complete: paid >= due, error: null };
}
