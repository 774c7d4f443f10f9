/**
 * `backup.*` and `data.empty`. Restore and empty are where a permission check (owner or manager) goes once
 * roles exist: each is one line that calls the operation in `backups/restore.ts`.
 */
import type { BackupHandlers } from '../../protocol/backups';
import type { BackupService } from '../backups/service';
import { emptyDatabase, restoreBackup, type RestoreDeps } from '../backups/restore';
import { summarize } from '../backups/inspect';
import { HandlerError } from '../runtime/errors';
import type { HandlerContext, HandlerImpls } from '../runtime/processor';
import { folderCopies } from '../transfer/folder';

function service(ctx: HandlerContext): BackupService {
  if (!ctx.backups) throw new HandlerError('internal', 'Backups need the database on OPFS.');
  return ctx.backups;
}

function deps(ctx: HandlerContext): RestoreDeps {
  if (!ctx.live) throw new HandlerError('internal', 'Restoring needs the database on OPFS.');
  return { live: ctx.live, service: service(ctx), appVersion: ctx.appVersion, notify: ctx.notify };
}

/**
 * Runs a destructive task once per client request id (also used by `transfer.*`): a request re-sent after a leader hand-over gets the
 * first answer back instead of restoring or emptying a second time.
 */
export async function once<T>(ctx: HandlerContext, requestId: string, run: () => Promise<T>): Promise<T> {
  const { catalogue } = service(ctx);
  const key = `request:${requestId}`;
  const seen = await catalogue.getSetting<T>(key);
  if (seen !== undefined) return seen;
  const result = await run();
  await catalogue.setSetting(key, result);
  return result;
}

function parseNow(now: string): Date {
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new HandlerError('invalid', `"${now}" is not a time.`);
  return date;
}

/** `backup.*` and `data.empty` handlers. */
export const backupHandlers = {
  'backup.list': {
    kind: 'task',
    recovery: true,
    run: async (ctx, { kind }) => ({ backups: await service(ctx).list(kind) }),
  },
  'backup.status': {
    kind: 'task',
    recovery: true,
    run: (ctx) => service(ctx).status(new Date()),
  },
  'backup.create': {
    kind: 'task',
    run: (ctx, { description }, requestId) => {
      if (description && description.length > 80) throw new HandlerError('invalid', 'A description has at most 80 characters.');
      return once(ctx, requestId, () => service(ctx).create(description));
    },
  },
  'backup.delete': {
    kind: 'task',
    recovery: true,
    run: async (ctx, { name }) => ({ deleted: await service(ctx).remove(name) }),
  },
  'backup.verify': {
    kind: 'task',
    recovery: true,
    run: (ctx, { name }) => service(ctx).verify(name),
  },
  'backup.restore': {
    kind: 'task',
    recovery: true,
    run: (ctx, { name }, requestId) => once(ctx, requestId, () => restoreBackup(deps(ctx), name)),
  },
  'backup.tick': {
    kind: 'task',
    run: async (ctx, { now }) => {
      const result = await service(ctx).tick(parseNow(now));
      // A copy in the folder the user chose (when there is one); its outcome goes to the backup log.
      if (result.created) {
        const created = result.created;
        await service(ctx).serial(() => folderCopies(service(ctx), ctx.notify).copy(created, parseNow(now)));
      }
      return result;
    },
  },
  'backup.setInterval': {
    kind: 'task',
    run: async (ctx, { hours }) => ({ intervalHours: await service(ctx).setInterval(hours) }),
  },
  'data.summary': {
    kind: 'query',
    run: (ctx) => summarize(ctx.db),
  },
  'data.empty': {
    kind: 'task',
    run: (ctx, { confirm }, requestId) => once(ctx, requestId, () => emptyDatabase(deps(ctx), confirm)),
  },
} satisfies HandlerImpls<BackupHandlers>;
