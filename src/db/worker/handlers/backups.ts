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

function parseNow(now: string): Date {
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new HandlerError('invalid', `"${now}" is not a time.`);
  return date;
}

/** `backup.*` and `data.empty` handlers. */
export const backupHandlers = {
  'backup.list': {
    kind: 'task',
    effect: 'read',
    recovery: true,
    run: async (ctx, { kind }) => ({ backups: await service(ctx).list(kind) }),
  },
  'backup.status': {
    kind: 'task',
    effect: 'read',
    recovery: true,
    run: (ctx) => service(ctx).status(new Date()),
  },
  'backup.create': {
    kind: 'task',
    effect: 'write',
    run: (ctx, { description }) => {
      if (description && description.length > 80) throw new HandlerError('invalid', 'A description has at most 80 characters.');
      return service(ctx).create(description);
    },
  },
  'backup.delete': {
    kind: 'task',
    effect: 'write',
    recovery: true,
    run: async (ctx, { name }) => ({ deleted: await service(ctx).remove(name) }),
  },
  'backup.verify': {
    kind: 'task',
    effect: 'write',
    recovery: true,
    run: (ctx, { name }) => service(ctx).verify(name),
  },
  'backup.restore': {
    kind: 'task',
    effect: 'write',
    recovery: true,
    run: (ctx, { name }) => restoreBackup(deps(ctx), name),
  },
  'backup.tick': {
    kind: 'task',
    effect: 'write',
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
    effect: 'write',
    run: async (ctx, { hours }) => ({ intervalHours: await service(ctx).setInterval(hours) }),
  },
  'data.summary': {
    kind: 'query',
    run: (ctx) => summarize(ctx.db),
  },
  'data.empty': {
    kind: 'task',
    effect: 'write',
    run: (ctx, { confirm }) => emptyDatabase(deps(ctx), confirm),
  },
} satisfies HandlerImpls<BackupHandlers>;
