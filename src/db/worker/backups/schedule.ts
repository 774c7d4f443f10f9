/**
 * When the next scheduled backup is due: a pure function of the time, the scheduled backups and the interval,
 * so the scheduler can be driven by any clock (the UI's, which Playwright's `page.clock` controls in tests).
 */

/** The default interval between scheduled backups. */
export const DEFAULT_INTERVAL_HOURS = 3;
/** The smallest and largest interval a person may set. */
export const MIN_INTERVAL_HOURS = 0.25;
export const MAX_INTERVAL_HOURS = 24 * 7;

/**
 * The time the next scheduled backup is due. Counts from the newest scheduled backup that is not after `now`:
 * when the clock was set back, backups "from the future" are ignored, or none would be taken until the clock
 * caught up with them. With no such backup, one is due now (this also gives the start-up backup).
 */
export function nextScheduledAt(now: Date, scheduledAt: readonly string[], intervalHours: number): Date {
  const nowMs = now.getTime();
  let newest = -Infinity;
  for (const at of scheduledAt) {
    const ms = Date.parse(at);
    if (ms <= nowMs && ms > newest) newest = ms;
  }
  if (newest === -Infinity) return now;
  return new Date(newest + intervalHours * 3_600_000);
}

/** True when a scheduled backup should be taken at `now`. */
export function isScheduledBackupDue(now: Date, scheduledAt: readonly string[], intervalHours: number): boolean {
  return nextScheduledAt(now, scheduledAt, intervalHours).getTime() <= now.getTime();
}
