/**
 * Backups as a person meets them in the Data view: the start-up and scheduled backups (with the page's clock
 * driven by Playwright, not real hours), "Back up now" with a description, filters, verify, delete, and a
 * download that an independent SQLite opens, carrying the record of its rows its first check wrote in.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { waitForDb } from './helpers';
import { addProductNamed, expectProducts, openNewShop } from './shop-data';
import { backUpNow, inspectWithPython, openData, row, rows, settle, showData, sqliteValue } from './backup-helpers';
import { withoutPickers } from './transfer-helpers';

test('a scheduled backup is taken at start-up, then again once the interval has passed', async ({ page }) => {
  await page.clock.install({ time: new Date('2030-03-04T08:00:00Z') });
  await openData(page);
  // The start-up backup: no scheduled backup existed.
  await expect(rows(page, 'scheduled')).toHaveCount(1);
  await expect(rows(page, 'scheduled').first()).toHaveAttribute('data-name', /^tillite-scheduled-v\d+-2030-03-04T08-00-\d{2}Z\.db$/);
  await expect(page.getByTestId('next-backup')).not.toHaveText('never');

  // Two hours later nothing is due (the page ticks every minute).
  await page.clock.fastForward('02:00:00');
  await page.clock.fastForward('00:01:00');
  await settle(page);
  await expect(rows(page, 'scheduled')).toHaveCount(1);

  // Past three hours, the next one is taken, named with the clock's time.
  await page.clock.fastForward('01:00:00');
  await expect(rows(page, 'scheduled')).toHaveCount(2);
  await expect(rows(page, 'scheduled').first()).toHaveAttribute('data-name', /2030-03-04T11-0\d-\d{2}Z\.db$/);

  // A reload within the interval takes no start-up backup: the newest is recent enough.
  await page.reload();
  await waitForDb(page);
  await page.clock.fastForward('00:01:00');
  await settle(page);
  await expect(rows(page, 'scheduled')).toHaveCount(2);

  // The interval is configurable: at one hour, the next minute's tick takes one.
  await page.getByTestId('backup-interval').selectOption('1');
  await page.clock.fastForward('01:00:00');
  await expect(rows(page, 'scheduled')).toHaveCount(3);
});

test('"Back up now" with a description, listed newest first with what it holds, filtered by kind', async ({ page }) => {
  await openNewShop(page);
  await addProductNamed(page, 'Flat white');
  await addProductNamed(page, 'Croissant');
  await showData(page);
  const name = await backUpNow(page, 'Before stocktake');
  expect(name).toMatch(/^tillite-manual-v\d+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-before-stocktake\.db$/);

  const first = rows(page).first();
  await expect(first).toHaveAttribute('data-name', name);
  await expect(first).toHaveAttribute('data-state', 'verified');
  await expect(first).toContainText('Before stocktake');
  await expect(first.getByTestId('backup-holds')).toContainText(/\b2 products\b/);
  await expect(page.getByTestId('last-backup')).not.toHaveText('never');
  await expect(page.getByTestId('backup-log').locator('li').first()).toContainText(name);

  await page.getByTestId('kind-filter').selectOption('manual');
  await expect(rows(page)).toHaveCount(1);
  await page.getByTestId('kind-filter').selectOption('scheduled');
  await expect(rows(page, 'manual')).toHaveCount(0);
  await expect(rows(page, 'scheduled')).toHaveCount(1);
  await page.getByTestId('kind-filter').selectOption('');
  await expect(rows(page)).toHaveCount(2);
});

test('verify again, and delete', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
  await openData(page);
  const name = await backUpNow(page, 'keep me');
  await row(page, name).getByTestId('backup-verify').click();
  await expect(page.getByTestId('data-message')).toContainText('is whole');
  await expect(page.getByTestId('backup-log').locator('li').first()).toHaveAttribute('data-action', 'verify');
  // The checks ran in the checker worker, off the database worker's thread, and it never gave up.
  expect(page.workers().some((worker) => worker.url().includes('checker-worker'))).toBe(true);
  expect(warnings.filter((text) => /backup checker/.test(text))).toEqual([]);

  await row(page, name).getByTestId('backup-delete').click();
  await row(page, name).getByTestId('backup-delete-confirm').click();
  await expect(row(page, name)).toHaveCount(0);
  // Gone from the list after a reload too: the file and its record went together.
  await page.reload();
  await waitForDb(page);
  await expect(rows(page, 'scheduled')).toHaveCount(1);
  await expect(row(page, name)).toHaveCount(0);
});

test('a downloaded backup opens in an independent SQLite and passes integrity_check', async ({ page }) => {
  // A browser without the save picker: the backup goes to the downloads (transfer.spec.ts covers the picker).
  await withoutPickers(page);
  await openNewShop(page);
  for (const name of ['a', 'b', 'c']) await addProductNamed(page, name);
  await showData(page);
  const name = await backUpNow(page);
  // Its first check writes the record of its rows into it (OPFS's move replacing the file as written).
  await expect(row(page, name)).toHaveAttribute('data-state', 'verified');
  const [download] = await Promise.all([page.waitForEvent('download'), row(page, name).getByTestId('backup-download').click()]);
  expect(download.suggestedFilename()).toBe(name);
  const path = await download.path();
  const checked = inspectWithPython(path);
  expect(checked).toEqual({ integrity: 'ok', products: ['a', 'b', 'c'], applicationId: 0x54494c4c });
  const manifest = JSON.parse(sqliteValue(path, "SELECT value FROM app_meta WHERE key = 'manifest'")) as { tables: Record<string, { rows: number }> };
  expect(manifest.tables.products?.rows).toBe(3);
  expect(manifest.tables.sales?.rows).toBe(Number(sqliteValue(path, 'SELECT count(*) FROM sales')));
  // A plain rollback-journal file: no -wal is needed beside it (header bytes 18 and 19 are 1, not 2).
  const header = readFileSync(path).subarray(0, 20);
  expect([header[18], header[19]]).toEqual([1, 1]);

  // The live database is untouched by the backup and the download.
  await expectProducts(page, ['a', 'b', 'c']);
});
