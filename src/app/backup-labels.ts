/**
 * Backups seen from the page: the words used to describe one. Saving one outside the browser is
 * `state/transfer.ts`.
 */
import type { BackupKind, BackupRecord, BackupSummary } from '../db/protocol/backups';
import { locale } from './state/shop';

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

/** "today 14:05", "yesterday 09:12", or the date and time, in the shop's locale. */
export function friendlyTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `yesterday ${time}`;
  return at.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

function count(n: number, one: string): string {
  return `${n.toLocaleString(locale())} ${one}${n === 1 ? '' : 's'}`;
}

/** A backup in a shop owner's words: "Scheduled backup of today 14:05 · 412 sales, the last one 14:02 · 1,280 products". */
export function describeBackup(backup: BackupRecord): string {
  const s = backup.summary;
  const parts = [`${KIND_LABELS[backup.kind]} backup of ${friendlyTime(backup.createdAt)}`];
  if (s.sales !== null) parts.push(s.sales === 0 ? 'no sales' : `${count(s.sales, 'sale')}${s.lastSaleAt ? `, the last one ${friendlyTime(s.lastSaleAt)}` : ''}`);
  if (s.products !== null) parts.push(count(s.products, 'product'));
  return parts.join(' · ');
}
