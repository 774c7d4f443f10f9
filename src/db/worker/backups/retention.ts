/**
 * Which backups to prune: a pure function of the catalogue, the time and the shop's time zone, so it is
 * unit-tested over many cases and never touches a file.
 *
 * | kind                                         | kept                                                         |
 * | scheduled                                    | 3 from today, then the newest of each of the 7 days before,  |
 * |                                              | then the newest of each week for 4 weeks                     |
 * | pre-migration, upgrade                       | the last 10 of each                                          |
 * | before-empty, before-import, before-restore, | the last 5 of each; none younger than 7 days is deleted      |
 * | export                                       |                                                              |
 * | manual                                       | never deleted automatically                                  |
 *
 * "Today", days and weeks are the shop's calendar days in its time zone (computed with Intl, so daylight-saving
 * changes move no backup into the wrong day). The newest verified backup is never pruned. Only verified backups
 * count as safety: a backup still being checked (`copied`) or one that failed its check (`damaged`) takes no slot
 * and is never pruned automatically (the first may become verified; a person should see the second). A backup dated after `now` (the clock
 * was set back) is kept, because its age cannot be known.
 */
import type { BackupKind } from '../../protocol/backups';

/** What the rule needs to know about a backup. */
export interface RetentionItem {
  name: string;
  kind: BackupKind;
  /** UTC ISO time. */
  createdAt: string;
  state: 'copied' | 'verified' | 'damaged';
}

export interface RetentionOptions {
  now: Date;
  /** IANA time zone of the shop, e.g. "Europe/Paris". */
  timeZone: string;
}

const DAY_MS = 86_400_000;
const KEEP_TODAY = 3;
const KEEP_DAYS = 7;
const KEEP_WEEKS = 4;
const KEEP_MIGRATION = 10;
const KEEP_BEFORE = 5;
const BEFORE_MIN_AGE_MS = 7 * DAY_MS;

/** The calendar day of `date` in `timeZone`, as a day number (days since 1970-01-01 of that calendar). */
export function localDayNumber(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY_MS);
}

/** The day number of the Monday that starts the week of day number `day`. */
export function weekStart(day: number): number {
  const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 = Sunday
  return day - ((weekday + 6) % 7);
}

const newestFirst = (a: RetentionItem, b: RetentionItem) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/** The scheduled backups to prune. `items` are verified, not in the future, and sorted newest first. */
function pruneScheduled(items: RetentionItem[], now: Date, timeZone: string): RetentionItem[] {
  const today = localDayNumber(now, timeZone);
  const prune: RetentionItem[] = [];
  let keptToday = 0;
  const keptDays = new Set<number>();
  const keptWeeks = new Set<number>();
  for (const item of items) {
    const day = localDayNumber(new Date(item.createdAt), timeZone);
    const age = today - day;
    if (age <= 0) {
      if (keptToday < KEEP_TODAY) keptToday++;
      else prune.push(item);
    } else if (age <= KEEP_DAYS) {
      if (keptDays.has(day)) prune.push(item);
      else keptDays.add(day);
    } else {
      const week = weekStart(day);
      if (keptWeeks.has(week) || keptWeeks.size >= KEEP_WEEKS || age > KEEP_DAYS + KEEP_WEEKS * 7) prune.push(item);
      else keptWeeks.add(week);
    }
  }
  return prune;
}

/** Names of the backups to delete now. Sorted newest first; never includes the newest verified backup. */
export function backupsToPrune(items: readonly RetentionItem[], { now, timeZone }: RetentionOptions): string[] {
  const nowMs = now.getTime();
  const candidates = items.filter((item) => item.state === 'verified' && Date.parse(item.createdAt) <= nowMs);
  const byKind = new Map<BackupKind, RetentionItem[]>();
  for (const item of [...candidates].sort(newestFirst)) {
    const list = byKind.get(item.kind) ?? [];
    list.push(item);
    byKind.set(item.kind, list);
  }
  const prune: RetentionItem[] = [];
  for (const [kind, list] of byKind) {
    switch (kind) {
      case 'scheduled':
        prune.push(...pruneScheduled(list, now, timeZone));
        break;
      case 'pre-migration':
      case 'upgrade':
        prune.push(...list.slice(KEEP_MIGRATION));
        break;
      case 'before-empty':
      case 'before-import':
      case 'before-restore':
      case 'export':
        prune.push(...list.slice(KEEP_BEFORE).filter((item) => nowMs - Date.parse(item.createdAt) > BEFORE_MIN_AGE_MS));
        break;
      case 'manual':
        break;
    }
  }
  const newestVerified = items.filter((item) => item.state === 'verified').sort(newestFirst)[0];
  return prune
    .filter((item) => item.name !== newestVerified?.name)
    .sort(newestFirst)
    .map((item) => item.name);
}
