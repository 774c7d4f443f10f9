/**
 * The arithmetic of a shift's X and Z reports, from what was recorded: its sales and refunds as stored (refund
 * amounts positive, `kind: 'refund'`), its cash movements and the float, and, at close, what was counted.
 *
 * Definitions (the same on screen, on paper and in the stored Z report):
 * - gross: the sales' subtotals, before discounts, as prices are entered;
 * - discounts: the sales' line and order discounts;
 * - refunds: what refunds paid back, voids left out;
 * - voids: what voids (the reversal of a whole sale) paid back, as their own line. Z reports stored before voids had
 *   a line of their own count them among the refunds and have no voids figures; they print as they were made;
 * - net: what customers paid in all, sales' totals less refunds and voids (equal to the payments per method added up);
 * - tax per rate: the sales' bands less the refunds' bands;
 * - cash expected: float + cash taken − cash refunded + cash in − cash out; card and other expected = taken − refunded.
 *   Cash taken is what the drawer kept, cash rounding included, so the payments add up to net + cash rounding;
 * - cash rounding: what rounding cash to the coin added (positive) or took off (negative), over the sales.
 */
import type { PaymentMethod } from './payments';
import type { TaxBand } from './pricing';

/** The methods, in the order a report lists them. */
export const METHODS: readonly PaymentMethod[] = ['cash', 'card', 'other'];

/** A sale or refund as the report needs it. */
export interface ReportSale {
  kind: 'sale' | 'refund';
  subtotal: number;
  discountTotal: number;
  total: number;
  taxes: TaxBand[];
  /** `amount` counts toward the total (the change already taken out of the cash). */
  payments: { method: PaymentMethod; amount: number }[];
  /** What cash rounding added to what was paid (see payments.ts); 0 or absent without it. */
  cashRounding?: number;
  /** A refund that voided its sale (reported on the voids line, not among the refunds). */
  isVoid?: boolean;
}

/** Cash put into (positive) or taken out of (negative) the drawer, with its reason. */
export interface CashMove {
  amount: number;
  reason: string;
}

/** Per payment method, minor units. */
export type ByMethod = Record<PaymentMethod, number>;

/** A shift's figures. */
export interface ShiftFigures {
  salesCount: number;
  refundsCount: number;
  gross: number;
  discounts: number;
  refunds: number;
  /** Voids and what they paid back; absent in Z reports stored before voids had their own line. */
  voidsCount?: number;
  voids?: number;
  net: number;
  taxes: TaxBand[];
  taxTotal: number;
  /** Taken by each method, less what refunds gave back by it. */
  payments: ByMethod;
  /** Cash rounding over the sales; absent when there was none (and in Z reports stored before it existed). */
  cashRounding?: number;
  float: number;
  cashIn: number;
  cashOut: number;
  expected: ByMethod;
}

/** A closed shift's figures: what was counted and the difference (counted − expected; negative: short). */
export interface ClosingFigures extends ShiftFigures {
  counted: ByMethod;
  difference: ByMethod;
  differenceTotal: number;
}

const zero = (): ByMethod => ({ cash: 0, card: 0, other: 0 });

/** The X report: the figures so far. */
export function shiftFigures(float: number, sales: ReportSale[], moves: CashMove[]): ShiftFigures {
  let salesCount = 0, refundsCount = 0, voidsCount = 0, gross = 0, discounts = 0, refunds = 0, voids = 0, taken = 0, cashRounding = 0;
  const payments = zero();
  const bands = new Map<number, TaxBand>();
  for (const s of sales) {
    const sign = s.kind === 'refund' ? -1 : 1;
    if (s.kind === 'refund' && s.isVoid) {
      voidsCount += 1;
      voids += s.total;
    } else if (s.kind === 'refund') {
      refundsCount += 1;
      refunds += s.total;
    } else {
      salesCount += 1;
      gross += s.subtotal;
      discounts += s.discountTotal;
      taken += s.total;
    }
    for (const p of s.payments) payments[p.method] += sign * p.amount;
    cashRounding += sign * (s.cashRounding ?? 0);
    for (const t of s.taxes) {
      const band = bands.get(t.taxBp) ?? { taxBp: t.taxBp, net: 0, tax: 0, gross: 0 };
      band.net += sign * t.net;
      band.tax += sign * t.tax;
      band.gross += sign * t.gross;
      bands.set(t.taxBp, band);
    }
  }
  const cashIn = moves.filter((m) => m.amount > 0).reduce((a, m) => a + m.amount, 0);
  const cashOut = -moves.filter((m) => m.amount < 0).reduce((a, m) => a + m.amount, 0);
  const taxes = [...bands.values()].sort((a, b) => a.taxBp - b.taxBp);
  return {
    salesCount,
    refundsCount,
    gross,
    discounts,
    refunds,
    voidsCount,
    voids,
    net: taken - refunds - voids,
    taxes,
    taxTotal: taxes.reduce((a, t) => a + t.tax, 0),
    payments,
    // Only where there was some, so the figures of a shop without cash rounding read as before.
    ...(cashRounding !== 0 ? { cashRounding } : {}),
    float,
    cashIn,
    cashOut,
    expected: { cash: float + payments.cash + cashIn - cashOut, card: payments.card, other: payments.other },
  };
}

/** The Z report's figures: the X report's and the count against them. */
export function closingFigures(figures: ShiftFigures, counted: ByMethod): ClosingFigures {
  const difference = zero();
  for (const m of METHODS) difference[m] = counted[m] - figures.expected[m];
  return { ...figures, counted: { ...counted }, difference, differenceTotal: METHODS.reduce((a, m) => a + difference[m], 0) };
}

/** The cash counted, from how many of each note and coin (denomination in minor units → how many). */
export function countCash(counts: Record<number, number>): number {
  let sum = 0;
  for (const [denomination, n] of Object.entries(counts)) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('A count of notes or coins is a whole number of 0 or more.');
    sum += Number(denomination) * n;
  }
  return sum;
}
