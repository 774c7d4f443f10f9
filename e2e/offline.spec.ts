import { expect, test } from '@playwright/test';
import { persistentProfile, waitForDb, waitForServiceWorker, writeRow } from './helpers';

test('after one online visit the app loads offline, writes, and keeps the write across reloads', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/status');
    await waitForDb(page);
    await waitForServiceWorker(page);

    await context.setOffline(true);
    // The network really is gone: anything the service worker did not precache fails.
    const reachable = await page.evaluate(() => fetch(`/not-precached-${Date.now()}.txt`).then(() => true, () => false));
    expect(reachable).toBe(false);
    await page.reload();
    await waitForDb(page);
    await writeRow(page, 'sold while offline');
    await expect(page.getByTestId('tally-total')).toHaveText('1');

    await page.reload();
    await waitForDb(page);
    await expect(page.getByTestId('tally-total')).toHaveText('1');
    await expect(page.getByTestId('tally-entries')).toContainText('sold while offline');
  } finally {
    await context.close();
    profile.dispose();
  }
});
