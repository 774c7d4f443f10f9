/** Handlers answered while the database is refused: restore the runner's snapshot, or download the file. */
import type { RecoveryHandlers } from '../../protocol';
import { loadSqlite } from '../drivers/sqlite';
import { HandlerError } from '../errors';
import type { HandlerImpls } from '../processor';
import { exportLive, restoreSnapshot } from '../recovery';

/** `recovery.*` handlers. */
export const recoveryHandlers = {
  'recovery.restore': {
    kind: 'task',
    run: async (ctx, { name }) => {
      // While the database serves normally, restoring belongs to the backups page, which coordinates every tab.
      if (!ctx.refused) throw new HandlerError('conflict', 'The database is open and healthy: restore a backup from the backups page.');
      if (!ctx.pool) throw new HandlerError('storage-unavailable', 'Restoring needs the database on this device\'s storage.');
      return restoreSnapshot({ db: ctx.db, pool: ctx.pool, vfs: ctx.vfs }, name);
    },
  },
  'recovery.export-live': {
    kind: 'task',
    run: async (ctx) => {
      const sqlite3 = await loadSqlite();
      return exportLive(ctx.db, (db) => sqlite3.capi.sqlite3_js_db_export(db));
    },
  },
} satisfies HandlerImpls<RecoveryHandlers>;
