import { describe, expect, it } from 'vitest';
import { automaticSnapshotsToPrune, automaticSnapshotTime } from './snapshot-retention';

const pre = (n: number) => `tillite-pre-migration-v1-to-v2-2026-01-${String(n).padStart(2, '0')}T10-15-00Z.db`;
const up = (n: number) => `tillite-upgrade-v2-2026-01-${String(n).padStart(2, '0')}T11-00-00Z-0.1.0-to-0.2.0.db`;

describe('automatic snapshot retention', () => {
  it('keeps the ten newest pre-migration and upgrade snapshots together', () => {
    const names = [...Array.from({ length: 8 }, (_, i) => pre(i + 1)), ...Array.from({ length: 6 }, (_, i) => up(i + 10))];
    const pruned = automaticSnapshotsToPrune(names);
    expect(pruned.sort()).toEqual([pre(1), pre(2), pre(3), pre(4)].sort());
  });

  it('never prunes other files: manual backups, pre-restore snapshots, temporary files', () => {
    // Kept intact: everything that is not an automatic snapshot, however old.
    const others = ['tillite-manual-v1-2020-01-01T00-00-00Z.db', 'tillite-pre-restore-v1-2020-01-01T00-00-00Z.db', `${pre(1)}.tmp`, 'notes.txt'];
    const names = [...others, ...Array.from({ length: 12 }, (_, i) => pre(i + 1))];
    const pruned = automaticSnapshotsToPrune(names);
    expect(pruned).toEqual([pre(2), pre(1)]);
    expect(pruned.some((name) => others.includes(name))).toBe(false);
  });

  it('keeps everything at or under the limit, and reads the time from the name', () => {
    expect(automaticSnapshotsToPrune([pre(1), up(2)])).toEqual([]);
    expect(automaticSnapshotTime(up(3))).toBe('2026-01-03T11-00-00Z');
    expect(automaticSnapshotTime('tillite-manual-v1-2026-01-03T11-00-00Z.db')).toBeNull();
  });
});
