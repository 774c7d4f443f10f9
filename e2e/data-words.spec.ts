/**
 * The Data page in a shop owner's words, as a person reads it in real Chromium: what is safe and since when at
 * the top with "Back up now" first, each backup by what it holds (plurals right, sizes in kB/MB, no file names,
 * schema versions, byte counts or "rows in tables"), the actions that replace or remove the data apart at the
 * end, and a restore that names the sales it would take away and its undo.
 */
import { expect, test } from '@playwright/test';
import { backUpNow, openData, rows, showData } from './backup-helpers';
import { addByName, payWith, receiptNumber } from './till-helpers';
import { openSampleShop } from './till';
import { exportByDownload, withoutPickers } from './transfer-helpers';
import { addProductNamed, openNewShop } from './shop-data';

test('the Data page says what is safe, what each backup holds, and keeps the dangerous actions apart', async ({ page }) => {
  test.setTimeout(180_000);
  await withoutPickers(page);
  await openSampleShop(page);
  await openData(page);

  const summary = page.getByTestId('safety-summary');
  await expect(summary.getByTestId('safe-outside')).toHaveText('Copy outside this browser: never');
  // The one action most people need first is in the summary, before anything else on the page.
  await expect(summary.getByTestId('backup-now')).toBeVisible();
  const note = await backUpNow(page, 'before lunch');
  await expect(summary.getByTestId('safe-backup')).toContainText(/Last checked backup: today \d/);
  await expect(page.getByTestId('data-message')).toContainText('Backed up: Manual backup “before lunch” of today');

  const manual = rows(page, 'manual').first();
  await expect(manual).toHaveAttribute('data-name', note);
  const holds = (await manual.getByTestId('backup-holds').textContent()) ?? '';
  expect(holds).toMatch(/^[\d,]+ sales, the last one (today|yesterday|\w{3} \d+, \d{4}) .* · [\d,]+ products$/);
  await expect(manual.getByTestId('backup-state')).toContainText(/^Checked today \d/);
  await expect(manual).toContainText(/\d+(\.\d)? (kB|MB)/);

  await exportByDownload(page);
  await expect(summary.getByTestId('safe-outside')).toContainText(/Copy outside this browser: today \d/);

  // No jargon anywhere a person reads (the technical log stays folded away): backups' file names, schema versions,
  // raw byte counts, "rows in tables", binary units. (The download's own name, tillite-backup-….db, is what the
  // person finds in their downloads folder, so the message about it may say it.)
  const text = await page.locator('section.data').innerText();
  expect(text).not.toMatch(/tillite-(?!backup-\d)[\w-]+\.db|schema version|\d+ bytes|rows in \d+ tables|KiB|MiB/i);

  // Restore from a file and emptying come after the everyday parts, under their own heading.
  const danger = page.locator('section.danger-zone');
  await expect(danger.getByRole('heading', { name: 'Replace or remove the data' })).toBeVisible();
  await expect(danger.getByTestId('import-pick')).toBeVisible();
  await expect(danger.getByTestId('empty-confirm')).toBeVisible();
  const order = await page.evaluate(() => {
    const at = (selector: string) => [...document.querySelectorAll('*')].indexOf(document.querySelector(selector)!);
    return { summary: at('[data-testid="safety-summary"]'), list: at('[data-testid="backup-list"]'), danger: at('section.danger-zone') };
  });
  expect(order.summary).toBeLessThan(order.list);
  expect(order.list).toBeLessThan(order.danger);

  // Two sales after the backup: the restore dialog names them as what the till would no longer show, and the undo.
  await page.getByRole('link', { name: 'Register' }).click();
  for (const name of ['Espresso', 'Croissant']) {
    await addByName(page, name);
    await payWith(page, 'card');
    await receiptNumber(page);
  }
  await showData(page);
  await rows(page, 'manual').first().getByTestId('backup-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByTestId('restore-lost')).toContainText(/^The 2 sales made after .* are not in this backup: after the restore the till will not show them\.$/);
  await expect(dialog).toContainText('so you can undo this restore (and get those sales back) with one click');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

});

test('a backup of one product says "1 product", of two "2 products"', async ({ page }) => {
  await openNewShop(page);
  await addProductNamed(page, 'Only one');
  await showData(page);
  await backUpNow(page, 'one');
  await expect(rows(page, 'manual').first().getByTestId('backup-holds')).toHaveText('no sales · 1 product');
  await addProductNamed(page, 'And another');
  await showData(page);
  await backUpNow(page, 'two');
  await expect(rows(page, 'manual').first().getByTestId('backup-holds')).toHaveText('no sales · 2 products');
});
