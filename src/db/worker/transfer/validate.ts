/**
 * Checks a file someone picked to import, before anything else happens to it. The file is untrusted: it may be
 * anything, damaged, from another application, from a newer Tillite, or a Tillite database someone changed.
 *
 * Order (cheapest first, each with its own plain message): the header (empty, not SQLite, WAL mode, a size that
 * does not match its page count, see `header.ts`); `application_id`; a schema newer than this build; then, in a
 * private in-memory copy opened read-only with `trusted_schema=OFF`, SQLITE_DBCONFIG_DEFENSIVE and triggers and
 * views disabled (so nothing in the file can run): `integrity_check`, the schema compared with the one this
 * build's migrations create at that version (no extra triggers, views, tables or indexes), the migration
 * history's checksums, `foreign_key_check`, and the shop's own arithmetic (`business-rules.ts`: sales that add
 * up, stock that is the sum of its movements). Only then are the file's rows compared with the manifest it carries
 * (`backups/manifest.ts`: a difference is not a refusal, the person may have edited the file on purpose; the
 * preview names the tables and the import asks first) and facts read for the preview.
 *
 * Pure apart from sqlite-wasm in memory: the same code runs in Node's unit tests and in the worker.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import type { DatabaseFacts, ManifestCheck } from '../../protocol/transfer';
import { checkManifest, loadManifestHasher } from '../backups/manifest';
import { checkBusinessRules, rulesInWords } from './business-rules';
import { summarize } from '../backups/inspect';
import { migrationHistory } from '../schema/runner';
import { schemaVersionOf, TILLITE_APPLICATION_ID } from '../schema/version';
import { checksumOf, type Migration } from '../schema/loader';
import { checkHeader, refuse, type HeaderFacts, type Refusal } from './header';
import type { DatabaseFiles } from '../storage/database-files';
import { applyScratchSettings } from '../storage/pragmas';
import { fileProblemInWords, sqliteSmallPrint } from './sqlite-words';
import { utcText } from '../../../lib/utc-time';

/** A file that passed every check, with what the preview shows. */
export interface Accepted {
  ok: true;
  facts: DatabaseFacts;
  /** The file's rows beside its own manifest. */
  manifest: ManifestCheck;
}

/** The shop's facts for the preview, read from a database whose schema is known to be Tillite's. */
export function readDatabaseFacts(db: Database, size: number): DatabaseFacts {
  const summary = summarize(db);
  const has = (table: string) => db.selectValue("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]) !== undefined;
  const shopName = has('shop') ? db.selectValue('SELECT name FROM shop WHERE id = 1') : undefined;
  const firstSaleAt = summary.sales ? db.selectValue('SELECT min(created_at) FROM sales') : undefined;
  return {
    shopName: shopName === undefined || shopName === null ? null : String(shopName),
    products: summary.products,
    sales: summary.sales,
    firstSaleAt: utcText(firstSaleAt),
    lastSaleAt: summary.lastSaleAt,
    schemaVersion: schemaVersionOf(db),
    rows: summary.rows,
    size,
  };
}

/**
 * Turns every defence on for a connection to an untrusted file, before any statement reads its schema: nothing in
 * the file runs (no triggers, no views, no functions of the schema), and a corrupt file cannot be used to write
 * out of bounds. {@link queryOnly} follows once the file is attached.
 */
export function defend(sqlite3: Sqlite3Static, db: Database): void {
  const { capi } = sqlite3;
  for (const [op, value] of [
    [capi.SQLITE_DBCONFIG_DEFENSIVE, 1],
    [capi.SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0],
    [capi.SQLITE_DBCONFIG_ENABLE_TRIGGER, 0],
    [capi.SQLITE_DBCONFIG_ENABLE_VIEW, 0],
  ] as const) {
    db.checkRc(capi.sqlite3_db_config(db.pointer!, op, value, 0));
  }
}

/** The connection writes nothing and trusts no function of the schema (pragmas: set once the file is attached). */
function queryOnly(db: Database): void {
  // Not `cell_size_check`: it turns a damaged page into an error that aborts `integrity_check`, which then
  // cannot say which page is damaged. SQLite reads damaged files safely without it (it is fuzzed for that).
  db.exec('PRAGMA query_only = ON; PRAGMA trusted_schema = OFF');
}

/** Opens a private read-only copy of `bytes` in memory with every defence on (see {@link defend}). */
export function openUntrusted(sqlite3: Sqlite3Static, bytes: Uint8Array): Database {
  const { capi } = sqlite3;
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    defend(sqlite3, db);
    const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
    db.checkRc(
      capi.sqlite3_deserialize(db.pointer!, 'main', pointer, bytes.length, bytes.length, capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_READONLY),
    );
    queryOnly(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens the untrusted file `name` of the pool (or its in-memory twin) with every defence on: the import's checks
 * read it through the VFS a page at a time, so memory stays flat in the file's size.
 */
export function openUntrustedFile(sqlite3: Sqlite3Static, files: DatabaseFiles, name: string): Database {
  const db = files.openPlain(name);
  try {
    defend(sqlite3, db);
    applyScratchSettings(db, true);
    queryOnly(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** "Tree 2 page 4 cell 7: …" → 4: the page SQLite names first, if any. */
export function damagedPage(problems: string[]): number | null {
  for (const problem of problems) {
    const match = /\bpage (\d+)/i.exec(problem);
    if (match) return Number(match[1]);
  }
  return null;
}

/** One schema object, normalised so that only meaningful differences count. */
type SchemaEntry = { type: string; name: string; tbl_name: string; sql: string | null };

const normalise = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());

function schemaOf(db: Database): Map<string, SchemaEntry> {
  const rows = db.selectObjects('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name') as SchemaEntry[];
  // Statistics tables (ANALYZE, PRAGMA optimize) hold numbers for the query planner, never code: allowed.
  return new Map(rows.filter((r) => !/^sqlite_stat\d$/.test(r.name)).map((r) => [`${r.type} ${r.name}`, { ...r, sql: normalise(r.sql) }]));
}

/** The schema this build's migrations create at `version`, built in memory. */
export function referenceSchema(sqlite3: Sqlite3Static, migrations: readonly Migration[], version: number): Map<string, SchemaEntry> {
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.transaction(() => {
      for (const migration of migrations.slice(0, version)) migration.up(db);
    });
    return schemaOf(db);
  } finally {
    db.close();
  }
}

/** Differences between a file's schema and the expected one, in words ("an extra trigger “x”"). */
export function schemaDifferences(actual: Map<string, SchemaEntry>, expected: Map<string, SchemaEntry>): string[] {
  const differences: string[] = [];
  for (const [key, entry] of actual) {
    const wanted = expected.get(key);
    if (!wanted) differences.push(`an extra ${entry.type} “${entry.name}”`);
    else if (wanted.sql !== entry.sql || wanted.tbl_name !== entry.tbl_name) differences.push(`a changed ${entry.type} “${entry.name}”`);
  }
  for (const [key, entry] of expected) if (!actual.has(key)) differences.push(`no ${entry.type} “${entry.name}”`);
  return differences;
}

/** Checks that the recorded migrations are exactly this build's first `version` ones. */
async function historyProblem(db: Database, migrations: readonly Migration[], version: number): Promise<string | null> {
  const history = migrationHistory(db);
  if (history.length !== version) return `it records ${history.length} database updates for schema ${version}`;
  for (const [index, record] of history.entries()) {
    const migration = migrations[index];
    if (!migration || record.version !== index + 1 || record.checksum !== (await checksumOf(migration.source))) {
      return `its record of update ${record.version} (${record.name}) differs from this version of Tillite's`;
    }
  }
  return null;
}

/**
 * What the header's facts alone refuse: another application's database, a newer schema than `latest`, none.
 * Cheap, so it also runs on a picked file's first bytes before the file is copied (see `import.ts`).
 */
export function refuseByHeader(header: HeaderFacts, latest: number): Refusal | null {
  if (header.applicationId !== TILLITE_APPLICATION_ID) {
    return refuse('not-tillite', 'This is not a Tillite database: it is an SQLite database made by another application.');
  }
  if (header.userVersion > latest) {
    return refuse('newer-schema', `This backup comes from a newer version of Tillite (schema ${header.userVersion}); update the app first.`);
  }
  if (header.userVersion < 1) {
    return refuse('unexpected-schema', 'This file says it is a Tillite database but holds no schema version: it was not written by Tillite.');
  }
  return null;
}

/** A refusal for a file SQLite could not read, in words; SQLite's code last, in small print. */
export const unreadable = (error: unknown): Refusal => refuse('damaged', `This file is damaged: ${fileProblemInWords(error)}.`, sqliteSmallPrint(error));

/**
 * Checks `bytes` as a database to import. `migrations` are this build's (their count is the newest schema it
 * knows). Never throws for a bad file: every problem is a {@link Refusal} with its own message. The import itself
 * checks its file where it lies, without reading it into memory (`check-staged.ts`); this is for bytes in hand.
 */
export async function validateImport(sqlite3: Sqlite3Static, bytes: Uint8Array, migrations: readonly Migration[]): Promise<Accepted | Refusal> {
  const header = checkHeader(bytes);
  if ('ok' in header) return header;
  const early = refuseByHeader(header, migrations.length);
  if (early) return early;

  let db: Database;
  try {
    db = openUntrusted(sqlite3, bytes);
  } catch (error) {
    return unreadable(error);
  }
  try {
    return await validateOpened(sqlite3, db, header, bytes.length, migrations);
  } finally {
    db.close();
  }
}

/**
 * The checks after the header's, on `db`, an untrusted file opened with every defence on, whose header
 * {@link refuseByHeader} accepted: integrity, schema, history, foreign keys, the shop's arithmetic, the manifest.
 * Never throws for a bad file. Leaves `db` open.
 */
export async function validateOpened(sqlite3: Sqlite3Static, db: Database, header: HeaderFacts, size: number, migrations: readonly Migration[]): Promise<Accepted | Refusal> {
  try {
    let problems: string[];
    try {
      const result = db.selectValues('PRAGMA integrity_check(20)').map(String);
      problems = result.length === 1 && result[0] === 'ok' ? [] : result.flatMap((r) => r.split('\n')).filter((r) => r && !r.startsWith('***'));
    } catch (error) {
      // The check itself could not read the file: say what that means, SQLite's code last.
      return unreadable(error);
    }
    if (problems.length > 0) {
      const page = damagedPage(problems);
      return refuse('damaged', `This file is damaged${page === null ? '' : ` at page ${page}`}: SQLite's integrity check found “${problems[0]}”.`);
    }
    const differences = schemaDifferences(schemaOf(db), referenceSchema(sqlite3, migrations, header.userVersion));
    if (differences.length > 0) {
      return refuse(
        'unexpected-schema',
        `This file is not the database Tillite wrote: it has ${differences.slice(0, 3).join(', ')}${differences.length > 3 ? ` and ${differences.length - 3} more differences` : ''}. It may have been changed by another program, so Tillite will not use it.`,
      );
    }
    const history = await historyProblem(db, migrations, header.userVersion);
    if (history) return refuse('history-mismatch', `This file's history does not match this version of Tillite: ${history}.`);
    const broken = db.selectObjects('PRAGMA foreign_key_check');
    if (broken.length > 0) {
      const first = broken[0]!;
      return refuse(
        'broken-references',
        `This file is inconsistent: ${broken.length} row(s) point to rows that do not exist (for example in “${String(first.table)}”, row ${String(first.rowid)}, pointing into “${String(first.parent)}”).`,
      );
    }
    const rules = checkBusinessRules(db);
    if (rules.total > 0) {
      return refuse(
        'inconsistent',
        `This file's numbers do not add up, so it cannot be a shop's true record: ${rulesInWords(rules)}. It may have been edited or damaged; use another copy.`,
      );
    }
    return { ok: true, facts: readDatabaseFacts(db, size), manifest: checkManifest(db, await loadManifestHasher()) };
  } catch (error) {
    return unreadable(error);
  }
}
