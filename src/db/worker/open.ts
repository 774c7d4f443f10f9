/**
 * What the leader does when it wins the lock: open the database on OPFS, migrate it, and build the processor.
 */
import type { ChangeTopic } from '../protocol';
import { openOpfsDatabase } from './drivers/opfs-sahpool';
import { handlers } from './handlers';
import type { LeaderSession } from './leader';
import { migrate } from './migrate';
import { bundledMigrations } from './migrations';
import { createProcessor } from './processor';

/** Opens, migrates and serves the live database as worker `workerId`. */
export async function openLeaderSession(
  workerId: string,
  appVersion: string,
  notify: (topics: ChangeTopic[]) => void,
  options: { busyWaitMs: number },
): Promise<LeaderSession> {
  const opened = await openOpfsDatabase(options);
  try {
    await migrate(opened.db, bundledMigrations, { appVersion });
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
