/**
 * What the leader does when it wins the lock: install the pool, clean what an interrupted snapshot left, open
 * the catalogue, open and check the database, migrate (with a verified snapshot first), reconcile the backup
 * catalogue with the files, and build the processor.
 *
 * When the database file fails to open, fails its check or fails to migrate, the session still starts, in
 * recovery: the pool stays held and only the recovery calls (list backups, restore one) are answered.
 */
import type { ChangeTopic, WireError } from '../protocol';
import { createBackupService, type BackupService } from './backups/service';
import { openCatalogue } from './backups/catalogue';
import { openOpfsPool } from './drivers/opfs-sahpool';
import { HandlerError, toWireError } from './errors';
import { handlers } from './handlers';
import type { LeaderSession } from './leader';
import { createLiveDatabase, type LiveDatabase } from './live';
import { migrate } from './migrate';
import { bundledMigrations } from './migrations';
import { createProcessor } from './processor';
import { cleanSnapshotLeftovers } from './snapshot';

/** Opens, checks and migrates the live file. Returns why it cannot be used, or null. */
async function openAndMigrate(live: LiveDatabase, backups: BackupService, appVersion: string): Promise<WireError | null> {
  try {
    const db = live.open();
    const check = db.selectValues('PRAGMA integrity_check(20)').map(String);
    if (check.length !== 1 || check[0] !== 'ok') {
      throw new HandlerError('damaged', `The database fails its integrity check: ${check.slice(0, 3).join('; ')}`);
    }
    await migrate(db, bundledMigrations, { appVersion, hooks: backups.migrationHooks(db) });
    return null;
  } catch (error) {
    const failure = toWireError(error);
    // A newer schema is not fixed by a restore: the app must be updated, and the file is left as it is.
    if (failure.code === 'newer-schema') return failure;
    return { ...failure, detail: { ...failure.detail, recoverable: true } };
  }
}

/** Opens, migrates and serves the live database as worker `workerId`. */
export async function openLeaderSession(
  workerId: string,
  appVersion: string,
  notify: (topics: ChangeTopic[]) => void,
  options: { busyWaitMs: number; onHealth?: (failure: WireError | null) => void },
): Promise<LeaderSession> {
  const { sqlite3, pool } = await openOpfsPool(options);
  const live = createLiveDatabase(sqlite3, pool, (failure) => options.onHealth?.(failure));
  try {
    await cleanSnapshotLeftovers(pool);
    const backups = createBackupService({ live, catalogue: await openCatalogue(), appVersion, notify });
    const failure = await openAndMigrate(live, backups, appVersion);
    if (failure && failure.code === 'newer-schema') throw new HandlerError(failure.code, failure.message, failure.detail);
    live.setFailure(failure);
    // In the background: checking an unknown large file must not delay the till. The list refreshes when done.
    void backups.reconcile().catch((error: unknown) => console.error('[tillite] reconciling the backup catalogue failed', error));
    const processor = createProcessor(
      {
        get db() {
          return live.db;
        },
        live,
        backups,
        leaderId: workerId,
        appVersion,
        vfs: live.vfs,
        fileName: live.fileName,
        notify,
      },
      handlers,
    );
    return { processor, failure, close: () => live.close() };
  } catch (error) {
    live.close();
    throw error;
  }
}
