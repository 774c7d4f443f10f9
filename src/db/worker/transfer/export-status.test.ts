/** The export reminder's rule: after N days without a copy outside the browser, at most once a day. */
import { describe, expect, it } from 'vitest';
import { reminderDue } from './export-status';

const at = (iso: string) => new Date(iso);
const base = { startedAt: '2030-01-01T00:00:00Z', days: 7, dismissedAt: null, exportedDataAt: null };

describe('the export reminder', () => {
  it('waits N days from the install when nothing was exported, then reminds', () => {
    expect(reminderDue({ ...base, now: at('2030-01-07T23:59:00Z') })).toBe(false);
    expect(reminderDue({ ...base, now: at('2030-01-08T00:00:00Z') })).toBe(true);
  });

  it('counts from the newest exported data', () => {
    const exported = { ...base, exportedDataAt: '2030-02-01T12:00:00Z' };
    expect(reminderDue({ ...exported, now: at('2030-02-05T12:00:00Z') })).toBe(false);
    expect(reminderDue({ ...exported, now: at('2030-02-08T12:00:00Z') })).toBe(true);
    expect(reminderDue({ ...exported, days: 14, now: at('2030-02-08T12:00:00Z') })).toBe(false);
  });

  it('is put off for a day by "later", then comes back', () => {
    const dismissed = { ...base, dismissedAt: '2030-01-10T09:00:00Z' };
    expect(reminderDue({ ...dismissed, now: at('2030-01-11T08:59:00Z') })).toBe(false);
    expect(reminderDue({ ...dismissed, now: at('2030-01-11T09:00:00Z') })).toBe(true);
  });
});
