/** Handlers answered while the database is refused: download a copy of the file as it is. */
import type { RecoveryHandlers } from '../../protocol/recovery';
import { loadSqlite } from '../storage/sqlite';
import type { HandlerImpls } from '../runtime/processor';
import { exportLive } from '../transfer/live-copy';

/** `recovery.*` handlers. Restoring a backup is `backup.restore`, which is also answered in recovery. */
export const recoveryHandlers = {
  'recovery.export-live': {
    kind: 'task',
    effect: 'read',
    recovery: true,
    run: async (ctx) => {
      const sqlite3 = await loadSqlite();
      // The raw handle: a refused database (newer schema, failed migration) is exactly what is downloaded here.
      const db = ctx.live ? ctx.live.raw : ctx.db;
      if (!db) throw new Error('The database is closed while it is being replaced. Try again in a moment.');
      return exportLive(db, (handle) => sqlite3.capi.sqlite3_js_db_export(handle));
    },
  },
} satisfies HandlerImpls<RecoveryHandlers>;
