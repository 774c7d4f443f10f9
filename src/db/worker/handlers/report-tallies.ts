/**
 * The report's sums over time, payment method and staff member. The quarter-hours wholly inside the range are read
 * from the tallies the triggers of migration 0009 keep (`report_quarters`, `report_methods`: a year is at most
 * about 35,000 rows instead of every sale); a partial quarter-hour at either end of the range (a range that does
 * not start or end on a quarter-hour, such as "the last 365 days up to now") is summed from its sales, read through
 * the `sales_created_at` index. Both halves give the same rows, so they are added up in one statement.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { MethodTally, StaffTally } from '../../protocol/reports';
import type { PaymentMethod } from '../../../pos/payments';
import { QUARTER_MS, type QuarterTally } from '../../../pos/report';

const num = (v: unknown) => Number(v ?? 0);

/** How [from, to) splits: whole quarter-hours [first, end) from the tallies, the rest ([from, a) and [b, to)) from sales. */
export interface TallySplit {
  first: number;
  end: number;
  /** Bindings of the sales outside the whole quarter-hours: from, a, b, to. */
  edges: [number, number, number, number];
}

/** Splits [from, to) into whole quarter-hours and the parts at either end. */
export function splitRange(from: number, to: number): TallySplit {
  const first = Math.ceil(from / QUARTER_MS);
  const end = Math.floor(to / QUARTER_MS);
  // A range inside one quarter-hour has no whole one: all of it is read from its sales.
  if (end <= first) return { first: 0, end: 0, edges: [from, to, to, to] };
  return { first, end, edges: [from, first * QUARTER_MS, end * QUARTER_MS, to] };
}

const EDGES = '((s.created_at >= ? AND s.created_at < ?) OR (s.created_at >= ? AND s.created_at < ?))';

// A sale's figures as a row of `report_quarters` (the same arithmetic as the migration's triggers).
const SALE_ROW = `s.created_at / ${QUARTER_MS} AS quarter, coalesce(s.staff_id, 0) AS staff, s.kind = 'sale' AS sales,
  s.kind = 'refund' AS refunds, iif(s.kind = 'sale', s.subtotal, 0) AS gross, iif(s.kind = 'sale', s.discount_total, 0) AS discounts,
  -iif(s.kind = 'refund', s.total, 0) AS refunded, s.total AS net, s.tax_total AS tax, s.cash_rounding AS rounding`;

const quarterRows = `
  SELECT quarter, staff, sales, refunds, gross, discounts, refunded, net, tax, rounding FROM report_quarters WHERE quarter >= ? AND quarter < ?
  UNION ALL SELECT ${SALE_ROW} FROM sales s WHERE ${EDGES}`;

// One row per quarter-hour, as one JSON text: a year has up to 35,000 of them, and reading that many rows one
// column at a time across the wasm boundary took a second, where SQLite writes the text and JSON.parse reads it
// in a few milliseconds.
const QUARTERS = `
  SELECT json_group_array(json_array(quarter, sales, refunds, gross, discounts, refunded, net, tax, rounding)) FROM (
    SELECT quarter, sum(sales) AS sales, sum(refunds) AS refunds, sum(gross) AS gross, sum(discounts) AS discounts,
      sum(refunded) AS refunded, sum(net) AS net, sum(tax) AS tax, sum(rounding) AS rounding
    FROM (${quarterRows}) GROUP BY quarter HAVING sum(sales) + sum(refunds) > 0)`;

const STAFF = `
  SELECT t.staff, st.name, sum(t.sales) AS sales, sum(t.refunds) AS refunds, sum(t.net) AS net
  FROM (${quarterRows}) t LEFT JOIN staff st ON st.id = t.staff
  GROUP BY t.staff HAVING sum(t.sales) + sum(t.refunds) > 0 ORDER BY net DESC`;

const METHODS = `
  SELECT method, sum(count) AS count, sum(amount) AS amount FROM (
    SELECT method, count, amount FROM report_methods WHERE quarter >= ? AND quarter < ?
    UNION ALL SELECT c.method, 1, c.amount FROM sales s JOIN sale_payments c ON c.sale_id = s.id WHERE ${EDGES})
  GROUP BY method HAVING sum(count) > 0 ORDER BY CASE method WHEN 'cash' THEN 0 WHEN 'card' THEN 1 ELSE 2 END`;

const bind = (split: TallySplit) => [split.first, split.end, ...split.edges];

/** The range's sales and refunds per UTC quarter-hour, in time order (quarter-hours without any left out). */
export function quarterTallies(db: Database, split: TallySplit): QuarterTally[] {
  const rows = JSON.parse(String(db.selectValue(QUARTERS, bind(split)) ?? '[]')) as number[][];
  return rows
    .map(([quarter, sales, refunds, gross, discounts, refunded, net, tax, rounding]) => ({
      quarter: num(quarter), sales: num(sales), refunds: num(refunds), gross: num(gross), discounts: num(discounts),
      refunded: num(refunded), net: num(net), tax: num(tax), rounding: num(rounding),
    }))
    .sort((a, b) => a.quarter - b.quarter);
}

/** What each payment method took in the range, refunds given back by it taken off: cash, card, then other. */
export function methodTallies(db: Database, split: TallySplit): MethodTally[] {
  return db.selectObjects(METHODS, bind(split)).map((r) => ({
    method: String(r.method) as PaymentMethod, count: num(r.count), amount: num(r.amount),
  }));
}

/** What each member of staff rang up in the range, most taken first ("Not recorded" for sales without one). */
export function staffTallies(db: Database, split: TallySplit): StaffTally[] {
  return db.selectObjects(STAFF, bind(split)).map((r) => {
    const staffId = num(r.staff) === 0 ? null : num(r.staff);
    return {
      staffId,
      name: staffId === null ? 'Not recorded' : String(r.name ?? 'Not recorded'),
      sales: num(r.sales), refunds: num(r.refunds), net: num(r.net),
    };
  });
}
