/**
 * Checking a backup file: its checksum and SQLite's own check, on a copy streamed into the pool, in slices.
 *
 * The file is copied into a staging file in the pool a chunk at a time, each chunk hashed on its way (the
 * checksum is compared with the one recorded when it was written), then checked table by table (`quick_check`
 * of one table and its indexes, or for the full check `integrity_check` and `foreign_key_check` of it), giving
 * the worker back between tables so that sales go on while a new backup is checked. The per-table form leaves
 * out only the count of pages that belong to no table, which a copy made by SQLite does not produce. The longest
 * slice is the check of the largest table. A copy whole to SQLite is then checked against the manifest of its
 * rows written with it (in slices), or, on a new backup's first check, given that manifest (see
 * {@link ManifestWriting}); and against the shop's arithmetic (on a first check, only when asked).
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { HandlerError } from '../runtime/errors';
import { sideFiles, type DatabaseFiles } from '../storage/database-files';
import { CHUNK_BYTES, type PlainFiles } from '../storage/plain-files';
import { applyScratchSettings } from '../storage/pragmas';
import { createSlicer, requestGate } from '../storage/slices';
import { CHUNKED_DIGEST, digesting, fileDigest } from './chunk-digest';
import { contentProblems, readFacts, rulesProblems, type CopyFacts } from './inspect';
import { embedManifest, loadManifestHasher, readManifest, takeManifestInSlices } from './manifest';
import { VERIFY_STAGING_FILE } from './snapshot';
import { writeNewFile, writePages } from './stream-copy';

/** How thorough a check is: `quick` for every new backup, `full` for the newest of each day. */
export type CheckDepth = 'quick' | 'full';

/** The checksum a backup's file should have, as recorded when it was written. */
export interface ExpectedDigest {
  sha256: string;
  digestKind?: typeof CHUNKED_DIGEST;
  /** The checksum of the file about to replace it, written before the replacement (see {@link ManifestWriting}). */
  nextSha256?: string;
}

/**
 * A new backup's first check takes the manifest of its rows (none is taken while it is copied, see
 * `snapshot.ts`): its bytes are proven by their checksum to be the copy's, so its rows are the database's at the
 * copy's instant. The manifest is written into the check's copy, which is written out beside the backup, read
 * back, and moved over it. `beforeReplace` records the new file's checksum first (as `nextSha256`), so that a stop
 * at any point leaves a file whose checksum the record knows.
 */
export interface ManifestWriting {
  beforeReplace(file: { sha256: string; size: number }): Promise<void>;
  /**
   * Whether this first check also checks the shop's arithmetic (an export's, which an import will check so):
   * a backup's first check proves its bytes and its structure, and the full check of the newest of each day
   * its arithmetic (at the large shop these sums were 3.2 s of a first check's 16 s, measured).
   */
  sums: boolean;
}

/** What checking a backup's file found: problems (empty when whole), its size, checksum and facts. */
export interface FileCheck {
  problems: string[];
  size: number;
  sha256: string;
  digestKind: typeof CHUNKED_DIGEST;
  facts: CopyFacts | null;
  /** When the check wrote the manifest into the file: true; a sentence when it could not (the backup is kept as it was). */
  manifestWritten: true | string | null;
}

/** A backup check as the service runs it: {@link checkBackupFile} over the leader's files, or the checker worker's. */
export type BackupCheck = (name: string, expected: ExpectedDigest | null, depth: CheckDepth, writing: ManifestWriting | null) => Promise<FileCheck>;

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
 * Takes the manifest of `db` (the check's copy of backup `name`), writes it in, and replaces the backup's file with
 * the copy: written beside it (each chunk read back and compared), its checksum recorded (`beforeReplace`), then
 * moved over it.
 */
async function writeWithManifest(db: Database, backups: PlainFiles, name: string, writing: ManifestWriting): Promise<{ sha256: string; size: number }> {
  embedManifest(db, await takeManifestInSlices(db, await loadManifestHasher()));
  const temp = `${name}.tmp`;
  await backups.reserve(Number(db.selectValue('PRAGMA page_count')) * Number(db.selectValue('PRAGMA page_size')) + 1e6);
  let file: { sha256: string; size: number };
  try {
    // Each chunk is read back and compared as it is written (`writePages`).
    const written = await writeNewFile(backups, temp, (writer) => writePages(db, writer, createSlicer()));
    file = { sha256: written.sha256, size: written.size };
    await writing.beforeReplace(file);
  } catch (error) {
    await backups.remove(temp).catch(() => undefined);
    throw error;
  }
  // The move is atomic and the last step: when it throws, the backup's file is the one it was.
  try {
    await backups.move(temp, name);
  } catch (error) {
    await backups.remove(temp).catch(() => undefined);
    throw error;
  }
  return file;
}

/**
 * Checks backup file `name` of `backups` against `expected` (null: a file found on disk, checksum unknown).
 * Throws `not-found` when the file is missing; everything else wrong is a problem in the answer.
 */
export async function checkBackupFile(
  files: DatabaseFiles,
  backups: PlainFiles,
  name: string,
  expected: ExpectedDigest | null,
  depth: CheckDepth,
  writing: ManifestWriting | null = null,
): Promise<FileCheck> {
  const problems: string[] = [];
  // A backup written before checksums were streamed has the SHA-256 of the whole file (read once, whole).
  if (expected && expected.digestKind !== CHUNKED_DIGEST) {
    const whole = await fileDigest(backups, name, undefined);
    if (whole !== null && whole !== expected.sha256) problems.push('its checksum differs from the one recorded when it was written: the file changed on disk');
  }
  // One reused buffer: each chunk is hashed and written into the pool before the next is read.
  const reader = await backups.read(name, CHUNK_BYTES, true);
  if (!reader) throw new HandlerError('not-found', `The backup file ${name} is missing.`);
  const hashed = digesting(reader.source);
  const staging = [VERIFY_STAGING_FILE, ...sideFiles(VERIFY_STAGING_FILE)];
  for (const file of staging) files.unlink(file);
  let db: Database | null = null;
  try {
    try {
      await files.writeScratch(VERIFY_STAGING_FILE, async () => {
        const chunk = await hashed.source();
        // Each chunk is written in one go: give way between them, as the check does between tables.
        if (chunk) await requestGate.clear();
        return chunk;
      });
    } catch (error) {
      problems.push(`it is not an SQLite database (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      // Released now: the file may be replaced below.
      reader.close();
    }
    const sha256 = await hashed.checksum();
    if (expected?.digestKind === CHUNKED_DIGEST && sha256 !== expected.sha256 && sha256 !== expected.nextSha256) {
      problems.push('its checksum differs from the one recorded when it was written: the file changed on disk');
    }
    const result: FileCheck = { size: hashed.size(), sha256, digestKind: CHUNKED_DIGEST, facts: null, problems, manifestWritten: null };
    if (!files.has(VERIFY_STAGING_FILE)) return result;
    try {
      db = files.openPlain(VERIFY_STAGING_FILE);
      applyScratchSettings(db);
      problems.push(...(await checkInSlices(db, depth)));
      if (problems.length === 0) result.facts = await readFacts(db, () => requestGate.clear());
      if (result.facts && !result.facts.isTillite) problems.push('it is not a Tillite database');
      else if (result.facts && writing && expected && readManifest(db) === null) {
        // A new backup's first check: its manifest is taken now (see ManifestWriting); its numbers must add up.
        try {
          Object.assign(result, await writeWithManifest(db, backups, name, writing), { manifestWritten: true });
        } catch (error) {
          result.manifestWritten = `the record of its contents could not be written into it (${error instanceof Error ? error.message : String(error)})`;
        }
        if (writing.sums || depth === 'full') problems.push(...(await rulesProblems(db, createSlicer().pause)));
      }
      // Whole to SQLite: do its rows still match the manifest written with them, and do its numbers add up?
      else if (result.facts) problems.push(...(await contentProblems(db, await loadManifestHasher())));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    return result;
  } finally {
    if (db?.isOpen()) db.close();
    for (const file of staging) files.unlink(file);
  }
}
