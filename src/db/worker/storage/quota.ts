/** Refusing an operation before it writes anything when the device has no room for it. */
import { HandlerError } from '../runtime/errors';
import { nextTask } from './slices';

function quotaError(needed: number, free: number | null): HandlerError {
  const freeText = free === null ? 'the browser refused the space' : `${Math.floor(free / 1e6)} MB are free`;
  return new HandlerError(
    'quota',
    `Not enough storage for a backup: it needs about ${Math.ceil(needed / 1e6)} MB and ${freeText}. Nothing was written; the database is untouched. Delete old backups or free space on the device.`,
    { needed, free },
  );
}

/** How much the reservation grows at a time. */
const GROWTH_STEP = 16 * 1024 * 1024;

/**
 * The file a backup reserves its space with, a name of its own each time: two reservations may overlap (a backup's
 * first check, in the checker worker, reserves room for writing its manifest in while "Back up now" reserves in the
 * leader's), and a sync access handle is exclusive, so a shared name refused the second ("Access Handles cannot
 * be created…", seen once in backup-faults). Its `.tmp` ending has it cleaned at start-up if left.
 */
const reservationName = () => `.space-reservation-${crypto.randomUUID()}.tmp`;

/**
 * Refuses before writing anything when the origin cannot hold `needed` more bytes. The estimate alone is not
 * enough (browsers may report a quota they then do not grant: Chromium's estimate ignores an overridden quota),
 * so the space is also reserved: a file is grown to that size and removed. If the browser refuses the growth,
 * no part of the backup has been written.
 */
export async function assertRoom(needed: number, dir: FileSystemDirectoryHandle): Promise<void> {
  const estimate = await navigator.storage.estimate?.();
  if (estimate?.quota) {
    const free = estimate.quota - (estimate.usage ?? 0);
    if (free < needed) throw quotaError(needed, free);
  }
  const name = reservationName();
  const handle = await dir.getFileHandle(name, { create: true });
  const access = await handle.createSyncAccessHandle();
  try {
    // Chromium refuses growth beyond the quota silently (the size stays as it was), or with QuotaExceededError.
    // Grown in steps, giving the worker back between them: growing by hundreds of MB at once holds it for long.
    for (let size = Math.min(GROWTH_STEP, Math.ceil(needed)); ; size = Math.min(size + GROWTH_STEP, Math.ceil(needed))) {
      access.truncate(size);
      if (size >= Math.ceil(needed) || access.getSize() < size) break;
      await nextTask();
    }
    access.flush();
    if (access.getSize() < Math.ceil(needed)) throw quotaError(needed, null);
  } catch (error) {
    if (error instanceof HandlerError) throw error;
    if ((error as DOMException)?.name === 'QuotaExceededError') throw quotaError(needed, null);
    throw error;
  } finally {
    access.close();
    await dir.removeEntry(name).catch(() => undefined);
  }
}
