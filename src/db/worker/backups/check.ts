/**
 * Checking a backup file: its checksum and SQLite's own check, on a copy streamed into the pool, in slices.
 *
 * The file is copied into a staging file in the pool a chunk at a time, each chunk hashed on its way (the
 * checksum is compared with the one recorded when it was written), then checked table by table (`quick_check`
 * of one table and its indexes, or for the full check `integrity_check` and `foreign_key_check` of it), giving
 * the worker back between tables so that sales go on while a new backup is checked. The per-table form leaves
 * out only the count of pages that belong to no table, which a copy made by SQLite does not produce. The longest
 * slice is the check of the largest table. A copy whole to SQLite is then checked against the manifest of its
 * rows written with it, and against the shop's arithmetic (`contentProblems`).
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from '../runtime/errors';
import { sideFiles, type DatabaseFiles } from '../storage/database-files';
import { CHUNK_BYTES, type PlainFiles } from '../storage/plain-files';
import { createSlicer, nextTask } from '../storage/slices';
import { CHUNKED_DIGEST, digestOfDigests, digesting, fileDigest } from './chunk-digest';
import { contentProblems, readFacts, type CopyFacts } from './inspect';
import { loadManifestHasher } from './manifest';
import { VERIFY_STAGING_FILE } from './snapshot';

/** How thorough a check is: `quick` for every new backup, `full` for the newest of each day. */
export type CheckDepth = 'quick' | 'full';

/** The checksum a backup's file should have, as recorded when it was written. */
export interface ExpectedDigest {
  sha256: string;
  digestKind?: typeof CHUNKED_DIGEST;
}

/** What checking a backup's file found: problems (empty when whole), its size, checksum and facts. */
export interface FileCheck {
  problems: string[];
  size: number;
  sha256: string;
  digestKind: typeof CHUNKED_DIGEST;
  facts: CopyFacts | null;
}

const quoteText = (name: string) => `'${name.replaceAll("'", "''")}'`;

/** SQLite's check of `db`, one table (with its indexes) per slice; the problems found, at most 5. */
async function checkInSlices(db: Database, depth: CheckDepth): Promise<string[]> {
  const slicer = createSlicer();
  const tables = db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").map(String);
  const problems: string[] = [];
  for (const table of ['sqlite_schema', ...tables]) {
    const pragma = depth === 'full' ? 'integrity_check' : 'quick_check';
    const result = db.selectValues(`PRAGMA ${pragma}(${quoteText(table)})`).map(String);
    if (!(result.length === 1 && result[0] === 'ok')) problems.push(...result);
    if (depth === 'full' && table !== 'sqlite_schema') {
      const orphans = Number(db.selectValue(`SELECT count(*) FROM pragma_foreign_key_check(${quoteText(table)})`));
      if (orphans > 0) problems.push(`${orphans} rows of ${table} refer to rows that do not exist`);
    }
    if (problems.length >= 5) break;
    await slicer.pause();
  }
  return problems.slice(0, 5);
}

/**
 * Checks backup file `name` of `backups` against `expected` (null: a file found on disk, checksum unknown).
 * Throws `not-found` when the file is missing; everything else wrong is a problem in the answer.
 */
export async function checkBackupFile(files: DatabaseFiles, backups: PlainFiles, name: string, expected: ExpectedDigest | null, depth: CheckDepth): Promise<FileCheck> {
  const problems: string[] = [];
  // A backup written before checksums were streamed has the SHA-256 of the whole file (read once, whole).
  if (expected && expected.digestKind !== CHUNKED_DIGEST) {
    const whole = await fileDigest(backups, name, undefined);
    if (whole !== null && whole !== expected.sha256) problems.push('its checksum differs from the one recorded when it was written: the file changed on disk');
  }
  const reader = await backups.read(name, CHUNK_BYTES);
  if (!reader) throw new HandlerError('not-found', `The backup file ${name} is missing.`);
  const hashed = digesting(reader.source);
  const staging = [VERIFY_STAGING_FILE, ...sideFiles(VERIFY_STAGING_FILE)];
  for (const file of staging) files.unlink(file);
  let db: Database | null = null;
  try {
    try {
      await files.write(VERIFY_STAGING_FILE, async () => {
        const chunk = await hashed.source();
        // Each chunk is written in one go: give way between them, as the check does between tables.
        if (chunk) await nextTask();
        return chunk;
      });
    } catch (error) {
      problems.push(`it is not an SQLite database (${error instanceof Error ? error.message : String(error)})`);
    }
    const sha256 = await digestOfDigests(hashed.digests);
    if (expected?.digestKind === CHUNKED_DIGEST && sha256 !== expected.sha256) {
      problems.push('its checksum differs from the one recorded when it was written: the file changed on disk');
    }
    const result = { size: hashed.size(), sha256, digestKind: CHUNKED_DIGEST, facts: null as CopyFacts | null, problems };
    if (!files.has(VERIFY_STAGING_FILE)) return result;
    try {
      db = files.openPlain(VERIFY_STAGING_FILE);
      problems.push(...(await checkInSlices(db, depth)));
      if (problems.length === 0) result.facts = await readFacts(db, nextTask);
      if (result.facts && !result.facts.isTillite) problems.push('it is not a Tillite database');
      // Whole to SQLite: do its rows still match the manifest written with them, and do its numbers add up?
      else if (result.facts) problems.push(...contentProblems(db, await loadManifestHasher()));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    return result;
  } finally {
    reader.close();
    if (db?.isOpen()) db.close();
    for (const file of staging) files.unlink(file);
  }
}
