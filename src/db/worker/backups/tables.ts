/** Which tables of a database hold rows: shared by the summaries, emptying and the manifest. */
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
