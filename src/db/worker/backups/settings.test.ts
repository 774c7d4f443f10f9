import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fromLooseKeys, normalizeSettings } from './settings';

describe("the worker's settings record", () => {
  it('starts from the defaults when nothing, or something unreadable, was stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ backupIntervalHours: 'six', exportReminder: { reminderDays: null } })).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every field that was stored with the right type, and defaults the rest', () => {
    const stored = normalizeSettings({
      backupIntervalHours: 6,
      folder: { lastCopy: { at: '2026-11-30T10:00:00.000Z', name: 'a.db' }, problem: 'paused' },
      exportReminder: { reminderDays: 14 },
    });
    expect(stored.backupIntervalHours).toBe(6);
    expect(stored.folder).toEqual({ lastCopy: { at: '2026-11-30T10:00:00.000Z', name: 'a.db' }, problem: 'paused' });
    expect(stored.exportReminder).toEqual({ ...DEFAULT_SETTINGS.exportReminder, reminderDays: 14 });
  });

  it('carries the six loose keys of the old store over, so an upgraded shop keeps its schedule and reminder', () => {
    const old: Record<string, unknown> = {
      intervalHours: 12,
      folderCopies: { lastCopy: null, problem: 'The folder is gone.' },
      exportClockStartedAt: '2026-11-01T00:00:00.000Z',
      lastExport: { at: '2026-11-20T09:00:00.000Z', name: 'x.db', dataAt: '2026-11-20T08:59:00.000Z' },
      exportReminderDays: 3,
      exportReminderDismissedAt: '2026-11-25T09:00:00.000Z',
      'request:0194': { restored: 'ignored' },
    };
    expect(fromLooseKeys((key) => old[key])).toEqual({
      version: 1,
      backupIntervalHours: 12,
      folder: { lastCopy: null, problem: 'The folder is gone.' },
      exportReminder: {
        startedAt: '2026-11-01T00:00:00.000Z',
        lastExport: { at: '2026-11-20T09:00:00.000Z', name: 'x.db', dataAt: '2026-11-20T08:59:00.000Z' },
        reminderDays: 3,
        dismissedAt: '2026-11-25T09:00:00.000Z',
      },
    });
  });
});
