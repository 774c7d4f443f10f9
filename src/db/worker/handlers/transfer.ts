/**
 * `transfer.*` and `folder.*`: exporting the database as a file, importing one, and copies to a chosen folder.
 * The import is where a permission check (owner or manager) goes once roles exist: one line before
 * `importStaged`.
 */
import type { TransferHandlers } from '../../protocol/transfer';
import type { BackupService } from '../backups/service';
import { HandlerError } from '../runtime/errors';
import type { HandlerContext, HandlerImpls } from '../runtime/processor';
import { exportStatusStore } from '../transfer/export-status';
import { folderCopies } from '../transfer/folder';
import { checkHead, importStaged, inspectStaged, type ImportDeps } from '../transfer/import';
import { opfsStaging, removeStaged } from '../transfer/staging';

function service(ctx: HandlerContext): BackupService {
  if (!ctx.backups) throw new HandlerError('internal', 'Export and import need the database on OPFS.');
  return ctx.backups;
}

function deps(ctx: HandlerContext): ImportDeps {
  if (!ctx.live) throw new HandlerError('internal', 'Importing needs the database on OPFS.');
  return { live: ctx.live, service: service(ctx), appVersion: ctx.appVersion, notify: ctx.notify, staging: opfsStaging() };
}

function parseNow(now: string): Date {
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new HandlerError('invalid', `"${now}" is not a time.`);
  return date;
}

const exportStatus = (ctx: HandlerContext) => exportStatusStore(service(ctx).store);

/** `transfer.*` and `folder.*` handlers. */
export const transferHandlers = {
  'transfer.snapshot': {
    kind: 'task',
    effect: 'write',
    run: (ctx, { at }) => service(ctx).serial(() => service(ctx).snapshot('export', { at: parseNow(at) })),
  },
  'transfer.exported': {
    kind: 'task',
    effect: 'write',
    recovery: true,
    run: async (ctx, { name, at }) => {
      const status = await exportStatus(ctx).recordExport(name, parseNow(at));
      ctx.notify(['backups']);
      return status;
    },
  },
  'transfer.status': {
    kind: 'task',
    effect: 'read',
    recovery: true,
    run: (ctx, { now }) => exportStatus(ctx).status(parseNow(now)),
  },
  'transfer.dismissReminder': {
    kind: 'task',
    effect: 'write',
    run: async (ctx, { now }) => {
      const status = await exportStatus(ctx).dismiss(parseNow(now));
      ctx.notify(['backups']);
      return status;
    },
  },
  'transfer.setReminderDays': {
    kind: 'task',
    effect: 'write',
    run: async (ctx, { days, now }) => {
      const status = await exportStatus(ctx).setDays(days, parseNow(now));
      ctx.notify(['backups']);
      return status;
    },
  },
  'transfer.checkHead': {
    kind: 'task',
    effect: 'read',
    run: (ctx, { head, size }) => checkHead(deps(ctx), head, size),
  },
  'transfer.inspect': {
    kind: 'task',
    effect: 'read',
    run: (ctx, { staged }) => inspectStaged(deps(ctx), staged),
  },
  'transfer.import': {
    kind: 'task',
    effect: 'write',
    run: (ctx, { staged, acceptChanged }) => importStaged(deps(ctx), staged, acceptChanged === true),
  },
  'transfer.discard': {
    kind: 'task',
    effect: 'write',
    recovery: true,
    run: async (_ctx, { staged }) => ({ discarded: await removeStaged(opfsStaging(), staged) }),
  },
  'folder.status': {
    kind: 'task',
    effect: 'read',
    recovery: true,
    run: (ctx) => folderCopies(service(ctx), ctx.notify).status(),
  },
  'folder.changed': {
    kind: 'task',
    effect: 'write',
    run: async (ctx, { now }) => {
      const status = await folderCopies(service(ctx), ctx.notify).changed(parseNow(now));
      // Every tab's Data view and banner show the folder: tell them it changed, copy or not.
      ctx.notify(['backups']);
      return status;
    },
  },
} satisfies HandlerImpls<TransferHandlers>;
