/** What marks a file as Tillite's and says which schema it holds: read by the runner, backups, imports, status. */
import type { Database } from '@sqlite.org/sqlite-wasm';

/** `PRAGMA application_id` of every Tillite database: "TILL" in ASCII. */
export const TILLITE_APPLICATION_ID = 0x54494c4c;

/** Reads `PRAGMA user_version`: the number of the last migration applied. */
export function schemaVersionOf(db: Database): number {
  return Number(db.selectValue('PRAGMA user_version'));
}
