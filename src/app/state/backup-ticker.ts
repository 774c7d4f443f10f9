/**
 * The backup scheduler's heartbeat. Every tab ticks once when the database becomes ready (the start-up
 * backup), every minute, and when it becomes visible again (timers sleep with the device). The leader decides
 * with a pure rule whether a backup is due, so several tabs ticking take one backup, not several.
 *
 * The time sent is this page's clock: Playwright's `page.clock` drives it in tests, no real hours needed.
 */
import type { DbClient } from '../../db/client';

const TICK_MS = 60_000;

/** Starts ticking for the life of the page. */
export function startBackupTicker(client: DbClient): void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const tick = () => {
    if (client.status.state !== 'ready') return;
    // A failed backup is logged and shown by the worker; nothing more to do here.
    client.send('backup.tick', { now: new Date().toISOString() }).catch(() => undefined);
  };
  client.onStatus((status) => {
    if (status.state === 'ready' && !timer) {
      tick();
      timer = setInterval(tick, TICK_MS);
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') tick();
  });
}
