/**
 * What the leader does when it wins the lock: open the database on OPFS, clean what an interrupted snapshot
 * left, migrate (with a verified snapshot first), and build the processor.
 *
 * When the runner refuses the file (a failed migration, a newer schema, a failed check, a foreign file) the
 * database stays open but refused: the session answers only `recovery.*` calls (restore the snapshot, download
 * the file), and no other call reaches it. Nothing the app does can then write to a database in that state.
 */
import type { ChangeTopic, WireError } from '../protocol';
import { openOpfsDatabase } from './drivers/opfs-sahpool';
import type { OpenedDatabase } from './drivers/types';
import { HandlerError, toWireError } from './errors';
import { handlers } from './handlers';
import type { LeaderSession } from './leader';
import { migrate, type MigrateHooks } from './migrate';
import { bundledMigrations } from './migrations';
import { createProcessor } from './processor';
import { backupDirectory, cleanSnapshotLeftovers, snapshotFileName, takeSnapshot } from './snapshot';
import { automaticSnapshotsToPrune } from './snapshot-retention';

/** Deletes automatic snapshots beyond the ones kept. A failure here never stops the app: it only keeps more. */
async function pruneAutomaticSnapshots(): Promise<void> {
  try {
    const dir = await backupDirectory();
    const names: string[] = [];
    for await (const [name] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) names.push(name);
    for (const name of automaticSnapshotsToPrune(names)) await dir.removeEntry(name);
  } catch (error) {
    console.warn('Tillite: old automatic snapshots could not be pruned', error);
  }
}

/** Snapshots taken by the migration runner: before migrating, and when only the app version changed. */
function snapshotHooks(opened: OpenedDatabase, progress: (detail: string) => void): MigrateHooks {
  const pool = opened.pool;
  const onMigrationStart: MigrateHooks['onMigrationStart'] = ({ version, name, index, count }) =>
    progress(`Updating the database: migration ${version} (${name}), ${index + 1} of ${count}`);
  if (!pool) return { onMigrationStart };
  const source = { db: opened.db, pool, vfs: opened.vfs };
  return {
    onMigrationStart,
    beforeMigrate: async ({ from, to }) => {
      progress('Taking a snapshot before updating the database');
      const snapshot = await takeSnapshot(source, snapshotFileName('pre-migration', `${from}-to-v${to}`, new Date()));
      await pruneAutomaticSnapshots();
      return snapshot.name;
    },
    onAppVersionChange: async ({ fromApp, toApp, schema }) => {
      progress('Taking a snapshot of the previous version');
      const snapshot = await takeSnapshot(source, snapshotFileName('upgrade', String(schema), new Date(), `${fromApp}-to-${toApp}`));
      await pruneAutomaticSnapshots();
      return snapshot.name;
    },
  };
}

/** Opens, migrates and serves the live database as worker `workerId`. */
export async function openLeaderSession(
  workerId: string,
  appVersion: string,
  notify: (topics: ChangeTopic[]) => void,
  options: { busyWaitMs: number; progress?: (detail: string) => void },
): Promise<LeaderSession> {
  const progress = options.progress ?? (() => undefined);
  const opened = await openOpfsDatabase(options);
  let refused: WireError | null = null;
  try {
    if (opened.pool) await cleanSnapshotLeftovers(opened.pool);
    await migrate(opened.db, bundledMigrations, { appVersion, hooks: snapshotHooks(opened, progress) });
  } catch (error) {
    // Refusals (the runner's and the snapshot's own errors, which left the file as it was) keep it open for
    // recovery; anything unexpected closes it and fails plainly.
    if (!(error instanceof HandlerError)) {
      opened.close();
      throw error;
    }
    refused = toWireError(error);
  }
  const processor = createProcessor(
    {
      db: opened.db,
      leaderId: workerId,
      appVersion,
      vfs: opened.vfs,
      fileName: opened.fileName,
      pool: opened.pool,
      refused,
      notify,
    },
    handlers,
  );
  return { processor, refused, close: () => opened.close() };
}
