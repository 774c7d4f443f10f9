/**
 * Paying for a sale: several tenders (cash, card, other) against one total, and the change due.
 *
 * Rules: card and other payments are charged exactly, so together they may not exceed the total (no cash back);
 * only cash is handed over in excess, and the change comes out of the cash. A total of zero (a 100 % discount)
 * is settled with no tender at all.
 */
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
  /** Still to pay (0 when settled). */
  remaining: number;
  /** Change to give back in cash. */
  change: number;
  /** True when the sale may be completed. */
  complete: boolean;
  /** Why these tenders are not acceptable, for the cashier; null when they are. */
  error: string | null;
  applied: AppliedPayment[];
}

/** Settles `total` with `tenders`, in order. */
export function settle(total: number, tenders: Tender[]): Settlement {
  const invalid = tenders.find((t) => !Number.isSafeInteger(t.amount) || t.amount <= 0);
  const paid = tenders.reduce((a, t) => a + t.amount, 0);
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((a, t) => a + t.amount, 0);
  const base = { total, paid, remaining: Math.max(0, total - paid), change: 0, applied: [] as AppliedPayment[] };
  if (invalid) return { ...base, complete: false, error: 'Every payment must be a positive amount.' };
  if (nonCash > total) return { ...base, complete: false, error: 'Card and other payments cannot be more than the total.' };
  const change = Math.max(0, paid - total);
  // Take the change out of the cash, last cash tender first, so each recorded amount is what was kept.
  let toReturn = change;
  const applied: AppliedPayment[] = [];
  for (let i = tenders.length - 1; i >= 0; i--) {
    const tender = tenders[i] as Tender;
    const back = tender.method === 'cash' ? Math.min(toReturn, tender.amount) : 0;
    toReturn -= back;
    applied.unshift({ method: tender.method, amount: tender.amount - back, tendered: tender.amount });
  }
  return { ...base, change, applied, complete: paid >= total, error: null };
}
