/**
 * Every historical version upgrades without losing a row. For each version N: build a database at N the way a
 * shop would have it (each migration up to N applied, each followed by its seed rows from seeds/), migrate it to
 * the latest, and check that every table keeps its row count and the sums of its numeric columns, and that the
 * schema equals a fresh install's.
 *
 * A migration without a seed file fails here loudly: add `seeds/NNNN_name.sql` with realistic rows for the
 * tables it creates or changes. A seed may declare `-- may-change: table.column` when its migration
 * legitimately transforms existing values of that column (its sum is then not compared across it), and
 * `-- dropped: table` when its migration removes a table on purpose (it must then be gone).
 *
 * Where a version has sales, what a receipt reprint, a refund and the sales list read is also compared row for
 * row before and after (`worker/testing/sales-reads.ts`: the queries of the release at that version, and the app's own now).
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { migrate } from '../worker/schema/runner';
import { bundledMigrations } from '../worker/schema/loader';
import { memoryDb } from '../worker/testing/memory-db';
import { readsAtV2, readsAtV3, readsNow, type SalesReads } from '../worker/testing/sales-reads';

const seeds = import.meta.glob<string>('./seeds/*.sql', { query: '?raw', import: 'default', eager: true });
const seedOf = (version: number, name: string) => seeds[`./seeds/${String(version).padStart(4, '0')}_${name}.sql`];
const APP = '1.0.0';
/** Grows with every migration by design; checked on its own below. */
const RUNNER_TABLES = new Set(['schema_migrations']);

type Stats = Map<string, { count: number; sums: Map<string, number> }>;

function tables(db: Database): string[] {
  return db
    .selectValues("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .map(String);
}

/** Row counts and, per column, the sum of its numeric values (text is summed as its length). */
function stats(db: Database): Stats {
  const result: Stats = new Map();
  for (const table of tables(db)) {
    const columns = db.selectValues(`SELECT name FROM pragma_table_info('${table}')`).map(String);
    const count = Number(db.selectValue(`SELECT count(*) FROM "${table}"`));
    const sums = new Map<string, number>();
    for (const column of columns) {
      sums.set(
        column,
        Number(db.selectValue(`SELECT total(CASE WHEN typeof("${column}") IN ('integer', 'real') THEN "${column}" ELSE length("${column}") END) FROM "${table}"`)),
      );
    }
    result.set(table, { count, sums });
  }
  return result;
}

/** `sqlite_schema` without root pages, whitespace collapsed: what a fresh install must equal. */
function normalisedSchema(db: Database) {
  return db
    .selectObjects("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .map((row) => ({ ...row, sql: row.sql === null ? null : String(row.sql).replace(/\s+/g, ' ').trim() }));
}

/** What the seeds of the migrations after `fromVersion` declare with `-- <what>: <name>` lines. */
function declared(fromVersion: number, what: 'may-change' | 'dropped'): Set<string> {
  const names = new Set<string>();
  for (const m of bundledMigrations.slice(fromVersion)) {
    for (const match of (seedOf(m.version, m.name) ?? '').matchAll(new RegExp(`^-- ${what}: (\\S+)$`, 'gm'))) names.add(match[1] as string);
  }
  return names;
}

/**
 * The sales reads of the release at each schema version that has sales. When a migration changes the sales
 * tables again, the current `readsNow` is frozen here for the version before it (3: the reads of schemas 3 to 5).
 */
const READS_AT: Record<number, (db: Database) => SalesReads> = { 2: readsAtV2, 3: readsAtV3 };

describe('every historical version upgrades to the latest', () => {
  it('has a seed for every migration', () => {
    const missing = bundledMigrations.filter((m) => seedOf(m.version, m.name) === undefined);
    if (missing.length > 0) {
      const files = missing.map((m) => `src/db/migrations/seeds/${String(m.version).padStart(4, '0')}_${m.name}.sql`);
      throw new Error(`These migrations have no seed data. Add realistic rows for the tables each creates or changes in:\n  ${files.join('\n  ')}`);
    }
  });

  for (const target of bundledMigrations) {
    it(`from version ${target.version} (${target.name}) without losing a row`, async () => {
      const { db } = await memoryDb();
      for (const m of bundledMigrations.slice(0, target.version)) {
        await migrate(db, bundledMigrations.slice(0, m.version), { appVersion: APP });
        const seed = seedOf(m.version, m.name);
        if (seed === undefined) throw new Error(`No seed for migration ${m.version} (${m.name}): see the test above.`);
        db.exec(seed);
      }
      const before = stats(db);
      const readsBefore = READS_AT[target.version]?.(db);
      for (const [table, { count }] of before) expect(count, `seeds leave ${table} empty at version ${target.version}`).toBeGreaterThan(RUNNER_TABLES.has(table) ? -1 : 0);

      await migrate(db, bundledMigrations, { appVersion: APP });
      const after = stats(db);
      const changing = declared(target.version, 'may-change');
      const dropped = declared(target.version, 'dropped');
      for (const [table, was] of before) {
        if (RUNNER_TABLES.has(table)) continue;
        const now = after.get(table);
        if (dropped.has(table)) {
          expect(now, `table ${table} is dropped by a later migration`).toBeUndefined();
          continue;
        }
        expect(now, `table ${table} disappeared`).toBeDefined();
        expect(now!.count, `rows of ${table}`).toBe(was.count);
        for (const [column, sum] of was.sums) {
          if (!now!.sums.has(column) || changing.has(`${table}.${column}`)) continue;
          expect(now!.sums.get(column), `sum of ${table}.${column}`).toBe(sum);
        }
      }
      expect(db.selectValues('SELECT version FROM schema_migrations ORDER BY version').map(Number)).toEqual(bundledMigrations.map((m) => m.version));
      if (readsBefore) {
        const readsAfter = readsNow(db);
        expect(readsAfter.receipts.length, 'receipts').toBeGreaterThan(0);
        expect(readsAfter.list, 'the sales list').toEqual(readsBefore.list);
        expect(readsAfter.receipts, 'every receipt').toEqual(readsBefore.receipts);
        expect(readsAfter.refunds, 'what refunds read').toEqual(readsBefore.refunds);
        expect(readsAfter.movements, 'stock movements').toEqual(readsBefore.movements);
        // Each movement of a sale now names its line: the line of that product, and the line's quantity is what left (or came back to) the shelf.
        const unmatched = db.selectObjects(
          `SELECT m.id FROM stock_movements m LEFT JOIN sale_lines l ON l.sale_id = m.sale_id AND l.line_no = m.line_no
             LEFT JOIN line_items i ON i.id = l.item_id
           WHERE m.sale_id IS NOT NULL AND (i.product_id IS NOT m.product_id OR l.quantity IS NOT -m.delta)`,
        );
        expect(unmatched, 'stock movements whose line does not match').toEqual([]);
      }
      expect(db.selectValue('PRAGMA integrity_check')).toBe('ok');
      expect(db.selectObjects('PRAGMA foreign_key_check')).toEqual([]);

      const fresh = (await memoryDb()).db;
      await migrate(fresh, bundledMigrations, { appVersion: APP });
      expect(normalisedSchema(db)).toEqual(normalisedSchema(fresh));
      expect(db.selectValue('PRAGMA user_version')).toBe(fresh.selectValue('PRAGMA user_version'));
      expect(db.selectValue('PRAGMA application_id')).toBe(fresh.selectValue('PRAGMA application_id'));
    });
  }
});

describe('0010 moves existing shifts over to staff ids', () => {
  it('matches each shift to the one member of staff with its name, and keeps the name alone otherwise', async () => {
    const { db } = await memoryDb();
    for (const m of bundledMigrations.filter((m) => m.version < 10)) {
      await migrate(db, bundledMigrations.slice(0, m.version), { appVersion: APP });
      db.exec(seedOf(m.version, m.name) as string);
    }
    // Two people called Sam (one has left), and a shift closed by someone who was never on the staff list.
    db.exec(`INSERT INTO staff (id, name, role, pin_salt, pin_iterations, pin_hash, active, created_at) VALUES
        (4, 'Sam Lee', 'cashier', '00', 150000, '00', 0, 1767000000000),
        (5, 'Sam Lee', 'cashier', '00', 150000, '00', 1, 1767900000000);
      UPDATE shifts SET closed_at = 1767891600000, closed_by = ' tom reyes ' WHERE id = 2;
      INSERT INTO shifts (id, opened_at, opened_by, float, closed_at, closed_by) VALUES
        (3, 1767945600000, 'Sam Lee', 5000, 1767978000000, 'Anna (weekend help)');`);
    await migrate(db, bundledMigrations, { appVersion: APP });
    const rows = db.selectObjects('SELECT id, opened_by, opened_by_id, closed_by, closed_by_id FROM shifts ORDER BY id');
    expect(rows).toEqual([
      { id: 1, opened_by: 'Lena Park', opened_by_id: 3, closed_by: 'Tom Reyes', closed_by_id: 2 },
      { id: 2, opened_by: 'Lena Park', opened_by_id: 3, closed_by: ' tom reyes ', closed_by_id: 2 },
      { id: 3, opened_by: 'Sam Lee', opened_by_id: null, closed_by: 'Anna (weekend help)', closed_by_id: null },
    ]);
  });
});
