/**
 * A small shop with every table in use, for unit tests of the checks on whole files: each migration's seed goes in
 * at that migration's version, as the shop's data grew release by release (the seeds of `src/db/migrations/seeds`).
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { memoryDb } from './memory-db';

const seeds = import.meta.glob<string>('../../migrations/seeds/*.sql', { query: '?raw', import: 'default', eager: true });

/**
 * The migration seeds are rows for the migrations to move, not a shop's till: sale 1's lines come to more than its
 * subtotal and total, and stock was set without its movements. A file Tillite writes always adds up (the import
 * refuses one that does not, see `transfer/business-rules.ts`), so the seeded shop's arithmetic is settled the way
 * the till would have recorded it: totals from the lines and tax bands, the last payment taking the difference,
 * the change from what was handed over, stock from its movements.
 */
const settle = (rounding: string) => `
  UPDATE sales SET subtotal = discount_total + (SELECT coalesce(sum(amount), 0) FROM sale_lines WHERE sale_id = sales.id),
    tax_total = (SELECT coalesce(sum(tax), 0) FROM sale_taxes WHERE sale_id = sales.id),
    total = (SELECT coalesce(sum(gross), 0) FROM sale_taxes WHERE sale_id = sales.id);
  UPDATE sale_payments SET amount = amount + (SELECT total + ${rounding} FROM sales WHERE id = sale_payments.sale_id)
      - (SELECT sum(p.amount) FROM sale_payments p WHERE p.sale_id = sale_payments.sale_id)
    WHERE seq = (SELECT max(p.seq) FROM sale_payments p WHERE p.sale_id = sale_payments.sale_id);
  UPDATE sales SET change_due = paid - total - ${rounding};
  UPDATE products SET stock = (SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE product_id = products.id);`;

/** An in-memory database at schema `version` (the latest by default) with its seeds, its arithmetic settled. */
export async function seededShop(version = bundledMigrations.length): Promise<{ db: Database; sqlite3: Sqlite3Static }> {
  const { db, sqlite3 } = await memoryDb();
  const seedList = Object.entries(seeds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, sql]) => sql);
  for (let v = 1; v <= version; v++) {
    await migrate(db, bundledMigrations.slice(0, v), { appVersion: '1.0.0' });
    db.exec(seedList[v - 1] ?? '');
  }
  if (db.selectValue("SELECT 1 FROM sqlite_schema WHERE name = 'sale_payments'")) {
    db.exec(settle(db.selectValue("SELECT 1 FROM pragma_table_info('sales') WHERE name = 'cash_rounding'") ? 'cash_rounding' : '0'));
  }
  return { db, sqlite3 };
}
