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

/** "412 sales, the last one today 14:02 · 1,280 products": what a copy holds, in a shop owner's words. */
export function describeSummary(summary: BackupSummary, now = new Date()): string {
  const parts: string[] = [];
  if (summary.sales !== null) {
    parts.push(summary.sales === 0 ? 'no sales' : `${count(summary.sales, 'sale')}${summary.lastSaleAt ? `, the last one ${friendlyTime(summary.lastSaleAt, now)}` : ''}`);
  }
  if (summary.products !== null) parts.push(summary.products === 0 ? 'no products' : count(summary.products, 'product'));
  return parts.length ? parts.join(' · ') : 'no shop yet';
}

/** "today 14:05", "yesterday 09:12", "3 days ago": how long ago, in the shop's locale. */
export function howLongAgo(iso: string, now = new Date()): string {
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(new Date(iso))) / 86_400_000);
  return days <= 1 ? friendlyTime(iso, now) : new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(-days, 'day');
}

/** Whether a backup can be relied on, in words: "Checked today 14:05", "Copied; being checked", or what is wrong. */
export function describeState(backup: BackupRecord, now = new Date()): string {
  if (backup.state === 'copied') return 'Copied; being checked';
  return backup.state === 'verified' ? `Checked ${friendlyTime(backup.verifiedAt, now)}` : `Damaged: ${backup.problem ?? 'it failed its check'}`;
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

/** "1 product", "1,280 products" (the number in the shop's locale). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString(locale())} ${n === 1 ? one : many}`;
}

/** A backup in a shop owner's words: "Scheduled backup of today 14:05 · 412 sales, the last one 14:02 · 1,280 products". */
export function describeBackup(backup: BackupRecord, now = new Date()): string {
  const note = backup.description ? ` “${backup.description}”` : '';
  return `${KIND_LABELS[backup.kind]} backup${note} of ${friendlyTime(backup.createdAt, now)} · ${describeSummary(backup.summary, now)}`;
}
