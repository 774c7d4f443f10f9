/**
 * Backups seen from the page: the words used to describe one. Saving one outside the browser is
 * `state/transfer.ts`.
 */
import type { BackupKind, BackupSummary } from '../db/protocol/backups';

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
