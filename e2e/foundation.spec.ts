import { expect, test } from '@playwright/test';
import { waitForDb, writeRow } from './helpers';

test('the status page shows the database answering through the worker', async ({ page }) => {
  await page.goto('/status');
  await waitForDb(page);
  await expect(page.getByTestId('sqlite-version')).toHaveText(/^3\.\d+\.\d+$/);
  await expect(page.getByTestId('vfs')).toContainText('tillite-sahpool (wal journal)');
  await expect(page.getByTestId('schema-version')).not.toHaveText('0');
  await writeRow(page, 'first');
  await expect(page.getByTestId('tally-total')).toHaveText('1');
});
