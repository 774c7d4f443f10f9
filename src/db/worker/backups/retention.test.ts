import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../protocol/backups';
import { backupsToPrune, localDayNumber, weekStart, type RetentionItem } from './retention';
import { isScheduledBackupDue, nextScheduledAt } from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function item(kind: BackupKind, at: string | number, state: RetentionItem['state'] = 'verified'): RetentionItem {
  const createdAt = typeof at === 'number' ? new Date(at).toISOString() : at;
  return { name: `${kind}@${createdAt}${state === 'damaged' ? '!' : state === 'copied' ? '?' : ''}`, kind, createdAt, state };
}
const kept = (items: RetentionItem[], pruned: string[]) => items.filter((i) => !pruned.includes(i.name));

describe('retention: scheduled backups', () => {
  const now = new Date('2026-06-17T15:00:00Z'); // a Wednesday

  it('keeps the 3 newest of today and prunes the older ones of today', () => {
    // 14:30, 11:30, 08:30, 05:30, 02:30 UTC: all today.
    const items = [0, 1, 2, 3, 4].map((h) => item('scheduled', now.getTime() - h * 3 * HOUR - HOUR / 2));
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    expect(pruned).toEqual([items[3]!.name, items[4]!.name]);
  });

  it('keeps the newest of each of the 7 previous days', () => {
    const items: RetentionItem[] = [];
    for (let day = 1; day <= 7; day++) for (const hour of [9, 13, 17]) items.push(item('scheduled', Date.parse('2026-06-17T00:00:00Z') - day * DAY + hour * HOUR));
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    const left = kept(items, pruned);
    expect(left).toHaveLength(7);
    expect(left.every((i) => i.createdAt.endsWith('T17:00:00.000Z'))).toBe(true);
  });

  it('keeps one a week for 4 weeks beyond the 7 days, and nothing older', () => {
    const items: RetentionItem[] = [];
    for (let day = 8; day <= 60; day++) items.push(item('scheduled', Date.parse('2026-06-17T12:00:00Z') - day * DAY));
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    const left = kept(items, pruned).map((i) => i.createdAt.slice(0, 10));
    // 2026-06-09 (day 8) is a Tuesday: its week starts Monday 06-08; then the weeks of 06-01, 05-25, 05-18.
    expect(left).toEqual(['2026-06-09', '2026-06-07', '2026-05-31', '2026-05-24']);
  });

  it('thins 3-hourly backups over 60 days to 3 + 7 + 4', () => {
    const items: RetentionItem[] = [];
    for (let t = now.getTime(); t > now.getTime() - 60 * DAY; t -= 3 * HOUR) items.push(item('scheduled', t));
    expect(items.length).toBe(480);
    const left = kept(items, backupsToPrune(items, { now, timeZone: 'UTC' }));
    expect(left).toHaveLength(3 + 7 + 4);
    expect(left[0]!.createdAt).toBe(now.toISOString());
  });

  it('uses the shop\'s calendar day, not UTC\'s', () => {
    const at = new Date('2026-06-17T01:00:00Z');
    const items = ['20:30', '21:30', '22:30', '23:30'].map((t) => item('scheduled', `2026-06-16T${t}:00.000Z`));
    items.push(item('scheduled', '2026-06-17T00:50:00.000Z'));
    // Auckland (UTC+12): all five are on the 17th, today: the two oldest go.
    expect(backupsToPrune(items, { now: at, timeZone: 'Pacific/Auckland' })).toEqual([items[1]!.name, items[0]!.name]);
    // UTC: one today; four yesterday, of which only the newest (23:30) stays.
    expect(backupsToPrune(items, { now: at, timeZone: 'UTC' })).toEqual([items[2]!.name, items[1]!.name, items[0]!.name]);
    // New York (UTC-4): it is still the evening of the 16th there, so all five are today's.
    expect(localDayNumber(at, 'America/New_York')).toBe(localDayNumber(new Date(items[0]!.createdAt), 'America/New_York'));
  });

  it('is not fooled by a daylight-saving change: a 23-hour day is still one day', () => {
    // Europe/Paris springs forward on 2026-03-29: backups at 00:30 and 23:30 local are both that day.
    const now = new Date('2026-03-30T10:00:00Z');
    const items = [
      item('scheduled', '2026-03-28T23:30:00Z'), // 00:30 CET on the 29th
      item('scheduled', '2026-03-29T21:30:00Z'), // 23:30 CEST on the 29th
      item('scheduled', '2026-03-28T22:30:00Z'), // 23:30 CET on the 28th
    ];
    const pruned = backupsToPrune(items, { now, timeZone: 'Europe/Paris' });
    expect(pruned).toEqual([items[0]!.name]);
  });

  it('keeps backups dated after now (the clock was set back) and does not count them for today', () => {
    const items = [
      item('scheduled', now.getTime() + 5 * HOUR),
      ...[1, 2, 3, 4].map((h) => item('scheduled', now.getTime() - h * HOUR)),
    ];
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    expect(pruned).toEqual([items[4]!.name]);
  });
});

describe('retention: the other kinds', () => {
  const now = new Date('2026-06-17T15:00:00Z');

  it('keeps the last 10 pre-migration and the last 10 upgrade backups', () => {
    const items = [...Array(12).keys()].flatMap((i) => [item('pre-migration', now.getTime() - i * DAY), item('upgrade', now.getTime() - i * DAY - HOUR)]);
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    expect(pruned.sort()).toEqual([items[20]!.name, items[21]!.name, items[22]!.name, items[23]!.name].sort());
  });

  it('keeps the last 5 before-* and export backups of each kind, and any younger than 7 days', () => {
    const kinds: BackupKind[] = ['before-empty', 'before-import', 'before-restore', 'export'];
    const items = kinds.flatMap((kind) => [...Array(9).keys()].map((i) => item(kind, now.getTime() - i * 2 * DAY)));
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    // Of each kind: index 0-4 are the last 5; 5-8 are 10, 12, 14, 16 days old: all older than 7 days, pruned.
    expect(pruned).toHaveLength(16);
    const young = kinds.flatMap((kind) => [...Array(9).keys()].map((i) => item(kind, now.getTime() - i * HOUR)));
    expect(backupsToPrune(young, { now, timeZone: 'UTC' })).toEqual([]);
  });

  it('never prunes manual backups', () => {
    const items = [...Array(100).keys()].map((i) => item('manual', now.getTime() - i * 7 * DAY));
    expect(backupsToPrune(items, { now, timeZone: 'UTC' })).toEqual([]);
  });

  it('never prunes the newest verified backup, even when its kind\'s rule would', () => {
    // The only verified backup is a 2-month-old scheduled one; the newer ones are damaged.
    const old = item('scheduled', now.getTime() - 60 * DAY);
    const damaged = [1, 2].map((d) => item('scheduled', now.getTime() - d * HOUR, 'damaged'));
    expect(backupsToPrune([old, ...damaged], { now, timeZone: 'UTC' })).toEqual([]);
  });

  it('never prunes damaged backups and gives them no slot', () => {
    const items = [
      item('scheduled', now.getTime() - HOUR, 'damaged'),
      ...[2, 3, 4, 5].map((h) => item('scheduled', now.getTime() - h * HOUR)),
    ];
    const pruned = backupsToPrune(items, { now, timeZone: 'UTC' });
    expect(pruned).toEqual([items[4]!.name]);
  });

  it('gives backups still being checked no slot and never prunes them: only verified ones count as safety', () => {
    const items = [
      item('scheduled', now.getTime() - HOUR, 'copied'),
      item('scheduled', now.getTime() - 2 * HOUR, 'copied'),
      ...[3, 4, 5, 6].map((h) => item('scheduled', now.getTime() - h * HOUR)),
    ];
    // Three verified ones are kept for today beside the two unchecked; only the fourth verified one goes.
    expect(backupsToPrune(items, { now, timeZone: 'UTC' })).toEqual([items[5]!.name]);
  });

  it('keeps the newest verified backup when every newer one is unchecked or damaged', () => {
    const old = item('before-import', now.getTime() - 90 * DAY);
    const olderStill = [91, 92, 93, 94, 95].map((d) => item('before-import', now.getTime() - d * DAY));
    const newer = [item('before-import', now.getTime() - DAY, 'copied'), item('before-import', now.getTime() - 2 * DAY, 'damaged')];
    const pruned = backupsToPrune([...newer, old, ...olderStill], { now, timeZone: 'UTC' });
    expect(pruned).not.toContain(old.name);
    expect(pruned).not.toContain(newer[0]!.name);
    expect(pruned).not.toContain(newer[1]!.name);
    expect(pruned).toEqual([olderStill[4]!.name]);
  });

  it('finds Monday for every weekday', () => {
    const monday = localDayNumber(new Date('2026-06-15T12:00:00Z'), 'UTC');
    for (let d = 0; d < 7; d++) expect(weekStart(monday + d)).toBe(monday);
    expect(weekStart(monday - 1)).toBe(monday - 7);
  });
});

describe('schedule', () => {
  const now = new Date('2026-06-17T15:00:00Z');

  it('is due at once with no scheduled backup (the start-up backup)', () => {
    expect(isScheduledBackupDue(now, [], 3)).toBe(true);
  });

  it('is due once the interval has passed since the newest scheduled backup', () => {
    const at = [new Date(now.getTime() - 2 * HOUR).toISOString(), new Date(now.getTime() - 5 * HOUR).toISOString()];
    expect(isScheduledBackupDue(now, at, 3)).toBe(false);
    expect(nextScheduledAt(now, at, 3).toISOString()).toBe('2026-06-17T16:00:00.000Z');
    expect(isScheduledBackupDue(new Date(now.getTime() + HOUR), at, 3)).toBe(true);
    expect(isScheduledBackupDue(now, at, 2)).toBe(true);
  });

  it('ignores backups from the future after the clock was set back', () => {
    const future = new Date(now.getTime() + 10 * HOUR).toISOString();
    expect(isScheduledBackupDue(now, [future], 3)).toBe(true);
    const justTaken = now.toISOString();
    expect(isScheduledBackupDue(new Date(now.getTime() + 60_000), [future, justTaken], 3)).toBe(false);
  });
});
