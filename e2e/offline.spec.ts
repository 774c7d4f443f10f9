import { expect, test } from '@playwright/test';
import { persistentProfile, waitForDb, waitForServiceWorker } from './helpers';
import { addProductNamed, expectProducts, openNewShop } from './shop-data';

test('after one online visit the app loads offline, writes, and keeps the write across reloads', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openNewShop(page);
    await waitForServiceWorker(page);

    await context.setOffline(true);
    // The network really is gone: anything the service worker did not precache fails.
    const reachable = await page.evaluate(() => fetch(`/not-precached-${Date.now()}.txt`).then(() => true, () => false));
    expect(reachable).toBe(false);
    await page.reload();
    await waitForDb(page);
    await addProductNamed(page, 'added while offline');
    await expectProducts(page, ['added while offline']);

    await page.reload();
    await waitForDb(page);
    await expectProducts(page, ['added while offline']);
  } finally {
    await context.close();
    profile.dispose();
  }
});
