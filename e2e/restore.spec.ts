/**
 * Restore and its undo, seen from two tabs; emptying the database and getting it back from the before-empty
 * backup. What is kept intact: every product added before the backup, and (through undo) every one after it.
 */
import { expect, test } from '@playwright/test';
import { waitForDb } from './helpers';
import { backUpNow, restore, row, rows, showData } from './backup-helpers';
import { addProductNamed, expectProducts, openNewShop } from './shop-data';

test('restore a backup in one tab: both tabs show the restored data; undo brings the newer data back', async ({ context }) => {
  const first = await context.newPage();
  await openNewShop(first);
  await addProductNamed(first, 'kept 1');
  await addProductNamed(first, 'kept 2');
  await showData(first);
  const backup = await backUpNow(first, 'two products');

  const later = ['later 1', 'later 2', 'later 3'];
  for (const name of later) await addProductNamed(first, name);
  const second = await context.newPage();
  await second.goto('/');
  await waitForDb(second);
  await expectProducts(second, ['kept 1', 'kept 2', ...later]);

  await showData(first);
  const seen = await restore(first, backup);
  // The confirmation showed what the backup holds and what it replaces.
  expect(seen.backup).toMatch(/\b2 products\b/);
  expect(seen.current).toMatch(/\b5 products\b/);
  await expect(rows(first, 'before-restore')).toHaveCount(1);
  await expect(rows(first, 'before-restore').first().getByTestId('backup-holds')).toContainText(/\b5 products\b/);

  // The other tab refreshes on its own: the two products of the backup, none of the later ones.
  await expectProducts(second, ['kept 1', 'kept 2']);

  // Writes work on the restored database, from either tab.
  await addProductNamed(second, 'after restore');
  await expectProducts(second, ['kept 1', 'kept 2', 'after restore']);

  await first.getByTestId('undo-restore').click();
  await expect(first.getByTestId('data-message')).toContainText('Restore undone');
  await expectProducts(second, ['kept 1', 'kept 2', ...later]);

  // And it survives a restart of the tab that holds the database.
  await first.reload();
  await waitForDb(first);
  await expectProducts(first, ['kept 1', 'kept 2', ...later]);
});

test('empty the database after a typed confirmation, then recover everything from the before-empty backup', async ({ page }) => {
  await openNewShop(page);
  for (const name of ['x', 'y', 'z', 'w']) await addProductNamed(page, name);
  await showData(page);

  const confirm = page.getByTestId('empty-confirm');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('empty-confirm-input').fill('empty');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('empty-confirm-input').fill('EMPTY');
  await confirm.click();
  const result = page.getByTestId('empty-result');
  await expect(result).toContainText('products: 4 rows removed');
  await expect(result).toContainText('shop: 1 rows removed');
  await expect(rows(page, 'before-empty')).toHaveCount(1);
  const snapshot = await rows(page, 'before-empty').first().getAttribute('data-name');
  await expect(row(page, snapshot!).getByTestId('backup-holds')).toContainText(/\b4 products\b/);

  // Nothing is left, not even the shop: the app asks for its details again.
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Tillite' })).toBeVisible();
  await expect(page.locator('.brand')).toHaveText('Tillite');

  await showData(page);
  await restore(page, snapshot!);
  await expect(page.locator('.brand')).toHaveText('Corner Shop');
  await expectProducts(page, ['w', 'x', 'y', 'z']);
});
