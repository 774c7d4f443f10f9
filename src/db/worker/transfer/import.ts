/**
 * Importing a `.db` file: check the staged copy and preview it, then, on confirmation, replace the live database
 * with it the same way a restore does: a verified `before-import` snapshot first, then the swap (which puts the
 * old file back on any failure), then the migrations when the file is older, then every tab refreshes.
 *
 * Every refusal leaves the live database exactly as it was and removes the staged copy.
 */
import type { BackupRecord } from '../../protocol/backups';
import type { ChangeTopic } from '../../protocol/envelope';
import { IMPORT_HEAD_BYTES, type DatabaseFacts, type HeadCheck, type ImportInspection, type ManifestCheck } from '../../protocol/transfer';
import type { BackupService } from '../backups/service';
import { HandlerError, toWireError } from '../runtime/errors';
import type { LiveDatabase } from '../storage/live';
import { migrate } from '../schema/runner';
import { bundledMigrations, LATEST_SCHEMA_VERSION } from '../schema/loader';
import { swapLiveDatabase } from '../storage/swap';
import type { PlainFiles } from '../storage/plain-files';
import { checkHeaderOf, type Refusal } from './header';
import { removeStaged, stagedChunks } from './staging';
import { digesting } from '../backups/chunk-digest';
import { checkStagedFile, type StagedCheck } from './check-staged';
import { readDatabaseFacts, refuseByHeader, type Accepted } from './validate';

/** What an import needs. */
export interface ImportDeps {
  live: LiveDatabase;
  service: BackupService;
  appVersion: string;
  notify(topics: ChangeTopic[]): void;
  /** Where the page stages picked files (OPFS `staging/` in the app, in memory in unit tests). */
  staging: PlainFiles;
}

const MISSING = 'The file to import is no longer there (another window may have taken over the database). Pick it again. Nothing was changed.';

/** What the live database holds now, for the preview. */
export function currentFacts(live: LiveDatabase): DatabaseFacts {
  const db = live.db;
  const size = Number(db.selectValue('PRAGMA page_size')) * Number(db.selectValue('PRAGMA page_count'));
  return readDatabaseFacts(db, size);
}

async function logRefusal(deps: ImportDeps, refusal: Refusal, started: number): Promise<Refusal> {
  await deps.service.log({ action: 'import', ok: false, kind: null, name: null, message: `Refused a file: ${refusal.message}`, durationMs: Math.round(performance.now() - started) });
  deps.notify(['backups']);
  return refusal;
}

/** What the header alone refuses, from a file's first bytes and its size; null when the file may go on. */
function refuseByHead(head: Uint8Array, size: number): Refusal | null {
  const header = checkHeaderOf(head, size);
  return 'ok' in header ? header : refuseByHeader(header, LATEST_SCHEMA_VERSION);
}

/**
 * The check before a picked file is copied in: from its first bytes and its size (the page reads them from the
 * `File`), so that a file the header already condemns (1 GB of zeros after a valid header) is never copied.
 */
export async function checkHead(deps: ImportDeps, head: Uint8Array, size: number): Promise<HeadCheck> {
  if (!(head instanceof Uint8Array) || !Number.isSafeInteger(size) || size < 0) throw new HandlerError('invalid', 'The file could not be read. Pick it again.');
  const started = performance.now();
  const refusal = refuseByHead(head.subarray(0, IMPORT_HEAD_BYTES), size);
  return refusal ? logRefusal(deps, refusal, started) : { ok: true };
}

/** Runs the import's checks on staged file `staged` where it lies (`check-staged.ts`), or null when it is gone. */
function checkStaged(deps: ImportDeps, staged: string): Promise<StagedCheck | null> {
  return checkStagedFile({ sqlite3: deps.live.sqlite3, files: deps.live.files, staging: deps.staging, migrations: bundledMigrations }, staged);
}

/**
 * Checks staged file `staged` for the preview. A refused file is removed and the refusal logged; so is a file
 * whose check failed for want of storage (it would have to be picked again anyway), and the error rethrown.
 */
export async function inspectStaged(deps: ImportDeps, staged: string): Promise<ImportInspection> {
  const started = performance.now();
  let check: StagedCheck | null;
  try {
    check = await checkStaged(deps, staged);
  } catch (error) {
    const failure = importFailure(error, false);
    await removeStaged(deps.staging, staged).catch(() => undefined);
    await deps.service.log({ action: 'import', ok: false, kind: null, name: null, message: toWireError(failure).message, durationMs: Math.round(performance.now() - started) });
    deps.notify(['backups']);
    throw failure;
  }
  if (!check) return { ok: false, reason: 'missing', message: MISSING };
  const { result } = check;
  if (!result.ok) {
    await removeStaged(deps.staging, staged);
    return logRefusal(deps, result, started);
  }
  const migrateTo = result.facts.schemaVersion < LATEST_SCHEMA_VERSION ? LATEST_SCHEMA_VERSION : null;
  return { ok: true, staged, file: result.facts, current: currentFacts(deps.live), migrateTo, manifest: result.manifest };
}

/**
 * An error that stopped an import or its check, as a person reads it: what the storage said, and what it means for
 * the shop's data. Errors already in words (a full disk, a refusal) pass unchanged.
 */
export function importFailure(error: unknown, replaced: boolean): unknown {
  const wire = toWireError(error);
  if (wire.code !== 'internal' || error instanceof HandlerError) return error;
  return new HandlerError(
    'internal',
    replaced
      ? `The file was imported, but the import could not finish tidying up (${wire.message}). Your data is the imported file's.`
      : `The import could not be finished: the browser's storage failed (${wire.message}). Nothing was changed: your data is as it was. Pick the file again; if this happens again, restart the browser.`,
  );
}

/** Refuses a file whose rows differ from its own manifest unless the person confirmed that (in the preview). */
function assertAccepted(manifest: ManifestCheck, acceptChanged: boolean): void {
  if (acceptChanged || (manifest.status !== 'changed' && manifest.status !== 'unreadable')) return;
  throw new HandlerError(
    'invalid',
    'This file was changed after Tillite wrote it. Look at what changed in the preview and confirm that you want it, or pick another copy. Nothing was changed.',
    { reason: 'changed-contents' },
  );
}

/** Checks staged file `staged` again; returns the check and the checksum of the bytes checked. */
async function validateStaged(deps: ImportDeps, staged: string): Promise<{ check: Accepted; checked: string }> {
  const found = await checkStaged(deps, staged);
  if (!found) throw new HandlerError('not-found', MISSING);
  const { result: check, digest } = found;
  if (!check.ok) throw new HandlerError('invalid', check.message, { reason: check.reason });
  if (digest === null) throw new HandlerError('internal', 'The file to import was checked without its checksum. Pick it again. Nothing was changed.');
  return { check, checked: digest };
}

/**
 * Replaces the live database with staged file `staged`. The file is checked again (the staged copy is what gets
 * imported, and it must still be what the preview showed), and the staged copy is removed whatever happens. A file
 * whose rows differ from its manifest goes in only with `acceptChanged`.
 */
export function importStaged(deps: ImportDeps, staged: string, acceptChanged = false): Promise<{ file: DatabaseFacts; undo: BackupRecord; migratedTo: number }> {
  const { live, service } = deps;
  return service.serial(() =>
    live.exclusive(async () => {
      const started = performance.now();
      const before = live.fileName;
      try {
        const { check, checked } = await validateStaged(deps, staged);
        assertAccepted(check.manifest, acceptChanged);
        const undo = await service.snapshot('before-import');
        // Streamed from the staged file into the pool, one chunk in memory; the chunks copied must be the bytes
        // that were checked (compared before the switch record names the new file).
        const reader = await stagedChunks(deps.staging, staged);
        if (!reader) throw new HandlerError('not-found', MISSING);
        const copied = digesting(reader.source);
        const { result: report } = await swapLiveDatabase(live, copied.source, async (db) => {
          if ((await copied.checksum()) !== checked) throw new HandlerError('invalid', 'The file to import changed while it was being imported. Pick it again. Nothing was changed.');
          return migrate(db, bundledMigrations, { appVersion: deps.appVersion, hooks: service.migrationHooks(db) });
        }).finally(() => reader.close());
        await service.log({
          action: 'import',
          ok: true,
          kind: 'before-import',
          name: undo.name,
          message: `Imported a file (${check.facts.rows} rows, schema ${check.facts.schemaVersion})${check.manifest.status === 'changed' || check.manifest.status === 'unreadable' ? '; its changes since Tillite wrote it were confirmed' : ''}${report.applied.length ? `; migrated to schema ${report.to}` : ''}; undo by restoring ${undo.name}`,
          durationMs: Math.round(performance.now() - started),
        });
        deps.notify(['all']);
        return { file: check.facts, undo, migratedTo: report.to };
      } catch (error) {
        const failure = importFailure(error, live.fileName !== before);
        await service.log({ action: 'import', ok: false, kind: null, name: null, message: toWireError(failure).message, durationMs: Math.round(performance.now() - started) });
        deps.notify(['backups']);
        throw failure;
      } finally {
        await removeStaged(deps.staging, staged).catch(() => undefined);
      }
    }),
  );
}
