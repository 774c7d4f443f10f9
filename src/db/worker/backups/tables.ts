/** Which tables of a database hold rows, and how many: shared by the summaries, emptying and the manifest. */
import type { Database } from '@sqlite.org/sqlite-wasm';

/**
 * The ordinary tables of `db`, by name. Virtual tables (full-text search) and their shadow tables are left out:
 * they follow their content tables through triggers, and writing to them directly would corrupt the index.
 */
export function userTables(db: Database): string[] {
  return db
    .selectValues(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .map(String);
}

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The integer key `table`'s rows are stored in order of: the rowid, or for a WITHOUT ROWID table the first
 * column of its primary key when that is an INTEGER; null when there is none (a TEXT key).
 */
export function integerKeyOf(db: Database, table: string): string | null {
  const withoutRowid = Number(db.selectValue('SELECT wr FROM pragma_table_list WHERE schema = ? AND name = ?', ['main', table])) === 1;
  if (!withoutRowid) return 'rowid';
  const first = db.selectObject('SELECT name, type FROM pragma_table_info(?) WHERE pk = 1', [table]) as { name: string; type: string } | undefined;
  return first && first.type.toUpperCase() === 'INTEGER' ? quoteName(first.name) : null;
}

/** Keys of the integer key counted per step: a few milliseconds of reading at most. */
const COUNT_KEYS = 8192;

/**
 * Counts the rows of `table`, one range of its integer key per step (each range starts at the next key there
 * is, so sparse keys cost no empty steps); a table without one is counted in one step. A generator, so that a
 * large table's count does not hold the worker: a whole `count(*)` of a million rows is a slice of 100 ms and more.
 */
export function* countSteps(db: Database, table: string): Generator<void, number> {
  const key = integerKeyOf(db, table);
  if (key === null) return Number(db.selectValue(`SELECT count(*) FROM ${quoteName(table)}`));
  const next = db.prepare(`SELECT min(${key}) FROM ${quoteName(table)} WHERE ${key} >= ?`);
  const count = db.prepare(`SELECT count(*) FROM ${quoteName(table)} WHERE ${key} >= ? AND ${key} < ?`);
  let rows = 0;
  try {
    let from: bigint = -(2n ** 63n);
    for (;;) {
      next.bind([from]).step();
      const low = next.get(0);
      next.reset(true);
      if (low === null || low === undefined) break;
      from = BigInt(low as number | bigint) + BigInt(COUNT_KEYS);
      count.bind([low, from]).step();
      rows += Number(count.get(0));
      count.reset(true);
      yield;
    }
  } finally {
    next.finalize();
    count.finalize();
  }
  return rows;
}
