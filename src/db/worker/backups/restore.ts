/**
 * The two operations that replace or remove the shop's data: restoring a backup and emptying the database.
 * Both take a verified snapshot first (`before-restore`, `before-empty`) and run with every other call held
 * back, so no write lands between the snapshot and the change. Both are plain functions of the service, so a
 * permission check (owner or manager, once roles exist) wraps them in the handlers without touching them.
 */
import type { BackupRecord } from '../../protocol/backups';
import type { ChangeTopic } from '../../protocol/envelope';
import { HandlerError, toWireError } from '../runtime/errors';
import { inTransaction } from '../runtime/transaction';
import type { LiveDatabase } from '../storage/live';
import { migrate } from '../schema/runner';
import { bundledMigrations, LATEST_SCHEMA_VERSION } from '../schema/loader';
import { snapshotFileName } from './file-names';
import { CHUNK_BYTES } from '../storage/plain-files';
import { swapLiveDatabase } from '../storage/swap';
import { businessTables } from './inspect';
import { CHUNKED_DIGEST, digesting } from './chunk-digest';
import type { BackupService } from './service';

export interface RestoreDeps {
  live: LiveDatabase;
  service: BackupService;
  appVersion: string;
  notify(topics: ChangeTopic[]): void;
}

/** The word a person types to empty the database. */
export const EMPTY_CONFIRMATION = 'EMPTY';

/**
 * When the live database is too damaged to copy, its raw file is still kept (listed as damaged, never
 * restorable) rather than thrown away by the restore.
 */
async function keepDamagedOriginal(deps: RestoreDeps, bytes: Uint8Array, problem: string): Promise<void> {
  const at = new Date();
  const name = snapshotFileName('before-restore', '0', at, 'damaged-original');
  const files = deps.service.files;
  const writer = await files.create(`${name}.tmp`);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) await writer.write(bytes.subarray(at, at + CHUNK_BYTES));
    await writer.close();
  } catch (error) {
    writer.abort();
    await files.remove(`${name}.tmp`);
    throw error;
  }
  await files.move(`${name}.tmp`, name);
  const record: BackupRecord = {
    name,
    kind: 'before-restore',
    createdAt: at.toISOString(),
    appVersion: deps.appVersion,
    schemaVersion: 0,
    size: bytes.length,
    sha256: '',
    description: 'damaged-original',
    summary: { products: null, sales: null, lastSaleAt: null, rows: 0, tables: 0 },
    state: 'damaged',
    verifiedAt: at.toISOString(),
    problem: `The database as it was before a restore from the recovery screen: ${problem}`,
  };
  await deps.service.store.put(record);
}

/** A verified backup whose bytes no longer match its checksum is listed as damaged from now on, and refused. */
async function refuseChanged(deps: RestoreDeps, record: BackupRecord): Promise<never> {
  const problem = 'its checksum differs from the one recorded when it was checked: the file changed on disk';
  const { store } = deps.service;
  if (await store.get(record.name)) await store.put({ ...record, state: 'damaged', verifiedAt: new Date().toISOString(), problem });
  throw new HandlerError('damaged', `The backup ${record.name} is damaged and cannot be restored: its file changed on disk after it was checked. The current database is unchanged.`);
}

/**
 * The before-restore snapshot of a restore refused before its switch (the backup's file changed on disk): the
 * database it copied is still the live one, so the snapshot is not kept as an undo of something that did not
 * happen. Its background check, queued behind this restore, finds no record and does nothing.
 */
async function dropUndo(deps: RestoreDeps, undo: BackupRecord | null): Promise<void> {
  if (!undo) return;
  const { service } = deps;
  await service.files.remove(undo.name).catch(() => undefined);
  await service.store.remove(undo.name);
}

/** Restores backup `name` into the live database. See the module comment. */
export function restoreBackup(deps: RestoreDeps, name: string) {
  const { live, service } = deps;
  return service.serial(() =>
    live.exclusive(async () => {
      const started = performance.now();
      let undo: BackupRecord | null = null;
      try {
        // A verified backup with a chunked checksum is trusted by its bytes: they are hashed as they stream into
        // the swap and compared with the record before the switch. Any other backup is checked in full first.
        const known = await service.getRecord(name);
        const trusted = known.state === 'verified' && known.digestKind === CHUNKED_DIGEST;
        // Its bytes are not read twice: they are hashed once, as they stream into the swap (below). A backup found
        // changed there is refused before the switch, and the before-restore snapshot taken for it is removed.
        const record = trusted ? known : await service.verifyNow(name);
        if (record.state !== 'verified') {
          throw new HandlerError('damaged', `The backup ${name} is damaged and cannot be restored (${record.problem}). The current database is unchanged.`);
        }
        if (record.schemaVersion > LATEST_SCHEMA_VERSION) {
          throw new HandlerError('newer-schema', `The backup ${name} comes from a newer Tillite (schema ${record.schemaVersion}). Update the app first. The current database is unchanged.`);
        }
        const failure = live.failure;
        if (!failure) {
          undo = await service.snapshot('before-restore');
        } else if (live.raw) {
          // From the recovery screen: a file that failed only its migration is whole and can be copied.
          undo = await service.snapshot('before-restore', { db: live.raw }).catch(() => null);
        }
        // A file too damaged to be copied by SQLite is still kept as it is (its raw bytes, after a clean close).
        let previous: Uint8Array | null = null;
        if (!undo && failure) {
          live.closeDb();
          previous = live.pool.getFileNames().includes(live.fileName) ? live.pool.exportFile(live.fileName) : null;
        }
        // Streamed from the backup file into the pool beside the live file, one chunk in memory at a time.
        // One reused buffer: each chunk is hashed and written before the next is read.
        const reader = await service.files.read(name, CHUNK_BYTES, true);
        if (!reader) throw new HandlerError('not-found', `The backup file ${name} is missing. The current database is unchanged.`);
        // As an import's: the bytes written must be those the record's checksum covers (compared before the
        // switch record names the new file), in place of SQLite's check of a file already checked.
        const hashed = digesting(reader.source);
        const { result: report } = await swapLiveDatabase(
          live,
          hashed.source,
          async (db) => {
            if (trusted && (hashed.size() !== record.size || (await hashed.checksum()) !== record.sha256)) {
              await dropUndo(deps, undo);
              undo = null;
              await refuseChanged(deps, record);
            }
            return migrate(db, bundledMigrations, { appVersion: deps.appVersion, hooks: service.migrationHooks(db), capi: live.sqlite3.capi });
          },
          { proven: trusted },
        ).finally(() => reader.close());
        if (!undo && previous && failure) await keepDamagedOriginal(deps, previous, failure.message).catch(() => undefined);
        live.setFailure(null);
        await service.log({
          action: 'restore',
          ok: true,
          kind: record.kind,
          name,
          message: `Restored${undo ? `; undo with ${undo.name}` : ''}${report.applied.length ? `; migrated to schema ${report.to}` : ''}`,
          durationMs: Math.round(performance.now() - started),
        });
        deps.notify(['all']);
        return { restored: record, undo, migratedTo: report.to };
      } catch (error) {
        await service.log({ action: 'restore', ok: false, kind: null, name, message: toWireError(error).message, durationMs: Math.round(performance.now() - started) });
        deps.notify(['backups']);
        throw error;
      }
    }),
  );
}

/** Removes every row of every business table after a `before-empty` snapshot; returns what was removed. */
export function emptyDatabase(deps: RestoreDeps, confirm: string) {
  const { live, service } = deps;
  if (confirm !== EMPTY_CONFIRMATION) {
    return Promise.reject(new HandlerError('invalid', `Type ${EMPTY_CONFIRMATION} to confirm. Nothing was removed.`));
  }
  return service.serial(() =>
    live.exclusive(async () => {
      const snapshot = await service.snapshot('before-empty');
      const db = live.db;
      const tables = businessTables(db);
      // A failed COMMIT (a full disk) keeps its own cause: see `inTransaction`.
      inTransaction(db, live.sqlite3.capi, 'IMMEDIATE', () => {
        // Every row of every table goes, so references are whole again at commit.
        db.exec('PRAGMA defer_foreign_keys = ON');
        for (const { name } of tables) db.exec(`DELETE FROM "${name.replaceAll('"', '""')}"`);
        // The request records keep copies of what writes returned: business data too.
        db.exec('DELETE FROM applied_requests');
        if (db.selectValue("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'")) db.exec('DELETE FROM sqlite_sequence');
      });
      const rows = tables.reduce((sum, t) => sum + t.rows, 0);
      await service.log({ action: 'empty', ok: true, kind: 'before-empty', name: snapshot.name, message: `Emptied ${tables.length} tables (${rows} rows); undo by restoring ${snapshot.name}`, durationMs: null });
      deps.notify(['all']);
      return { snapshot, tables };
    }),
  );
}
