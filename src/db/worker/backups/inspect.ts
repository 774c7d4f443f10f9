/**
 * Reading backups: what a copy holds (its summary) and what its name says (checking a file: `check.ts`).
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { BackupKind, BackupSummary } from '../../protocol/backups';
import { schemaVersionOf, TILLITE_APPLICATION_ID } from '../schema/version';
import type { PlainFiles } from '../storage/plain-files';
import { userTables } from './tables';
import { checkManifestInSlices, type ManifestHasher } from './manifest';
import { checkBusinessRules, rulesInWords } from '../transfer/business-rules';
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
 * What a database holds, for a person choosing a backup, one table per step (a generator, so that a copy's
 * summary can be read in slices). Products and sales are read only where those tables exist (the schema grows
 * with later migrations); the last sale's time from the first time column found.
 */
function* summarySteps(db: Database): Generator<void, BackupSummary> {
  const tables: { name: string; rows: number }[] = [];
  for (const name of userTables(db)) {
    if (BOOKKEEPING_TABLES.has(name) || name === 'applied_requests') continue;
    tables.push({ name, rows: Number(db.selectValue(`SELECT count(*) FROM ${quote(name)}`)) });
    yield;
  }
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

/** What a database holds (see {@link summarySteps}), read at once. */
export function summarize(db: Database): BackupSummary {
  const steps = summarySteps(db);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Facts read from a verified copy. */
export interface CopyFacts {
  summary: BackupSummary;
  schemaVersion: number;
  isTillite: boolean;
}

/** Reads {@link CopyFacts} from an open copy, calling `pause` between tables (to give the worker back). */
export async function readFacts(db: Database, pause: () => Promise<void> = async () => undefined): Promise<CopyFacts> {
  const steps = summarySteps(db);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  const applicationId = Number(db.selectValue('PRAGMA application_id'));
  return { summary: step.value, schemaVersion: schemaVersionOf(db), isTillite: applicationId === TILLITE_APPLICATION_ID };
}

/** What a whole copy's numbers say against the shop's arithmetic, in words (empty when they add up). */
export function rulesProblems(db: Database): string[] {
  const rules = checkBusinessRules(db);
  return rules.total > 0 ? [`its numbers do not add up: ${rulesInWords(rules)}`] : [];
}

/**
 * What a whole copy's rows say against its manifest and the shop's arithmetic, in words (empty when sound). The
 * manifest is checked in slices (nothing else writes the copy).
 */
export async function contentProblems(db: Database, hash: ManifestHasher): Promise<string[]> {
  const problems: string[] = [];
  const manifest = await checkManifestInSlices(db, hash);
  if (manifest.status === 'unreadable') problems.push('the record of its contents written with it is unreadable');
  if (manifest.status === 'changed') {
    problems.push(`its rows differ from the record of its contents written with it (in ${manifest.tables.map((t) => t.table).join(', ')})`);
  }
  problems.push(...rulesProblems(db));
  return problems;
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
export async function listBackupFiles(backups: PlainFiles): Promise<string[]> {
  return (await backups.list()).filter((name) => name.endsWith('.db'));
}
