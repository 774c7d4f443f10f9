/**
 * What the leader does when it wins the lock: install the pool, clean what an interrupted snapshot left, open
 * the catalogue, open and check the database, migrate (with a verified snapshot first), and build the processor;
 * then, once the till has answered its first reads, the housekeeping (pruning the request ledger, reconciling the
 * backup catalogue with the files, the whole-file integrity check on a copy in the checker worker). Each phase is
 * marked (`start-marks.ts`).
 *
 * When the database file fails to open, fails its check (in the background, see integrity.ts) or fails to
 * migrate, the session still starts, in recovery: the pool stays held and only the recovery calls (list backups,
 * restore one) are answered.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ChangeDetail, ChangeTopic, WireError } from '../../protocol/envelope';
import { createBackupService, type BackupService } from '../backups/service';
import { openBackupStore } from '../backups/store';
import { openOpfsPool } from '../storage/sahpool';
import { toWireError } from './errors';
import type { LeaderSession } from './leader';
import { createLiveDatabase, type LiveDatabase } from '../storage/live';
import { migrate, type MigrateHooks } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { checkTableByTable } from '../schema/integrity';
import { createProcessor, type HandlerMap } from './processor';
import { forgetOldRequests } from './requests';
import { cleanSnapshotLeftovers } from '../backups/snapshot';
import { opfsPlainFiles } from '../storage/opfs-plain-files';
import { backupDirectory } from '../storage/opfs-files';
import { cleanStaging, opfsStaging } from '../transfer/staging';
import { markStart } from './start-marks';
import { inBackground, requestGate } from '../storage/slices';
import { checkBackupFile } from '../backups/check';
import { remoteChecker, type LiveCheck } from '../checker/remote';
import { freezeLiveWhenFree } from '../backups/frozen-copy';

/** Opens, checks and migrates the live file. Returns why it cannot be used, or null. */
async function openAndMigrate(
  live: LiveDatabase,
  backups: BackupService,
  appVersion: string,
  progress: (detail: string) => void,
): Promise<WireError | null> {
  try {
    // The whole-file integrity check runs in the background once the till is open (see integrity.ts); the
    // migration runner checks the whole file itself before it changes anything.
    const db = live.open();
    markStart('opened');
    const snapshots = backups.migrationHooks(db);
    const hooks: MigrateHooks = {
      beforeMigrate: async (info) => {
        progress('Taking a snapshot before updating the database');
        return (await snapshots.beforeMigrate?.(info)) ?? null;
      },
      onAppVersionChange: async (info) => {
        progress('Taking a snapshot of the previous version');
        return (await snapshots.onAppVersionChange?.(info)) ?? null;
      },
      onMigrationStart: ({ version, name, index, count }) =>
        progress(`Updating the database: migration ${version} (${name}), ${index + 1} of ${count}`),
    };
    await migrate(db, bundledMigrations, { appVersion, hooks });
    markStart('migrated');
    return null;
  } catch (error) {
    const failure = toWireError(error);
    // A newer schema is not fixed by a restore: the app must be updated, and the file is left as it is.
    if (failure.code === 'newer-schema') return failure;
    return { ...failure, detail: { ...failure.detail, recoverable: true } };
  }
}

/**
 * The start-up check on a copy in the checker worker (`checker/live-check.ts`): the live file frozen (once no
 * other copy holds it) and pulled chunk by chunk, the leader giving way to requests before each read. Returns
 * SQLite's problems on the copy, or null when the checker could not check it or the file could not be frozen
 * (not the live connection in WAL mode, a transaction open, closed meanwhile): then the leader checks itself.
 */
async function checkOnCopy(live: LiveDatabase, checkLive: LiveCheck): Promise<string[] | null> {
  const db = live.raw;
  const frozen = db ? await freezeLiveWhenFree(live.sqlite3, db) : null;
  if (!frozen) return null;
  try {
    return await checkLive(frozen.chunks({ pause: () => requestGate.clear() }));
  } finally {
    frozen.release();
  }
}

/**
 * The start-up integrity check, while the till serves. A problem switches the database to recovery (every tab
 * then shows the recovery screen); a database replaced meanwhile is checked by its opener.
 *
 * It runs on a copy in the checker worker; a problem found there is confirmed on the live file, table by table
 * in this worker (a copy gone wrong on its way must not send the shop to recovery). Where the checker cannot
 * check, the whole check runs here, each table one slice that starts only when no request is being answered.
 */
async function checkInBackground(live: LiveDatabase, checkLive: LiveCheck): Promise<void> {
  try {
    const first = live.raw;
    const onCopy = await checkOnCopy(live, checkLive);
    if (onCopy !== null && onCopy.length === 0) return;
    const current = () => (live.failure || live.busy || live.raw !== first ? null : live.raw);
    const problems = await checkTableByTable(current, () => requestGate.clear());
    if (onCopy !== null && problems.length === 0 && current()) {
      console.warn(`[tillite] the check of the database's copy found problems the database itself does not have: ${onCopy.slice(0, 3).join('; ')}`);
    }
    if (problems.length === 0) return;
    live.setFailure({
      code: 'damaged',
      message: `The database fails its integrity check: ${problems.slice(0, 3).join('; ')}`,
      detail: { recoverable: true },
    });
  } catch (error) {
    live.setFailure({ ...toWireError(error), detail: { recoverable: true } });
  }
}

/**
 * How long after the session starts serving its housekeeping begins. The register's first reads (the shop, the
 * cart, the product list) arrive just after the first answer; the integrity check's first table (seconds for
 * the sales lines of a large shop) or the request ledger's pruning (a write and its flush) ahead of them made the
 * till wait (measured in the bench's cold start). A damaged file is still found within seconds.
 */
const HOUSEKEEPING_DELAY_MS = 1500;

/**
 * What can wait until the till is open: forgetting requests older than a day, reconciling the backup catalogue
 * with the files (checking an unknown large file), and the whole-file integrity check (in the checker). Nothing
 * runs on a database that was closed or replaced meanwhile (a step-down, a restore: its opener checks it).
 */
async function housekeeping(live: LiveDatabase, backups: BackupService, checkLive: LiveCheck, healthy: boolean): Promise<void> {
  // Also in recovery: the recovery screen lists what the catalogue holds. The list refreshes when done.
  const reconciled = backups.reconcile().catch((error: unknown) => console.error('[tillite] reconciling the backup store failed', error));
  const db = live.raw;
  if (!healthy || !db?.isOpen() || live.failure || live.busy) return void (await reconciled);
  try {
    forgetOldRequests(db, new Date());
  } catch (error) {
    // Old entries only stay longer: the next start prunes them.
    console.warn('[tillite] could not forget old requests', error);
  }
  await Promise.all([reconciled, checkInBackground(live, checkLive)]);
}

/** Opens, migrates and serves the live database as worker `workerId`, answering with `handlers`. */
export async function openLeaderSession(
  workerId: string,
  appVersion: string,
  handlers: HandlerMap,
  notify: (topics: ChangeTopic[], detail?: ChangeDetail) => void,
  options: { busyWaitMs: number; onHealth?: (failure: WireError | null) => void; progress?: (detail: string) => void },
): Promise<LeaderSession> {
  markStart('session');
  // The catalogue (IndexedDB) opens while the wasm loads and the pool installs; its failure is met when awaited.
  const storeOpening = openBackupStore();
  storeOpening.catch(() => undefined);
  const { sqlite3, pool } = await openOpfsPool(options);
  markStart('pool');
  const live = createLiveDatabase(sqlite3, pool, (failure) => options.onHealth?.(failure));
  // Backup checks run in a worker of their own (another thread), or here where it cannot start.
  const backupFiles = opfsPlainFiles(backupDirectory);
  const checker = remoteChecker(
    (...args) => checkBackupFile(live.files, backupFiles, ...args),
    () => (typeof Worker === 'undefined' ? null : new Worker(new URL('../checker/checker-worker.ts', import.meta.url), { type: 'module', name: 'tillite-checker' })),
  );
  try {
    await cleanSnapshotLeftovers(live.files, backupFiles);
    await cleanStaging(opfsStaging(), live.files);
    // Which of the two live names is the database, from the switch record, before any file is opened: a swap
    // cut off before its record leaves the old file in charge and its own copy removed.
    await live.choose();
    markStart('cleaned');
    const store = await storeOpening;
    markStart('catalogue');
    const backups = createBackupService({ live, store, appVersion, notify, backups: backupFiles, check: checker.check });
    const failure = await openAndMigrate(live, backups, appVersion, options.progress ?? (() => undefined));
    // Every refusal keeps the file open but unusable: only recovery calls reach it (for a newer schema, the
    // read-only download of a copy; otherwise also restoring a backup).
    live.setFailure(failure);
    // Housekeeping waits until the till has answered its first reads (see HOUSEKEEPING_DELAY_MS).
    // Background work from now (slices.ts): the bench waits for it to end before it times sales.
    void inBackground(
      new Promise<void>((resolve) => setTimeout(resolve, HOUSEKEEPING_DELAY_MS)).then(() => housekeeping(live, backups, checker.checkLive, failure === null)),
    );
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
    markStart('serving');
    return {
      processor,
      failure,
      close: () => {
        checker.close();
        live.close();
      },
    };
  } catch (error) {
    checker.close();
    live.close();
    throw error;
  }
}
