/**
 * Whether the origin's storage is full, asked after a write failed with a plain I/O error (the VFS reports a full
 * disk that way). The estimate alone is not enough: Chromium's estimate ignores a lowered quota, and a browser may
 * report room it then refuses. So a small file is also grown to `margin` bytes and removed: if the browser refuses
 * the growth, the storage is full. The probe lives in the backups folder, whose `*.tmp` leftovers are removed at
 * start-up.
 */

import { OPFS_DIRS } from '../../../lib/opfs-paths';

/** The probe's name: its `.tmp` ending has it removed at start-up if a crash left it. */
const PROBE = '.write-probe.tmp';

/** True when less than `margin` bytes can be written to the origin's storage. */
export async function storageLooksFull(margin = 1 << 20): Promise<boolean> {
  try {
    const { usage, quota } = await navigator.storage.estimate();
    if (usage !== undefined && quota !== undefined && quota - usage < margin) return true;
  } catch {
    // No estimate: the probe decides.
  }
  try {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIRS.backups, { create: true });
    const handle = await dir.getFileHandle(PROBE, { create: true });
    const access = await handle.createSyncAccessHandle();
    try {
      access.truncate(margin);
      access.flush();
      // Chromium refuses growth beyond the quota silently (the size stays as it was), or with QuotaExceededError.
      return access.getSize() < margin;
    } catch (error) {
      return (error as DOMException)?.name === 'QuotaExceededError';
    } finally {
      access.close();
      await dir.removeEntry(PROBE).catch(() => undefined);
    }
  } catch (error) {
    // Even creating the probe (or its handle) may be refused for want of room.
    return (error as DOMException)?.name === 'QuotaExceededError';
  }
}
