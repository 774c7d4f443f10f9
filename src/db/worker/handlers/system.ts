/** Handlers about the database itself: what it is and whether it answers. */
import type { SystemHandlers } from '../../protocol/system';
import type { HandlerImpls } from '../runtime/processor';
import { migrationHistory } from '../schema/runner';
import { schemaVersionOf } from '../schema/version';

/** `system.*` handlers. */
export const systemHandlers = {
  'system.info': {
    kind: 'query',
    run: (ctx) => ({
      sqliteVersion: String(ctx.db.selectValue('SELECT sqlite_version()')),
      schemaVersion: schemaVersionOf(ctx.db),
      appVersion: ctx.appVersion,
      vfs: ctx.vfs,
      journalMode: String(ctx.db.selectValue('PRAGMA journal_mode')),
      fileName: ctx.fileName,
      pageSize: Number(ctx.db.selectValue('PRAGMA page_size')),
      pageCount: Number(ctx.db.selectValue('PRAGMA page_count')),
      leaderId: ctx.leaderId,
    }),
  },
  'system.migrations': {
    kind: 'query',
    run: (ctx) => ({ schemaVersion: schemaVersionOf(ctx.db), history: migrationHistory(ctx.db) }),
  },
  'system.migration-snapshots': {
    kind: 'task',
    effect: 'read',
    run: async (ctx) => {
      // The snapshots the runner asked for, as the backup catalogue lists them (newest first, kept by its rule).
      const records = (await ctx.backups?.list()) ?? [];
      return records.filter((r) => r.kind === 'pre-migration' || r.kind === 'upgrade').map(({ name, size }) => ({ name, size }));
    },
  },
  'system.ping': {
    kind: 'query',
    run: (ctx, args) => ({ at: args.at, leaderId: ctx.leaderId }),
  },
} satisfies HandlerImpls<SystemHandlers>;
