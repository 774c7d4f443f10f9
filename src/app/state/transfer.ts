/**
 * Exports as the page runs them: where to save, a fresh snapshot (or a listed backup), the streamed write with its
 * progress, and the record of the last export (which quiets the reminder). Shared by the Data view's "Download
 * backup", each backup's "Download", and the reminder banner.
 */
import { signal } from '@preact/signals';
import { db } from '../db';
import { chooseDestination, exportFileName, saveBackupFile } from '../transfer/files';

/** The export being written, for the progress bar; null when none. */
export const exportProgress = signal<{ fileName: string; done: number; total: number } | null>(null);

/**
 * Saves a backup outside the browser. `name` is a listed backup, or omitted for a fresh snapshot (taken after
 * the destination is chosen, so the picker opens at once). Returns a sentence for the page, or null when the
 * user closed the picker.
 */
export async function exportBackup(name?: string): Promise<string | null> {
  const fileName = name ?? exportFileName(new Date());
  const destination = await chooseDestination(fileName);
  if (!destination) return null;
  const source = name ?? (await db().send('transfer.snapshot', { at: new Date().toISOString() })).name;
  try {
    exportProgress.value = { fileName, done: 0, total: 0 };
    await saveBackupFile(source, destination, fileName, (done, total) => (exportProgress.value = { fileName, done, total }));
  } finally {
    exportProgress.value = null;
  }
  await db().send('transfer.exported', { name: source, at: new Date().toISOString() });
  return destination.kind === 'picked' ? `Saved ${destination.handle.name}` : `Downloading ${fileName}`;
}
