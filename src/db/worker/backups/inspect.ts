/**
 * Reading backups: what a copy holds (its summary), whether a file on disk is still whole (checksum and
 * `integrity_check` on a copy in the pool), and what its name says.
 */
import type { Database, SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import type { BackupKind, BackupSummary } from '../../protocol/backups';
import { schemaVersionOf, TILLITE_APPLICATION_ID } from '../schema/version';
import { inspectPoolFile } from './pool-check';
import { userTables } from './tables';
import { checkManifest, loadManifestHasher, type ManifestHasher } from './manifest';
import { checkBusinessRules, rulesInWords } from '../transfer/business-rules';
import { VERIFY_STAGING_FILE as VERIFY_STAGING } from './snapshot';
import { sha256Hex as sha256 } from '../../../lib/sha256';
import { utcText } from '../../../lib/utc-time';

/**
 * Tables that hold the database's own bookkeeping, not the shop's data: emptying keeps their rows. `sequences`
 * is one: sale numbers must never repeat, so they continue after an empty.
 */
export const BOOKKEEPING_TABLES = new Set(['schema_migrations', 'app_meta', 'sequences']);

export { userTables };

const KINDS: readonly BackupKind[] = ['scheduled', 'pre-migration', 'upgrade', 'before-empty', 'before-import', 'before-restore', 'manual', 'export'];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The business tables (everything but the bookkeeping) with their row counts. */
export function businessTables(db: Database): { name: string; rows: number }[] {
  return userTables(db)
    .filter((name) => !BOOKKEEPING_TABLES.has(name) && name !== 'applied_requests')
    .map((name) => ({ name, rows: Number(db.selectValue(`SELECT count(*) FROM ${quote(name)}`)) }));
}

/**
 * What a database holds, for a person choosing a backup. Products and sales are read only where those tables
 * exist (the schema grows with later migrations); the last sale's time from the first time column found.
 */
export function summarize(db: Database): BackupSummary {
  const tables = businessTables(db);
  const count = (name: string) => tables.find((t) => t.name === name)?.rows ?? null;
  let lastSaleAt: string | null = null;
  if (count('sales') !== null) {
    const columns = db.selectValues("SELECT name FROM pragma_table_info('sales')").map(String);
    const column = ['completed_at', 'sold_at', 'created_at', 'at'].find((c) => columns.includes(c));
    if (column) {
      const value = db.selectValue(`SELECT max(${quote(column)}) FROM sales`);
      lastSaleAt = utcText(value);
    }
  }
  return {
    products: count('products'),
    sales: count('sales'),
    lastSaleAt,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
    tables: tables.length,
  };
}

/** Facts read from a verified copy. */
export interface CopyFacts {
  summary: BackupSummary;
  schemaVersion: number;
  isTillite: boolean;
}

/** Reads {@link CopyFacts} from an open copy. */
export function readFacts(db: Database): CopyFacts {
  const applicationId = Number(db.selectValue('PRAGMA application_id'));
  return { summary: summarize(db), schemaVersion: schemaVersionOf(db), isTillite: applicationId === TILLITE_APPLICATION_ID };
}

/** What checking a backup's bytes found: problems (empty when whole), its checksum, and its facts. */
export interface BytesCheck {
  problems: string[];
  sha256: string;
  facts: CopyFacts | null;
}

/** What a whole copy's rows say against its manifest and the shop's arithmetic, in words (empty when sound). */
export function contentProblems(db: Database, hash: ManifestHasher): string[] {
  const problems: string[] = [];
  const manifest = checkManifest(db, hash);
  if (manifest.status === 'unreadable') problems.push('the record of its contents written with it is unreadable');
  if (manifest.status === 'changed') {
    problems.push(`its rows differ from the record of its contents written with it (in ${manifest.tables.map((t) => t.table).join(', ')})`);
  }
  const rules = checkBusinessRules(db);
  if (rules.total > 0) problems.push(`its numbers do not add up: ${rulesInWords(rules)}`);
  return problems;
}

/**
 * Checks bytes that claim to be a backup: the checksum against `expectedSha` (when known), then a copy in the
 * pool through `integrity_check`, its manifest and the shop's arithmetic. The live database is not involved.
 */
export async function checkBackupBytes(pool: SAHPoolUtil, bytes: Uint8Array, expectedSha: string | null): Promise<BytesCheck> {
  const hash = await loadManifestHasher();
  const digest = await sha256(bytes);
  const problems: string[] = [];
  if (expectedSha && digest !== expectedSha) problems.push('its checksum differs from the one recorded when it was written: the file changed on disk');
  pool.unlink(VERIFY_STAGING);
  try {
    pool.importDb(VERIFY_STAGING, bytes);
  } catch (error) {
    problems.push(`it is not an SQLite database (${error instanceof Error ? error.message : String(error)})`);
    return { problems, sha256: digest, facts: null };
  }
  try {
    const inspected = inspectPoolFile(pool, VERIFY_STAGING, (db) => ({ facts: readFacts(db), content: contentProblems(db, hash) }));
    problems.push(...inspected.problems.slice(0, 5));
    const facts = inspected.facts?.facts ?? null;
    if (facts && !facts.isTillite) problems.push('it is not a Tillite database');
    else if (inspected.facts) problems.push(...inspected.facts.content);
    return { problems, sha256: digest, facts };
  } finally {
    pool.unlink(VERIFY_STAGING);
  }
}

/** What a backup's file name says: `tillite-{kind}-v{schema}-{UTC time}[-{description}].db`. */
export interface ParsedName {
  kind: BackupKind;
  schemaVersion: number;
  createdAt: string;
  description: string | null;
}

/** Parses a backup's file name; null when it is not one. */
export function parseBackupName(name: string): ParsedName | null {
  const match = /^tillite-([a-z-]+?)-v(\d+)(?:-to-v\d+)?-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)(?:-(.+))?\.db$/.exec(name);
  if (!match) return null;
  const kind = KINDS.find((k) => k === match[1]);
  if (!kind) return null;
  const time = match[3]!.replace(/T(\d{2})-(\d{2})-(\d{2})Z/, 'T$1:$2:$3Z');
  const at = new Date(time);
  if (Number.isNaN(at.getTime())) return null;
  return { kind, schemaVersion: Number(match[2]), createdAt: at.toISOString(), description: match[4] ?? null };
}

/** The backup files (`*.db`, not `*.tmp`) in the backups directory. */
export async function listBackupFiles(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind === 'file' && name.endsWith('.db')) names.push(name);
  }
  return names;
}
