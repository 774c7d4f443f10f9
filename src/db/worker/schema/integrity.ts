/**
 * The start-up integrity check, one table at a time.
 *
 * A full `PRAGMA integrity_check` reads every page: about a second for a 50 MB shop and ten for 500 MB, which
 * would keep the till closed at every start. So the leader serves at once and the file is checked table by table
 * (each table with its indexes), yielding between tables; a problem switches the database to recovery, which
 * every tab then shows. The check runs on a copy in the checker worker (`checker/live-check.ts`), and here, in
 * the leader's worker, only to confirm what that copy's check found or where the checker cannot run. The
 * migration runner still checks the whole file before it migrates, and every backup checks its copy, so a
 * damaged page is also caught by the next scheduled backup.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';

/** The tables to check: ordinary tables and full-text shadow tables (virtual tables have no pages of their own). */
export function tablesToCheck(db: Database): string[] {
  return db
    .selectValues("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') ORDER BY name")
    .map(String);
}

/**
 * Checks each table of the database `current()` returns, yielding with `pause()` before each. Stops early (and
 * returns no problems) when `current()` returns null: the database was closed or replaced, and a replacement is
 * checked by whoever opened it. Returns the problems found, at most `limit`.
 */
export async function checkTableByTable(
  current: () => Database | null,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  limit = 20,
): Promise<string[]> {
  const first = current();
  if (!first) return [];
  for (const table of tablesToCheck(first)) {
    await pause();
    const db = current();
    if (db !== first) return [];
    const result = db.selectValues(`PRAGMA integrity_check('${table.replaceAll("'", "''")}')`).map(String);
    if (result.length !== 1 || result[0] !== 'ok') return result.slice(0, limit).map((problem) => `${table}: ${problem}`);
  }
  return [];
}
