/**
 * The shop's own arithmetic, checked on a file before it is imported or restored: what SQLite's constraints
 * cannot see. Each sale's lines come to its subtotal less its discounts; each tax band's net and tax make its
 * gross, and the bands make the sale's tax and total; the payments make the total (plus its cash rounding, from
 * schema 6 on) and what was handed over, and the change is what was handed over less what was to pay. Each
 * product's stock is the sum of its stock movements.
 *
 * Read-only SQL over the file (correlated sums seek each sale's rows by the child tables' primary keys, a range of
 * sales at a time; the stock sums are one grouped scan, since no index orders movements by product). The first few problems are named in
 * words: which sale (by its receipt number) or which product, and what does not add up.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { formatMoney } from '../../../pos/currency';

/** How many problems are named in a refusal; the rest are counted. */
const NAMED = 3;

/** One sale or product whose numbers do not add up, in words. */
export interface RuleProblem {
  /** "Sale 1042", "Product “Flat white” (id 7)". */
  subject: string;
  /** What does not add up: "its lines come to £5.76 but its subtotal less discounts is £6.76". */
  problem: string;
}

/** What the check found: nothing (empty list), or the first problems and how many there are in all. */
export interface RulesCheck {
  problems: RuleProblem[];
  total: number;
}

const hasTable = (db: Database, name: string) =>
  db.selectValue("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [name]) !== undefined;

/**
 * The sales whose children disagree with their totals. `rounding` is the column of the cash rounding where the
 * schema has one: what the customer paid in cash is the total plus it.
 */
const saleRules = (rounding: string) => `
  WITH sums AS (
    SELECT s.number, s.currency, s.subtotal, s.discount_total, s.tax_total, s.total, s.paid, s.change_due,
      ${rounding} AS rounding,
      (SELECT coalesce(sum(amount), 0) FROM sale_lines l WHERE l.sale_id = s.id) AS lines_amount,
      (SELECT coalesce(sum(discount), 0) FROM sale_lines l WHERE l.sale_id = s.id) AS lines_discount,
      (SELECT coalesce(sum(tax), 0) FROM sale_taxes t WHERE t.sale_id = s.id) AS bands_tax,
      (SELECT coalesce(sum(gross), 0) FROM sale_taxes t WHERE t.sale_id = s.id) AS bands_gross,
      (SELECT count(*) FROM sale_taxes t WHERE t.sale_id = s.id AND t.net + t.tax <> t.gross) AS bad_bands,
      (SELECT coalesce(sum(amount), 0) FROM sale_payments p WHERE p.sale_id = s.id) AS paid_amount,
      (SELECT coalesce(sum(tendered), 0) FROM sale_payments p WHERE p.sale_id = s.id) AS paid_tendered
    FROM sales s WHERE s.id >= ? AND s.id < ?
  )
  SELECT * FROM sums
  WHERE lines_amount <> subtotal - discount_total OR lines_discount <> discount_total OR bad_bands > 0
    OR bands_tax <> tax_total OR bands_gross <> total OR paid_amount <> total + rounding OR paid_tendered <> paid
    OR change_due <> paid - total - rounding
  ORDER BY number`;

type SaleSums = Record<
  | 'number'
  | 'subtotal'
  | 'discount_total'
  | 'tax_total'
  | 'total'
  | 'paid'
  | 'change_due'
  | 'lines_amount'
  | 'lines_discount'
  | 'bands_tax'
  | 'bands_gross'
  | 'bad_bands'
  | 'paid_amount'
  | 'paid_tendered'
  | 'rounding',
  number
> & { currency: string };

/** What one sale's row says is wrong, in words (its first broken rule). */
function saleProblem(row: SaleSums): string {
  const money = (minor: number) => formatMoney(minor, row.currency);
  if (row.lines_amount !== row.subtotal - row.discount_total) {
    return `its lines come to ${money(row.lines_amount)} but its subtotal less discounts is ${money(row.subtotal - row.discount_total)}`;
  }
  if (row.lines_discount !== row.discount_total) {
    return `its lines' discounts come to ${money(row.lines_discount)} but its discount total is ${money(row.discount_total)}`;
  }
  if (row.bad_bands > 0) return `the net and the tax of ${row.bad_bands === 1 ? 'a tax band' : `${row.bad_bands} tax bands`} do not add up to the band's gross`;
  if (row.bands_tax !== row.tax_total) return `its tax bands come to ${money(row.bands_tax)} of tax but its tax total is ${money(row.tax_total)}`;
  if (row.bands_gross !== row.total) return `its tax bands come to ${money(row.bands_gross)} but its total is ${money(row.total)}`;
  const due = row.total + row.rounding;
  const toPay = row.rounding === 0 ? 'its total is' : 'its total with its cash rounding is';
  if (row.paid_amount !== due) return `its payments come to ${money(row.paid_amount)} but ${toPay} ${money(due)}`;
  if (row.paid_tendered !== row.paid) return `what was handed over comes to ${money(row.paid_tendered)} but the sale says ${money(row.paid)}`;
  return `its change is ${money(row.change_due)} but what was handed over less what was to pay is ${money(row.paid - due)}`;
}

/** The products whose stock is not the sum of their movements. */
const STOCK_RULE = `
  SELECT p.id, p.name, p.stock, coalesce(m.moved, 0) AS moved
  FROM products p LEFT JOIN (SELECT product_id, sum(delta) AS moved FROM stock_movements GROUP BY product_id) m ON m.product_id = p.id
  WHERE p.stock <> coalesce(m.moved, 0)
  ORDER BY p.id`;

/** Sales checked per step of {@link businessRuleSteps}: a few milliseconds of correlated sums. */
const SALES_PER_STEP = 2048;

/**
 * Checks the rules on `db` (any schema: a rule whose tables the file lacks is skipped) in steps: the sales a range
 * of their ids at a time, then the stock in one grouped scan. A generator, so that a background check can give
 * the worker back between steps; {@link checkBusinessRules} runs it at once.
 */
export function* businessRuleSteps(db: Database): Generator<void, RulesCheck> {
  const problems: RuleProblem[] = [];
  let total = 0;
  if (['sales', 'sale_lines', 'sale_taxes', 'sale_payments'].every((t) => hasTable(db, t))) {
    const rounding = db.selectValue("SELECT 1 FROM pragma_table_info('sales') WHERE name = 'cash_rounding'") ? 's.cash_rounding' : '0';
    const sql = saleRules(rounding);
    // The lowest receipt numbers are named, whatever range they were found in.
    let first: SaleSums[] = [];
    for (let from = Number(db.selectValue('SELECT min(id) FROM sales') ?? 0), last = Number(db.selectValue('SELECT max(id) FROM sales') ?? -1); from <= last; ) {
      const rows = db.selectObjects(sql, [from, from + SALES_PER_STEP]) as unknown as SaleSums[];
      total += rows.length;
      first = [...first, ...rows].sort((a, b) => a.number - b.number).slice(0, NAMED);
      from = Number(db.selectValue('SELECT min(id) FROM sales WHERE id >= ?', [from + SALES_PER_STEP]) ?? last + 1);
      yield;
    }
    for (const row of first) problems.push({ subject: `Sale ${row.number}`, problem: saleProblem(row) });
  }
  if (hasTable(db, 'products') && hasTable(db, 'stock_movements')) {
    const rows = db.selectObjects(STOCK_RULE) as { id: number; name: string; stock: number; moved: number }[];
    total += rows.length;
    for (const row of rows.slice(0, Math.max(0, NAMED - problems.length))) {
      problems.push({
        subject: `Product “${row.name}” (id ${row.id})`,
        problem: `its stock says ${row.stock} but its stock movements add up to ${row.moved}`,
      });
    }
  }
  return { problems, total };
}

/** Checks the rules on `db` at once (see {@link businessRuleSteps}). */
export function checkBusinessRules(db: Database): RulesCheck {
  const steps = businessRuleSteps(db);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The refusal's sentence for a failed check: "Sale 3: …; Product …: … (and 4 more)." */
export function rulesInWords(check: RulesCheck): string {
  const named = check.problems.map((p) => `${p.subject}: ${p.problem}`).join('; ');
  const more = check.total - check.problems.length;
  return `${named}${more > 0 ? ` (and ${more} more)` : ''}`;
}
