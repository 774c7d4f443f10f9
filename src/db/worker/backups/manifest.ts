/**
 * The manifest: a record, written inside every copy Tillite makes (backups and exports), of what each table held
 * when the copy was made: its row count and a digest of its rows. A file then proves its own contents: a row
 * changed afterwards (by hand, by another program, by a damaged disk that SQLite cannot notice) no longer matches.
 *
 * Design (see docs/transfer.md for the measured cost):
 * - Taken from the source inside the copy's read transaction ({@link takeManifest}, synchronous, so that no write
 *   can land between the digest and the copy; {@link manifestSteps} yields between batches for a caller that holds
 *   its own read transaction across slices), then written into the copy ({@link embedManifest}).
 * - Stored as one row of `app_meta` (key {@link MANIFEST_KEY}, JSON), a table every Tillite schema has since
 *   version 1: the copy's schema stays exactly Tillite's, so the import's schema comparison needs no exception,
 *   and the manifest travels with the file through a download, a folder copy and an import. That row is left out
 *   of `app_meta`'s own digest.
 * - Every ordinary table (not the full-text index's shadow tables, which follow `products`), rows in primary-key
 *   order (the declared key; the rowid only for a table without one), the hidden rowid not encoded, so a VACUUM
 *   that renumbers rowids changes nothing. Each row is its values joined by commas and ended by a newline, each
 *   value through SQLite's `quote()` (NULL, 'text' with quotes doubled, X'blob', numbers), except INTEGER NOT NULL
 *   columns of STRICT tables, whose plain digits are already unambiguous. SQLite builds the text in batches of
 *   rows; the digest is XXH64 (hash-wasm): the manifest is not a seal (anyone who edits a file can rewrite it),
 *   it tells a file that changed since Tillite wrote it from one that did not, and a 64-bit digest misses a change
 *   once in 2^64.
 * - Format 2, written since the text form was measured at 5.9 s of a large shop's 16 s backup check: every table
 *   whose b-tree is in the order of its key is digested from its stored records instead (`record-digest.ts`,
 *   digest prefix {@link RECORDS_DIGEST}); the others keep the text form above (prefix `xxh64:`). Each table is
 *   checked again in the form its recorded digest names, so a format 1 file (every table in text) is checked as
 *   before.
 */
import type { Database, SqlValue } from '@sqlite.org/sqlite-wasm';
import { createXXHash64, type IHasher } from 'hash-wasm';
import type { ChangedTable, ManifestCheck } from '../../protocol/transfer';
import { createSlicer } from '../storage/slices';
import { RECORDS_DIGEST, recordSteps, recordTableOf, type RecordTable } from './record-digest';
import { userTables } from './tables';

/** The `app_meta` key the manifest is stored under. */
export const MANIFEST_KEY = 'manifest';

/** What one table held. */
export interface TableDigest {
  rows: number;
  /** `xxh64:` (the text form) or {@link RECORDS_DIGEST} (the records), and 16 hex digits. */
  digest: string;
}

/** The manifest as stored (JSON) in the copy. */
export interface Manifest {
  /** 1: every table in the text form; 2: tables in either form, as each digest's prefix says. */
  format: 1 | 2;
  /** UTC ISO time it was taken. */
  takenAt: string;
  tables: Record<string, TableDigest>;
}

/** The digest function (its wasm is instantiated asynchronously; every use after that is synchronous). */
export type ManifestHasher = IHasher;

/**
 * A hasher of one's own (a manifest taken in slices keeps its state across pauses, so two never share one).
 * Await it before the read transaction, so that taking the manifest never waits.
 */
export function loadManifestHasher(): Promise<ManifestHasher> {
  return createXXHash64();
}

/** Rows per batch: enough that the per-statement cost vanishes, small enough that each batch is a few 100 KB. */
const BATCH_ROWS = 4096;

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How one table is read: its row text, its order, and what to leave out. */
interface TablePlan {
  table: string;
  key: string[];
  row: string;
  where: string | null;
  /** How its records are walked, where they can be (see `record-digest.ts`). */
  records: RecordTable | null;
}

function planOf(db: Database, table: string): TablePlan {
  const strict = Number(db.selectValue('SELECT strict FROM pragma_table_list WHERE schema = ? AND name = ?', ['main', table])) === 1;
  const columns = db.selectObjects('SELECT name, type, "notnull" AS "notnull", pk FROM pragma_table_info(?) ORDER BY cid', [table]) as {
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }[];
  const key = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quoteName(c.name));
  const value = (c: (typeof columns)[number]) =>
    strict && c.notnull && c.type.toUpperCase() === 'INTEGER' ? quoteName(c.name) : `quote(${quoteName(c.name)})`;
  return {
    table,
    key: key.length > 0 ? key : ['rowid'],
    row: `${columns.map(value).join(`||','||`)}||char(10)`,
    // The manifest's own row is not part of what it describes.
    where: table === 'app_meta' ? `key <> '${MANIFEST_KEY}'` : null,
    // The manifest's own row is left out by a WHERE, which only the text form has.
    records: table === 'app_meta' ? null : recordTableOf(db, table),
  };
}

/** The tables a manifest covers. */
function coveredTables(db: Database): string[] {
  return userTables(db);
}

/** The SQL of one batch: rows after `lower` (when given) up to `upper` (when given), in key order. */
function batchSql(plan: TablePlan, lower: boolean, upper: boolean): { boundary: string; text: string } {
  const keyList = plan.key.join(', ');
  const tuple = `(${keyList})`;
  const marks = `(${plan.key.map(() => '?').join(', ')})`;
  const conditions = [plan.where, lower ? `${tuple} > ${marks}` : null].filter(Boolean);
  const after = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const within = [...conditions, upper ? `${tuple} <= ${marks}` : null].filter(Boolean);
  return {
    boundary: `SELECT ${keyList} FROM ${quoteName(plan.table)} ${after} ORDER BY ${keyList} LIMIT 1 OFFSET ${BATCH_ROWS - 1}`,
    text: `SELECT count(*), CAST(group_concat(r, '') AS BLOB) FROM (SELECT ${plan.row} AS r FROM ${quoteName(plan.table)} ${within.length ? `WHERE ${within.join(' AND ')}` : ''} ORDER BY ${keyList})`,
  };
}

/**
 * Digests one table in batches of about {@link BATCH_ROWS} rows by key: each batch is two statements, one that
 * finds the batch's last key (`LIMIT 1 OFFSET`) and one that builds its rows' text. The reference form, for any
 * key; {@link rangeSteps} reads each row once where it can.
 */
function* offsetSteps(db: Database, plan: TablePlan, hash: ManifestHasher): Generator<number, TableDigest> {
  hash.init();
  let rows = 0;
  let lower: SqlValue[] | null = null;
  for (;;) {
    const sql = batchSql(plan, lower !== null, true);
    const upper: SqlValue[] | null = db.selectArray(sql.boundary, lower ?? undefined) ?? null;
    const text = upper ? sql.text : batchSql(plan, lower !== null, false).text;
    const bind = [...(lower ?? []), ...(upper ?? [])];
    const [count, bytes] = db.selectArray(text, bind.length ? bind : undefined) as [number, Uint8Array | null];
    rows += Number(count);
    if (bytes) hash.update(bytes);
    yield rows;
    if (!upper) break;
    lower = upper;
  }
  return { rows, digest: `xxh64:${hash.digest('hex')}` };
}

const asBigInt = (value: SqlValue | undefined): bigint | null =>
  typeof value === 'bigint' ? value : typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : null;

/** A key as the integer at or below it (a real key between two integers starts its range there). */
const floorKey = (value: SqlValue | undefined): bigint | null =>
  typeof value === 'number' && Number.isFinite(value) ? BigInt(Math.floor(value)) : asBigInt(value);

/**
 * Rows per range batch: a quarter of {@link BATCH_ROWS}, so that a slice of a manifest taken in the database
 * worker (an export's) holds a sale for a few milliseconds at most; the statements are prepared once, so smaller
 * batches cost little more in all.
 */
const RANGE_ROWS = 1024;

/** The widest range of the first key column one batch covers (a sparse key then costs no run of empty batches). */
const MAX_SPAN = 1n << 40n;

/**
 * The same digest as {@link offsetSteps} (the same rows' text in the same order: only where the batches end
 * differs, and the digest is of the whole stream), read once: each batch is one range of the key's first column,
 * `first <= k < first + span`, its rows in key order, the span fitted after each batch to about
 * {@link RANGE_ROWS} rows, the next range starting at the next key there is. Only for a table whose first key
 * column holds integers at both ends of the key order (then everything between is a number, which the ranges
 * cover in order); null otherwise (text keys, NULLs, a hand-edited file), for {@link offsetSteps}.
 */
function rangeSteps(db: Database, plan: TablePlan, hash: ManifestHasher): Generator<number, TableDigest> | null {
  const column = plan.key[0]!;
  const table = quoteName(plan.table);
  const keyList = plan.key.join(', ');
  const where = plan.where ? `${plan.where} AND ` : '';
  const end = (order: 'ASC' | 'DESC') =>
    db.selectArray(`SELECT ${column}, typeof(${column}) FROM ${table} ${plan.where ? `WHERE ${plan.where}` : ''} ORDER BY ${plan.key.map((k) => `${k} ${order}`).join(', ')} LIMIT 1`);
  const low = end('ASC');
  const high = end('DESC');
  if (!low || !high) return null; // no rows: the reference form has nothing to read either
  const first = low[1] === 'integer' ? asBigInt(low[0]) : null;
  const last = high[1] === 'integer' ? asBigInt(high[0]) : null;
  if (first === null || last === null) return null;
  return (function* () {
    hash.init();
    const batch = (upper: string) =>
      db.prepare(`SELECT count(*), CAST(group_concat(r, '') AS BLOB) FROM (SELECT ${plan.row} AS r FROM ${table} WHERE ${where}${column} >= ?${upper} ORDER BY ${keyList})`);
    const text = batch(` AND ${column} < ?`);
    // The last range has no upper bound: `first + span` may be past the largest integer SQLite holds.
    const rest = batch('');
    const next = db.prepare(`SELECT min(${column}) FROM ${table} WHERE ${where}${column} >= ?`);
    let rows = 0;
    try {
      let from: bigint | null = first;
      let span = BigInt(RANGE_ROWS);
      while (from !== null && from <= last) {
        const to: bigint = from + span;
        const final = to > last;
        const statement = final ? rest.bind([from]) : text.bind([from, to]);
        statement.step();
        const count = Number(statement.get(0));
        const bytes = statement.get(1) as Uint8Array | null;
        if (bytes) hash.update(bytes);
        statement.reset(true);
        rows += count;
        yield rows;
        if (final) break;
        // About RANGE_ROWS rows next time: the span scaled by how far off this one was (at most 4× either way).
        const scaled = (span * BigInt(RANGE_ROWS)) / BigInt(Math.max(count, 1));
        span = scaled > span * 4n ? span * 4n : scaled < span / 4n ? span / 4n : scaled;
        if (span < 1n) span = 1n;
        if (span > MAX_SPAN) span = MAX_SPAN;
        next.bind([to]).step();
        from = floorKey(next.get(0));
        next.reset(true);
      }
    } finally {
      text.finalize();
      rest.finalize();
      next.finalize();
    }
    return { rows, digest: `xxh64:${hash.digest('hex')}` };
  })();
}

/** Digests one table in the text form, yielding after each batch. */
function textSteps(db: Database, plan: TablePlan, hash: ManifestHasher): Generator<number, TableDigest> {
  return rangeSteps(db, plan, hash) ?? offsetSteps(db, plan, hash);
}

/** Which form each table is digested in: the records where they can be, or the text form throughout. */
export type ManifestForms = 'records' | 'text' | Manifest;

/** The form of `table` under `forms`: a recorded manifest's own (by its digest), or the one asked for. */
function recordsFor(plan: TablePlan, forms: ManifestForms): boolean {
  if (plan.records === null) return false;
  if (forms === 'records' || forms === 'text') return forms === 'records';
  const recorded = Object.hasOwn(forms.tables, plan.table) ? forms.tables[plan.table] : undefined;
  return recorded ? recorded.digest.startsWith(RECORDS_DIGEST) : forms.format === 2;
}

/**
 * Takes the manifest of `db` in steps (one batch of rows each). The caller keeps one read transaction open
 * across every step, so that the manifest describes the same state as the copy made in it. `forms`: which form
 * each table takes (a recorded manifest: the forms it was taken in, to compare with it); `text` is the text
 * form's batching (the tests compare its two).
 */
export function* manifestSteps(
  db: Database,
  hash: ManifestHasher,
  now: Date = new Date(),
  text = textSteps,
  forms: ManifestForms = 'records',
): Generator<number, Manifest> {
  const tables: Record<string, TableDigest> = {};
  let anyRecords = false;
  for (const table of coveredTables(db)) {
    const plan = planOf(db, table);
    const records = recordsFor(plan, forms) ? plan.records : null;
    anyRecords ||= records !== null;
    tables[table] = records ? yield* recordSteps(db, records, hash) : yield* text(db, plan, hash);
  }
  return { format: anyRecords ? 2 : 1, takenAt: now.toISOString(), tables };
}

/** Runs `steps` to its end and returns what it returns. */
function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Takes the manifest of `db` at once (synchronously: call it right beside the copy, with no await between), in
 * `forms` (the records where they can be, by default).
 */
export function takeManifest(db: Database, hash: ManifestHasher, now?: Date, forms: ManifestForms = 'records'): Manifest {
  return drain(manifestSteps(db, hash, now, textSteps, forms));
}

/**
 * The manifest in the text form by the reference batching alone ({@link offsetSteps}): for the tests that prove
 * both batchings agree (compare with `takeManifest(db, hash, at, 'text')`).
 */
export function takeManifestByOffsets(db: Database, hash: ManifestHasher, now?: Date): Manifest {
  return drain(manifestSteps(db, hash, now, offsetSteps, 'text'));
}

/**
 * Takes the manifest of a copy nothing else writes (a snapshot's staging file, a backup's check copy) in slices
 * (one batch of rows at least, `storage/slices.ts`), so that sales go on while it runs. The copy is SQLite's own
 * copy of the source at one instant (or bytes proven equal to it), so its rows are the source's at that instant.
 */
export async function takeManifestInSlices(copy: Database, hash: ManifestHasher, forms: ManifestForms = 'records'): Promise<Manifest> {
  const steps = manifestSteps(copy, hash, new Date(), textSteps, forms);
  const slicer = createSlicer();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.pause();
  }
}

/** Writes `manifest` into the copy `db` (writable), replacing any manifest it carried. */
export function embedManifest(db: Database, manifest: Manifest): void {
  db.exec({
    sql: 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    bind: [MANIFEST_KEY, JSON.stringify(manifest)],
  });
}

/**
 * Removes the manifest a copy carries from where it was copied (a database restored from a file keeps the file's
 * row): a snapshot whose manifest is taken later, by its background check, must not carry a stale one meanwhile.
 */
export function dropManifest(db: Database): void {
  if (hasMetaTable(db)) db.exec({ sql: 'DELETE FROM app_meta WHERE key = ?', bind: [MANIFEST_KEY] });
}

const hasMetaTable = (db: Database): boolean =>
  db.selectValue("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'app_meta'") !== undefined;

/** Whether `db` carries a manifest row (read only: a database without one is not written to). */
export function hasManifest(db: Database): boolean {
  return hasMetaTable(db) && db.selectValue('SELECT 1 FROM app_meta WHERE key = ?', [MANIFEST_KEY]) !== undefined;
}

const isDigest = (value: unknown): value is TableDigest =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as TableDigest).rows) &&
  typeof (value as TableDigest).digest === 'string';

/** The manifest a file carries: null when it has none, `'unreadable'` when what it carries is not one. */
export function readManifest(db: Database): Manifest | null | 'unreadable' {
  const text = hasMetaTable(db) ? db.selectValue('SELECT value FROM app_meta WHERE key = ?', [MANIFEST_KEY]) : undefined;
  if (text === undefined || text === null) return null;
  try {
    const parsed = JSON.parse(String(text)) as Manifest;
    const valid =
      (parsed.format === 1 || parsed.format === 2) &&
      typeof parsed.takenAt === 'string' &&
      typeof parsed.tables === 'object' &&
      parsed.tables !== null &&
      Object.values(parsed.tables).every(isDigest);
    return valid ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** What `recorded` says against the rows as they are now (`actual`). */
function compareManifest(recorded: Manifest, actual: Record<string, TableDigest>): ManifestCheck {
  const changed: ChangedTable[] = [];
  for (const table of [...new Set([...Object.keys(recorded.tables), ...Object.keys(actual)])].sort()) {
    const before = Object.hasOwn(recorded.tables, table) ? recorded.tables[table] : undefined;
    const now = actual[table];
    if (before && now && before.rows === now.rows && before.digest === now.digest) continue;
    changed.push({ table, recordedRows: before?.rows ?? null, actualRows: now?.rows ?? null });
  }
  return changed.length === 0 ? { status: 'match', takenAt: recorded.takenAt } : { status: 'changed', takenAt: recorded.takenAt, tables: changed };
}

/** Compares a file's rows with the manifest it carries (see {@link ManifestCheck}). */
export function checkManifest(db: Database, hash: ManifestHasher): ManifestCheck {
  const recorded = readManifest(db);
  if (recorded === null) return { status: 'none' };
  if (recorded === 'unreadable') return { status: 'unreadable' };
  return compareManifest(recorded, takeManifest(db, hash, undefined, recorded).tables);
}

/**
 * {@link checkManifest} in slices (see {@link takeManifestInSlices}), for a copy nothing else writes: the
 * background check of a backup, which sales must not wait behind.
 */
export async function checkManifestInSlices(db: Database, hash: ManifestHasher): Promise<ManifestCheck> {
  const recorded = readManifest(db);
  if (recorded === null) return { status: 'none' };
  if (recorded === 'unreadable') return { status: 'unreadable' };
  return compareManifest(recorded, (await takeManifestInSlices(db, hash, recorded)).tables);
}
