/**
 * The live database's file is replaced atomically. The shop's database lives under one of two pool names; a
 * swap writes the new file under the other name, beside the live one (which it never touches), opens and checks
 * it there, runs what must run on it (the migrations), and only then writes the switch record that names it.
 * The record is the commit point: before it the old file is the database, after it the new one, and both are
 * whole at every instant. Only after the record is written is the old file removed.
 *
 * At start-up {@link chooseLiveFile} reads the record before any database is opened, and removes what a swap
 * cut off before its record left under the other name. Neither function knows about the pool or OPFS: they run
 * over a {@link DatabaseFiles} and a {@link SwitchRecordStore}, the app's or the in-memory ones of the tests.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import { sideFiles, type ChunkSource, type DatabaseFiles } from './database-files';
import { failpoint } from './failpoints';
import type { SwitchRecordStore } from './switch-record';

/** The two names the live database alternates between; the first is the one a shop starts with. */
export const LIVE_NAMES = ['/tillite.db', '/tillite-b.db'] as const;

/** The live name a swap from `name` writes to. */
export const otherLiveName = (name: string): string => (name === LIVE_NAMES[0] ? LIVE_NAMES[1] : LIVE_NAMES[0]);

/** Which file is live, with the sequence number of the record that named it (0 before any swap). */
export interface LiveFile {
  name: string;
  seq: number;
}

function removeWithSideFiles(files: DatabaseFiles, name: string): void {
  for (const file of [name, ...sideFiles(name)]) files.unlink(file);
}

/**
 * Start-up: which of the two names is the database. The record decides; without one (a shop that never swapped)
 * it is the first name. A file the record names but that is missing while the other exists (the record's last
 * write failed after it reached the disk, or the files were moved by hand) gives way to the other. The name not
 * chosen is a swap's leftover (a copy of a backup or of an imported file, never the only copy of a sale) and is
 * removed with its journals. Opens nothing.
 */
export async function chooseLiveFile(files: DatabaseFiles, records: SwitchRecordStore): Promise<LiveFile> {
  const record = await records.read();
  const named = record && (LIVE_NAMES as readonly string[]).includes(record.live) ? record.live : LIVE_NAMES[0];
  const name = !files.has(named) && files.has(otherLiveName(named)) ? otherLiveName(named) : named;
  removeWithSideFiles(files, otherLiveName(name));
  return { name, seq: record?.seq ?? 0 };
}

/** Quick structural check of the newly written file; the full `integrity_check` ran on its source before. */
function assertOpens(db: Database): void {
  const result = db.selectValues('PRAGMA quick_check').map(String);
  if (result.length !== 1 || result[0] !== 'ok') {
    throw new Error(`the new database fails its check: ${result.slice(0, 3).join('; ')}`);
  }
}

/**
 * `proven`: the caller's `after` first proves that the bytes written are those of a file already checked (a
 * verified backup's, by its recorded checksum), so SQLite's quick check is not run again on them. Without it
 * (imports, unverified backups) the new file gets its quick check before `after`.
 */
export interface SwapOptions {
  proven?: boolean;
}

/** What a finished swap hands back: the new file, open, and what `after` returned. */
export interface SwapResult<T> {
  db: Database;
  live: LiveFile;
  result: T;
}

/**
 * Writes `source` beside `current` (which must be closed by the caller and is left untouched), checks it, runs
 * `after` on it, then writes the switch record and removes the old file. If anything before the record fails,
 * the new file is removed and the error rethrown: `current` is still the database, whole, and the caller reopens
 * it. A crash at any point leaves either `current` (record not yet written) or the new file (record written).
 */
export async function swapDatabase<T>(
  files: DatabaseFiles,
  records: SwitchRecordStore,
  current: LiveFile,
  source: ChunkSource,
  after: (db: Database) => Promise<T>,
  options: SwapOptions = {},
): Promise<SwapResult<T>> {
  const target = otherLiveName(current.name);
  removeWithSideFiles(files, target);
  let db: Database | null = null;
  let result: T;
  const live = { name: target, seq: current.seq + 1 };
  try {
    // The crash tests' failpoints: two chunks written (the file cut off half-way), written whole and migrated
    // with the record not yet changed, and just after the record (see failpoints.ts).
    let chunks = 0;
    await files.write(target, async () => {
      if (++chunks === 3) await failpoint('swap-writing');
      return source();
    });
    db = files.open(target);
    if (!options.proven) assertOpens(db);
    result = await after(db);
    await failpoint('swap-checking');
    await records.write({ seq: live.seq, live: live.name });
  } catch (error) {
    // The record write may have failed after reaching the disk: then it names a file that is about to go, and
    // the start-up falls back to the one that stays (see chooseLiveFile).
    if (db?.isOpen()) db.close();
    removeWithSideFiles(files, target);
    throw error;
  }
  // From here the new file is the database, whatever fails next: the old one is only a copy (the before-*
  // snapshot holds it), and one that cannot be removed now is removed by the next start-up.
  await failpoint('swap-switched');
  try {
    removeWithSideFiles(files, current.name);
  } catch (error) {
    console.warn('[tillite] the replaced database file could not be removed yet', error);
  }
  return { db, live, result };
}
