/**
 * A file that proves its own contents: an export carries the record of its rows (the manifest). Imported as it
 * was downloaded, the preview says it is exactly as Tillite wrote it. Edited outside (a product's price changed
 * with an independent SQLite, Python's, as a person might in a database tool), the preview names what
 * changed and the import waits until the person says they know; then the edited row is what the till shows.
 * Files go through the real download and the file input (the browsers without pickers).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openData } from './backup-helpers';
import { exportByDownload, importByChooser, loadSampleShop, withoutPickers } from './transfer-helpers';

test('an edited export is named as changed and imported only after the person confirms it', async ({ page }) => {
  test.setTimeout(120_000);
  await withoutPickers(page);
  await loadSampleShop(page);
  await openData(page);
  const exported = await exportByDownload(page);

  // As downloaded: exactly as written, nothing to confirm.
  await importByChooser(page, exported.path);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-manifest')).toHaveAttribute('data-status', 'match');
  await expect(page.getByTestId('import-manifest')).toContainText('exactly as Tillite wrote them');
  await expect(page.getByTestId('import-accept-changed')).toHaveCount(0);
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await page.getByTestId('import-cancel').click();

  // Edited outside Tillite: one product's price, which no check of SQLite or of the shop's arithmetic can see.
  const name = 'Espresso';
  const edit = `
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
price = c.execute("SELECT price FROM products WHERE name = ?", (sys.argv[2],)).fetchone()[0]
c.execute("UPDATE products SET price = ? WHERE name = ?", (price + 1000, sys.argv[2]))
c.commit()
print(price)`;
  const price = Number(execFileSync('python3', ['-c', edit, exported.path, name], { encoding: 'utf8' }).trim());

  await importByChooser(page, exported.path);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  const note = page.getByTestId('import-manifest');
  await expect(note).toHaveAttribute('data-status', 'changed');
  await expect(page.getByTestId('import-changed')).toContainText('This file was changed after Tillite wrote it');
  await expect(page.getByTestId('import-changed')).toContainText('products (');
  await expect(page.getByTestId('import-changed')).not.toContainText('sales (');
  const confirm = page.getByTestId('import-confirm');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('import-accept-changed').check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });

  // The edited price is what the catalogue shows now.
  await page.goto('/catalog');
  const row = page.getByTestId('product-row').filter({ hasText: name });
  await expect(row).toContainText(((price + 1000) / 100).toFixed(2));
});
