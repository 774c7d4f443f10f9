/**
 * The price of a cart: line discounts, the order discount, and tax per rate, all in integer minor units.
 * Shared by the register (what the cashier sees) and the worker (what the sale records), so both agree to the
 * cent. See rounding.ts for the rounding rule and where it applies.
 *
 * The order of operations, each step rounded once:
 *  1. a line's gross is unit price × quantity (exact);
 *  2. its own discount: a percentage rounded half-up, or an amount capped at the gross;
 *  3. the order discount (a percentage of the discounted lines, rounded, or an amount capped at them) is spread
 *     over the lines in proportion to their amounts, summing exactly (largest remainder);
 *  4. the lines' amounts are added up per tax rate, and the tax is computed once per rate on that sum:
 *     inclusive prices: tax = amount × rate / (1 + rate); exclusive prices: tax = amount × rate.
 * Computing tax per rate (not per line) is what the receipt prints and avoids summing per-line rounding errors.
 */
import { allocate, divRound, percentOf } from './rounding';

/** A discount as the cashier enters it: a percentage in basis points (10 % = 1000) or an amount in minor units. */
export type Discount = { kind: 'percent'; value: number } | { kind: 'amount'; value: number };

/** What pricing needs of a line. */
export interface PriceableLine {
  quantity: number;
  /** Minor units, as the shop enters prices (inclusive or exclusive of tax). */
  unitPrice: number;
  /** Basis points: 20 % = 2000. */
  taxBp: number;
  discount?: Discount | null;
}

/** One line, priced. */
export interface PricedLine {
  gross: number;
  lineDiscount: number;
  orderDiscount: number;
  /** lineDiscount + orderDiscount. */
  discount: number;
  /** gross − discount: what the line contributes, as prices are entered. */
  amount: number;
}

/** The tax of one rate, as the receipt prints it. */
export interface TaxBand {
  taxBp: number;
  net: number;
  tax: number;
  gross: number;
}

/** A priced cart. */
export interface CartTotals {
  lines: PricedLine[];
  /** Sum of line grosses, before any discount, as prices are entered. */
  subtotal: number;
  lineDiscounts: number;
  orderDiscount: number;
  discountTotal: number;
  taxes: TaxBand[];
  taxTotal: number;
  /** Total without tax. */
  net: number;
  /** What the customer pays. */
  total: number;
}

/** The amount a discount takes off `base`: never negative, never more than `base`. */
export function discountAmount(base: number, discount: Discount | null | undefined): number {
  if (!discount || base <= 0) return 0;
  const value = Math.max(0, discount.value);
  const raw = discount.kind === 'percent' ? percentOf(base, Math.min(value, 10_000)) : value;
  return Math.min(raw, base);
}

/** The tax contained in (inclusive) or added to (exclusive) `amount` at `taxBp`. */
export function taxOf(amount: number, taxBp: number, pricesIncludeTax: boolean): number {
  return pricesIncludeTax ? divRound(amount * taxBp, 10_000 + taxBp) : percentOf(amount, taxBp);
}

/** Prices a cart. Quantities and prices must be integers; lines keep their order. */
export function priceCart(lines: PriceableLine[], orderDiscount: Discount | null | undefined, pricesIncludeTax: boolean): CartTotals {
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || !Number.isSafeInteger(line.unitPrice) || !Number.isSafeInteger(line.taxBp)) {
      throw new RangeError('Quantities, prices and tax rates must be integers');
    }
  }
  const grosses = lines.map((line) => line.unitPrice * line.quantity);
  const lineDiscounts = lines.map((line, i) => discountAmount(grosses[i] as number, line.discount));
  const afterLine = grosses.map((gross, i) => gross - (lineDiscounts[i] as number));
  const base = afterLine.reduce((a, b) => a + Math.max(0, b), 0);
  const orderTotal = discountAmount(base, orderDiscount);
  const shares = allocate(orderTotal, afterLine.map((amount) => Math.max(0, amount)));

  const priced: PricedLine[] = lines.map((_, i) => {
    const lineDiscount = lineDiscounts[i] as number;
    const share = shares[i] as number;
    const gross = grosses[i] as number;
    return { gross, lineDiscount, orderDiscount: share, discount: lineDiscount + share, amount: gross - lineDiscount - share };
  });

  const byRate = new Map<number, number>();
  lines.forEach((line, i) => byRate.set(line.taxBp, (byRate.get(line.taxBp) ?? 0) + (priced[i] as PricedLine).amount));
  const taxes: TaxBand[] = [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([taxBp, amount]) => {
      const tax = taxOf(amount, taxBp, pricesIncludeTax);
      return pricesIncludeTax ? { taxBp, net: amount - tax, tax, gross: amount } : { taxBp, net: amount, tax, gross: amount + tax };
    });

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const lineDiscountTotal = sum(lineDiscounts);
  return {
    lines: priced,
    subtotal: sum(grosses),
    lineDiscounts: lineDiscountTotal,
    orderDiscount: orderTotal,
    discountTotal: lineDiscountTotal + orderTotal,
    taxes,
    taxTotal: sum(taxes.map((t) => t.tax)),
    net: sum(taxes.map((t) => t.net)),
    total: sum(taxes.map((t) => t.gross)),
  };
}
