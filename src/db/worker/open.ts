/**
 * What the leader does when it wins the lock: open the database on OPFS, clean what an interrupted snapshot
 * left, migrate (with a verified snapshot first), and build the processor.
 */
import type { ChangeTopic } from '../protocol';
import { openOpfsDatabase } from './drivers/opfs-sahpool';
import type { OpenedDatabase } from './drivers/types';
import { handlers } from './handlers';
import type { LeaderSession } from './leader';
import { migrate, type MigrateHooks } from './migrate';
import { bundledMigrations } from './migrations';
import { createProcessor } from './processor';
import { cleanSnapshotLeftovers, snapshotFileName, takeSnapshot } from './snapshot';

/** Snapshots taken by the migration runner: before migrating, and when only the app version changed. */
function snapshotHooks(opened: OpenedDatabase): MigrateHooks {
  const pool = opened.pool;
  if (!pool) return {};
  const source = { db: opened.db, pool, vfs: opened.vfs };
  return {
    beforeMigrate: async ({ from, to }) =>
      (await takeSnapshot(source, snapshotFileName('pre-migration', `${from}-to-v${to}`, new Date()))).name,
    onAppVersionChange: async ({ fromApp, toApp, schema }) =>
      (await takeSnapshot(source, snapshotFileName('upgrade', String(schema), new Date(), `${fromApp}-to-${toApp}`))).name,
  };
}

/** Opens, migrates and serves the live database as worker `workerId`. */
export async function openLeaderSession(
  workerId: string,
  appVersion: string,
  notify: (topics: ChangeTopic[]) => void,
  options: { busyWaitMs: number },
): Promise<LeaderSession> {
  const opened = await openOpfsDatabase(options);
  try {
    if (opened.pool) await cleanSnapshotLeftovers(opened.pool);
    await migrate(opened.db, bundledMigrations, { appVersion, hooks: snapshotHooks(opened) });
  } catch (error) {
    opened.close();
    throw error;
  }
  const processor = createProcessor(
    { db: opened.db, leaderId: workerId, appVersion, vfs: opened.vfs, fileName: opened.fileName, notify },
    handlers,
  );
  return { processor, close: () => opened.close() };
}
