/** Handlers about the database itself: what it is and whether it answers. */
import type { SystemHandlers } from '../../protocol';
import type { HandlerImpls } from '../processor';
import { migrationHistory, schemaVersionOf } from '../migrate';
import { backupDirectory } from '../snapshot';
import { automaticSnapshotTime } from '../snapshot-retention';

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
    run: async () => {
      const dir = await backupDirectory();
      const found: { name: string; size: number; time: string }[] = [];
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        const time = automaticSnapshotTime(name);
        if (time && handle.kind === 'file') found.push({ name, size: (await (handle as FileSystemFileHandle).getFile()).size, time });
      }
      found.sort((a, b) => b.time.localeCompare(a.time) || b.name.localeCompare(a.name));
      return found.map(({ name, size }) => ({ name, size }));
    },
  },
  'system.ping': {
    kind: 'query',
    run: (ctx, args) => ({ at: args.at, leaderId: ctx.leaderId }),
  },
} satisfies HandlerImpls<SystemHandlers>;
