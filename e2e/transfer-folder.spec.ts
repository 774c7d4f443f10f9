/**
 * Copies of scheduled backups in a folder the user chose (a real directory handle from OPFS stands in for the
 * picked folder, so the worker's real write code runs), and the reminder to save a copy outside the browser, with
 * the page's clock driven by Playwright.
 *
 * Kept intact: files in the folder that are not Tillite's scheduled backups are never touched; each copy is the
 * backup's exact bytes.
 */
import { expect, test, type Page } from '@playwright/test';
import { openData, rows } from './backup-helpers';
import { opfsFiles } from './helpers';
import { opfsPickers } from './transfer-helpers';

/** SHA-256 of an OPFS file, hex, computed in the page. */
function sha(page: Page, dir: string, name: string): Promise<string> {
  return page.evaluate(
    async ({ dir, name }) => {
      const file = await (await (await (await navigator.storage.getDirectory()).getDirectoryHandle(dir)).getFileHandle(name)).getFile();
      const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    },
    { dir, name },
  );
}

/** Writes a small file into OPFS `dir/name` from the page. */
function putText(page: Page, dir: string, name: string, text: string): Promise<void> {
  return page.evaluate(
    async ({ dir, name, text }) => {
      const target = await (await navigator.storage.getDirectory()).getDirectoryHandle(dir, { create: true });
      const writable = await (await target.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    { dir, name, text },
  );
}

test('a chosen folder gets a copy of every scheduled backup, pruned by the same rule; other files there are left alone', async ({ page }) => {
  await page.clock.install({ time: new Date('2030-03-04T08:00:00Z') });
  await opfsPickers(page);
  await openData(page);
  await expect(rows(page, 'scheduled')).toHaveCount(1);
  await expect(page.getByTestId('folder-none')).toBeVisible();
  // What was in the folder before: an old scheduled backup (two months old: the rule prunes it) and a note.
  const stale = 'tillite-scheduled-v2-2030-01-04T08-00-00Z.db';
  await putText(page, 'chosen-folder', stale, 'an old copy');
  await putText(page, 'chosen-folder', 'shopping-list.txt', 'milk');

  await page.getByTestId('folder-choose').click();
  await expect(page.getByTestId('folder-name')).toHaveText('chosen-folder');
  const first = (await rows(page, 'scheduled').first().getAttribute('data-name'))!;
  await expect(page.getByTestId('folder-last-copy')).toContainText(first);
  expect(await opfsFiles(page, 'chosen-folder')).toEqual([first, 'shopping-list.txt'].sort());
  expect(await sha(page, 'chosen-folder', first)).toBe(await sha(page, 'backups', first));

  // The next scheduled backup, three hours later, is copied too.
  await page.clock.fastForward('03:01:00');
  await expect(rows(page, 'scheduled')).toHaveCount(2);
  const second = (await rows(page, 'scheduled').first().getAttribute('data-name'))!;
  await expect(page.getByTestId('folder-last-copy')).toContainText(second);
  expect(await opfsFiles(page, 'chosen-folder')).toEqual([first, second, 'shopping-list.txt'].sort());
  expect(await sha(page, 'chosen-folder', second)).toBe(await sha(page, 'backups', second));
  await expect(page.getByTestId('backup-log').locator('li[data-action="folder"][data-ok="true"]').first()).toContainText('chosen-folder');

  await page.getByTestId('folder-stop').click();
  await expect(page.getByTestId('folder-none')).toBeVisible();
  expect(await opfsFiles(page, 'chosen-folder')).toEqual([first, second, 'shopping-list.txt'].sort());
});

const HOUR = 3_600_000;
const MINUTE = 60_000;

test('after 7 days without a copy outside the browser the app reminds, at most once a day, until one is saved', async ({ page }) => {
  await page.clock.install({ time: new Date('2030-03-04T08:00:00Z') });
  await opfsPickers(page);
  await openData(page);
  await expect(page.getByTestId('last-export')).toHaveText('never');
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);

  await page.clock.fastForward(7 * 24 * HOUR + MINUTE);
  await expect(page.getByTestId('export-reminder')).toBeVisible();
  await page.getByTestId('export-reminder-later').click();
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await page.clock.fastForward(12 * HOUR);
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await page.clock.fastForward(12 * HOUR + MINUTE);
  await expect(page.getByTestId('export-reminder')).toBeVisible();

  // Saving a copy from the reminder quiets it, and the Data view shows when.
  await page.getByTestId('export-reminder-download').click();
  await expect(page.getByTestId('export-reminder-result')).toHaveText('Saved 1.db');
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await expect(page.getByTestId('last-export')).toContainText('2030');

  // The age is configurable: at 1 day, the reminder is back a day later.
  await page.getByTestId('export-reminder-days').selectOption('1');
  await page.clock.fastForward(24 * HOUR + MINUTE);
  await expect(page.getByTestId('export-reminder')).toBeVisible();
});
