/**
 * Importing a `.db` file: check the staged copy and preview it, then, on confirmation, replace the live database
 * with it the same way a restore does: a verified `before-import` snapshot first, then the swap (which puts the
 * old file back on any failure), then the migrations when the file is older, then every tab refreshes.
 *
 * Every refusal leaves the live database exactly as it was and removes the staged copy.
 */
import type { BackupRecord } from '../../protocol/backups';
import type { ChangeTopic } from '../../protocol/envelope';
import type { DatabaseFacts, ImportInspection } from '../../protocol/transfer';
import type { BackupService } from '../backups/service';
import { HandlerError, toWireError } from '../runtime/errors';
import type { LiveDatabase } from '../storage/live';
import { migrate } from '../schema/runner';
import { bundledMigrations, LATEST_SCHEMA_VERSION } from '../schema/loader';
import { swapLiveDatabase } from '../storage/swap';
import { readStaged, removeStaged } from './staging';
import { readDatabaseFacts, validateImport } from './validate';

/** What an import needs. */
export interface ImportDeps {
  live: LiveDatabase;
  service: BackupService;
  appVersion: string;
  notify(topics: ChangeTopic[]): void;
}

const MISSING = 'The file to import is no longer there (another window may have taken over the database). Pick it again. Nothing was changed.';

/** What the live database holds now, for the preview. */
export function currentFacts(live: LiveDatabase): DatabaseFacts {
  const db = live.db;
  const size = Number(db.selectValue('PRAGMA page_size')) * Number(db.selectValue('PRAGMA page_count'));
  return readDatabaseFacts(db, size);
}

/** Checks staged file `staged`; a refused file is removed and the refusal logged. */
export async function inspectStaged(deps: ImportDeps, staged: string): Promise<ImportInspection> {
  const started = performance.now();
  const bytes = await readStaged(staged);
  if (!bytes) return { ok: false, reason: 'missing', message: MISSING };
  const result = await validateImport(deps.live.sqlite3, bytes, bundledMigrations);
  if (!result.ok) {
    await removeStaged(staged);
    await deps.service.log({ action: 'import', ok: false, kind: null, name: null, message: `Refused a file: ${result.message}`, durationMs: Math.round(performance.now() - started) });
    deps.notify(['backups']);
    return result;
  }
  const migrateTo = result.facts.schemaVersion < LATEST_SCHEMA_VERSION ? LATEST_SCHEMA_VERSION : null;
  return { ok: true, staged, file: result.facts, current: currentFacts(deps.live), migrateTo };
}

/**
 * Replaces the live database with staged file `staged`. The file is checked again (the staged copy is what gets
 * imported, and it must still be what the preview showed), and the staged copy is removed whatever happens.
 */
export function importStaged(deps: ImportDeps, staged: string): Promise<{ file: DatabaseFacts; undo: BackupRecord; migratedTo: number }> {
  const { live, service } = deps;
  return service.serial(() =>
    live.exclusive(async () => {
      const started = performance.now();
      try {
        const bytes = await readStaged(staged);
        if (!bytes) throw new HandlerError('not-found', MISSING);
        const check = await validateImport(live.sqlite3, bytes, bundledMigrations);
        if (!check.ok) throw new HandlerError('invalid', check.message, { reason: check.reason });
        const undo = await service.snapshot('before-import');
        const { result: report } = await swapLiveDatabase(live, bytes, (db) =>
          migrate(db, bundledMigrations, { appVersion: deps.appVersion, hooks: service.migrationHooks(db) }),
        );
        await service.log({
          action: 'import',
          ok: true,
          kind: 'before-import',
          name: undo.name,
          message: `Imported a file (${check.facts.rows} rows, schema ${check.facts.schemaVersion})${report.applied.length ? `; migrated to schema ${report.to}` : ''}; undo by restoring ${undo.name}`,
          durationMs: Math.round(performance.now() - started),
        });
        deps.notify(['all']);
        return { file: check.facts, undo, migratedTo: report.to };
      } catch (error) {
        await service.log({ action: 'import', ok: false, kind: null, name: null, message: toWireError(error).message, durationMs: Math.round(performance.now() - started) });
        deps.notify(['backups']);
        throw error;
      } finally {
        await removeStaged(staged).catch(() => undefined);
      }
    }),
  );
}
