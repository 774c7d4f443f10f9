/**
 * The switch record's two copies as small plain OPFS files, `live/switch-0.json` and `live/switch-1.json`,
 * outside the pool's directory (which the VFS owns). Written through a sync access handle and flushed before
 * the write resolves, so a swap that goes on after it knows the record is on disk.
 */
import { OPFS_DIRS } from '../../../lib/opfs-paths';
import { newestSwitchRecord, encodeSwitchRecord, type SwitchRecordStore } from './switch-record';
const slotName = (slot: number) => `switch-${slot}.json`;

async function directory(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIRS.live, { create: true });
}

async function readSlot(dir: FileSystemDirectoryHandle, slot: number): Promise<string | null> {
  try {
    return await (await (await dir.getFileHandle(slotName(slot))).getFile()).text();
  } catch (error) {
    if ((error as DOMException)?.name === 'NotFoundError') return null;
    throw error;
  }
}

/** The record store of the app. */
export function opfsSwitchRecords(): SwitchRecordStore {
  return {
    async read() {
      const dir = await directory();
      return newestSwitchRecord([await readSlot(dir, 0), await readSlot(dir, 1)]);
    },
    async write(record) {
      const dir = await directory();
      const handle = await dir.getFileHandle(slotName(record.seq % 2), { create: true });
      const access = await handle.createSyncAccessHandle();
      try {
        const bytes = new TextEncoder().encode(encodeSwitchRecord(record));
        access.truncate(0);
        if (access.write(bytes, { at: 0 }) !== bytes.length) throw new Error('short write of the switch record (is the disk full?)');
        access.flush();
      } finally {
        access.close();
      }
    },
  };
}
