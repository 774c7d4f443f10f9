import { expect, test } from '@playwright/test';
import { persistentProfile, waitForDb } from './helpers';
import { addProductNamed, expectProducts, openNewShop } from './shop-data';

test('data written survives closing and reopening the browser', async () => {
  const profile = persistentProfile();
  try {
    let context = await profile.open();
    let page = context.pages()[0] ?? (await context.newPage());
    await openNewShop(page);
    await addProductNamed(page, 'before the restart');
    await addProductNamed(page, 'just before closing');
    await context.close(); // the whole browser goes away, as when the shop's computer is shut down

    context = await profile.open();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForDb(page);
    await expectProducts(page, ['before the restart', 'just before closing']);
    await context.close();
  } finally {
    profile.dispose();
  }
});

test('the status area reports storage persistence, use and quota', async ({ page }) => {
  await page.goto('/status');
  await waitForDb(page);
  // Headless Chromium refuses persistence; the page must say so rather than pretend.
  await expect(page.getByTestId('storage-persisted')).toContainText(/^(Yes|No)/);
  await expect(page.getByTestId('storage-usage')).toHaveText(/\d/);
  await expect(page.getByTestId('storage-quota')).toHaveText(/\d+(\.\d)? (MiB|GiB|TiB)/);
});
