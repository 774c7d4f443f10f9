import { expect, test } from '@playwright/test';
import { waitForDb } from './helpers';
import { addProductNamed, expectProducts, setUpTestShop } from './shop-data';

test('the status page shows the database answering through the worker, and a write through it is read back', async ({ page }) => {
  await page.goto('/status');
  await waitForDb(page);
  await expect(page.getByTestId('sqlite-version')).toHaveText(/^3\.\d+\.\d+$/);
  await expect(page.getByTestId('vfs')).toContainText('tillite-sahpool (wal journal)');
  await expect(page.getByTestId('schema-version')).not.toHaveText('0');
  await setUpTestShop(page);
  await addProductNamed(page, 'first');
  await expectProducts(page, ['first']);
});
