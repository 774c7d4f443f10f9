/**
 * The update flow never interrupts a sale: while a cart holds lines the waiting version is offered only as
 * "Update after this sale"; once the sale is complete, "Update now" reloads onto the new version, and the sale
 * made on the old version is there.
 */
import { expect, test } from '@playwright/test';
import { PORT } from '../playwright.config';
import { buildApp, launchProfile, removeBuilds, serveBuild } from './app-builds';
import { persistentProfile, waitForDb, waitForServiceWorker } from './helpers';
import { addProduct, cartSaved, complete, pay, scan, setUpShop, tender } from './pos';

// Every spec that serves builds of its own has its own port (see README): two may run at once.
const SERVER_PORT = PORT + 5;
let v1 = '';
let v2 = '';

test.beforeAll(() => {
  v1 = buildApp('sale-v1', '0.1.0');
  v2 = buildApp('sale-v2', '0.2.0');
});
test.afterAll(() => removeBuilds());

test('a waiting update is held back while a sale is in progress, then applied', async () => {
  test.setTimeout(180_000);
  const server = await serveBuild(SERVER_PORT, v1);
  const profile = persistentProfile();
  const context = await launchProfile(profile.dir, { serviceWorkers: 'allow' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForDb(page);
    await waitForServiceWorker(page);
    await setUpShop(page, { name: 'Update Corner', currency: 'EUR', included: true, tax: '20' });
    await addProduct(page, { name: 'Espresso', barcode: '4006381333931', price: '2.10', stock: '50' });
    await page.getByRole('link', { name: 'Register' }).click();
    await scan(page, '4006381333931');
    await cartSaved(page);

    // The host deploys the next version; the browser finds it when the page is loaded again.
    server.switchTo(v2);
    await page.reload();
    await waitForDb(page);
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    // The sale in progress is kept (the cart survived the reload) and the update waits for it.
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(banner.getByRole('button')).toHaveText('Update after this sale');
    await expect(banner.getByRole('button')).toBeDisabled();

    await pay(page);
    await tender(page, 'card');
    await complete(page);
    await page.keyboard.press('Escape');
    await expect(banner.getByRole('button')).toHaveText('Update now');
    // Every tab reloads onto the new version; the sale made just before is there.
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button').click()]);
    await page.goto(`${server.url}status`);
    await waitForDb(page);
    await expect(page.getByTestId('app-version')).toHaveText('0.2.0');
    await page.goto(`${server.url}sales`);
    await expect(page.getByTestId('sale-row')).toHaveCount(1);
  } finally {
    await context.close();
    await server.close();
    profile.dispose();
  }
});
