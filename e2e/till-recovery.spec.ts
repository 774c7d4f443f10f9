/**
 * The recovery screen in a shop owner's words: it says what happened, leads with the one action that fixes it
 * (restore the newest verified backup, described by its sales and products), offers the download of the
 * damaged file second, and keeps the SQLite message in small print at the end.
 */
import { expect, test } from '@playwright/test';
import { backUpNow, damageLiveDatabase, showData } from './backup-helpers';
import { waitForDb } from './helpers';
import { openSampleShop, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape });

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

test('a damaged database: what happened first, then restore the newest backup, then keep the damaged file', async ({ page }) => {
  await openSampleShop(page);
  await showData(page);
  const backup = await backUpNow(page, 'before closing');
  await page.goto('/icons/favicon.svg'); // same origin, no app: the worker lets go of the files
  await damageLiveDatabase(page, 'whole');
  await page.goto('/');

  const screen = page.getByTestId('recovery');
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Your shop’s data could not be opened');
  await expect(screen).toContainText('is damaged, so Tillite stopped before using it');
  const newest = page.getByTestId('recovery-newest');
  await expect(newest).toHaveAttribute('data-name', backup);
  // What the backup holds in plain words: its sales (the sample shop's 15) and products (40), no table counts.
  await expect(newest).toContainText(/^Manual backup( “[^”]+”)? of (today|yesterday) \d\d:\d\d( [AP]M)? · 15 sales, the last one .+ · 40 products$/);
  await expect(newest).not.toContainText('rows');

  // The fix comes before the download, and the technical message is last, in small print.
  const order = await screen.evaluate((root) =>
    ['recovery-restore-newest', 'export-live', 'recovery-reason'].map((id) => {
      const el = root.querySelector(`[data-testid="${id}"]`)!;
      return [...root.querySelectorAll('[data-testid]')].indexOf(el);
    }),
  );
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await expect(page.getByTestId('recovery-reason')).toContainText('SQLITE_');
  await expect(page.locator('small').getByTestId('recovery-reason')).toBeVisible();

  await page.getByTestId('recovery-restore-newest').click();
  await waitForDb(page);
  await expect(page.getByTestId('register-search')).toBeVisible();
});
