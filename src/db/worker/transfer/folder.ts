/**
 * Copies of scheduled backups to a folder the user chose (Chromium's File System Access API), for example a
 * synced or network folder: a copy that survives the browser's storage being wiped. The worker writes them (a
 * directory handle works in a worker); the folder is pruned by the same retention rule as `backups/`, and only
 * files named like Tillite's scheduled backups are ever removed from it.
 *
 * When the browser no longer lets Tillite write there (permission lapsed), copies pause, the log says so, and
 * the page asks again at the user's next gesture (`requestPermission` needs one).
 */
import type { BackupRecord } from '../../protocol/backups';
import type { ChangeTopic } from '../../protocol/envelope';
import type { FolderStatus } from '../../protocol/transfer';
import { folderPermission, loadFolderHandle } from '../../../lib/folder-store';
import { parseBackupName } from '../backups/inspect';
import { backupsToPrune, type RetentionItem } from '../backups/retention';
import type { WorkerSettings } from '../backups/settings';
import type { BackupService } from '../backups/service';
import { toWireError } from '../runtime/errors';
import { backupDirectory } from '../storage/opfs-files';

type Saved = WorkerSettings['folder'];

async function entries(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind === 'file') names.push(name);
  }
  return names;
}

/** The folder copies over the backup service (its store keeps their state, its log their outcomes). */
export function folderCopies(
  service: BackupService,
  notify: (topics: ChangeTopic[]) => void,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
) {
  const saved = async (): Promise<Saved> => (await service.store.settings()).folder;
  const save = (folder: Saved) => service.store.updateSettings((settings) => ({ ...settings, folder }));

  async function status(): Promise<FolderStatus> {
    const handle = await loadFolderHandle();
    if (!handle) return { name: null, state: 'none', lastCopy: null, problem: null };
    const { lastCopy, problem } = await saved();
    const state = (await folderPermission(handle)) === 'granted' ? 'active' : 'paused';
    return { name: handle.name, state, lastCopy, problem };
  }

  /** Removes scheduled backups from the folder that the retention rule would not keep. */
  async function prune(folder: FileSystemDirectoryHandle, now: Date): Promise<void> {
    const items: RetentionItem[] = [];
    for (const name of await entries(folder)) {
      const parsed = parseBackupName(name);
      if (parsed?.kind === 'scheduled') items.push({ name, kind: 'scheduled', createdAt: parsed.createdAt, state: 'verified' });
    }
    for (const name of backupsToPrune(items, { now, timeZone })) await folder.removeEntry(name).catch(() => undefined);
  }

  /** Copies backup `record` to the folder (when one is chosen and writable) and prunes it. Never throws. */
  async function copy(record: BackupRecord, now: Date): Promise<void> {
    const folder = await loadFolderHandle().catch(() => null);
    if (!folder) return;
    const started = performance.now();
    const log = (ok: boolean, message: string) =>
      service.log({ action: 'folder', ok, kind: record.kind, name: record.name, message, durationMs: Math.round(performance.now() - started) });
    try {
      if ((await folderPermission(folder)) !== 'granted') {
        const problem = `Copies to the folder “${folder.name}” are paused until you allow Tillite to write there again.`;
        await save({ ...(await saved()), problem });
        await log(false, problem);
        return;
      }
      const file = await (await (await backupDirectory()).getFileHandle(record.name)).getFile();
      // createWritable() writes to a swap file that replaces the target only on close(): a half-written copy
      // never carries a backup's name.
      const writable = await (await folder.getFileHandle(record.name, { create: true })).createWritable();
      await file.stream().pipeTo(writable);
      await prune(folder, now);
      await save({ lastCopy: { at: now.toISOString(), name: record.name }, problem: null });
      await log(true, `Copied to the folder “${folder.name}”`);
    } catch (error) {
      const problem = `Copying to the folder “${folder.name}” failed: ${toWireError(error).message}`;
      await save({ ...(await saved()), problem }).catch(() => undefined);
      await log(false, problem);
    } finally {
      notify(['backups']);
    }
  }

  return {
    status,
    copy,
    /** A folder was chosen (or allowed again): copy the newest scheduled backup there now. */
    async changed(now: Date): Promise<FolderStatus> {
      const newest = (await service.list('scheduled')).find((r) => r.state === 'verified');
      if (newest) await service.serial(() => copy(newest, now));
      return status();
    },
  };
}
