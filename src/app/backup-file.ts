/**
 * Backups seen from the page: downloading one straight from its OPFS file, and the words used to describe one.
 */
import type { BackupKind, BackupSummary } from '../db/protocol';

/** The OPFS directory the worker writes backups to (see `src/db/worker/snapshot.ts`). */
const BACKUP_DIR = 'backups';

/**
 * Downloads backup `name`. `getFile()` gives a disk-backed File, so the bytes go from disk to the download
 * without being copied into the page's or the worker's memory.
 */
export async function downloadBackup(name: string): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(BACKUP_DIR);
  const file = await (await dir.getFileHandle(name)).getFile();
  const url = URL.createObjectURL(file);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has started from the object URL; give the browser a moment before releasing it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Every kind, in the order the filter lists them. */
export const BACKUP_KINDS: readonly BackupKind[] = ['manual', 'scheduled', 'before-restore', 'before-empty', 'before-import', 'pre-migration', 'upgrade', 'export'];

/** A kind for people. */
export const KIND_LABELS: Record<BackupKind, string> = {
  manual: 'Manual',
  scheduled: 'Scheduled',
  'before-restore': 'Before restore',
  'before-empty': 'Before empty',
  'before-import': 'Before import',
  'pre-migration': 'Before update',
  upgrade: 'App upgrade',
  export: 'Exported',
};

/** "12 rows in 3 tables · 4 products · 7 sales, last 22 Nov 10:15". */
export function describeSummary(summary: BackupSummary): string {
  const parts = [`${summary.rows} rows in ${summary.tables} tables`];
  if (summary.products !== null) parts.push(`${summary.products} products`);
  if (summary.sales !== null) {
    parts.push(`${summary.sales} sales${summary.lastSaleAt ? `, last ${new Date(summary.lastSaleAt).toLocaleString()}` : ''}`);
  }
  return parts.join(' · ');
}
