/**
 * Every view at the four sizes a till runs on: on the register the total and Pay stay on screen with a full
 * cart (and with a banner showing), nothing scrolls sideways, touch targets are at least 44 px, product tiles
 * hold their whole text, and an unknown address says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { euro, expectInViewport, expectNoSidewaysScroll, openSampleShop, sample, scanInto, SIZES, smallTouchTargets } from './till';

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

const VIEWS = ['/', '/sales', '/catalog', '/shop', '/data', '/status', '/no-such-page'];

/** Six lines in the cart, more than fit beside the total on a tablet: four scanned, two tapped (or all tapped). */
async function fillCart(page: Page, scanning = true): Promise<number> {
  let total = 0;
  for (const name of ['Espresso', 'Cappuccino', 'Croissant', 'Blueberry muffin']) {
    if (scanning) await scanInto(page, sample(name).barcode);
    else await page.getByTestId('product-tile').filter({ hasText: name }).click();
    total += sample(name).price;
  }
  for (const tile of ['Baguette', 'Butter 250 g']) await page.getByTestId('product-tile').filter({ hasText: tile }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(6);
  return total + 150 + 279;
}

async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

for (const [name, size] of Object.entries(SIZES)) {
  test(`every view at ${size.width}×${size.height} (${name}): total and Pay on screen, no sideways scroll, 44 px targets`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleShop(page);
    const total = await fillCart(page);
    await expect(page.getByTestId('cart-total')).toHaveText(euro(total));
    await expectInViewport(page, page.getByTestId('cart-total'));
    await expectInViewport(page, page.getByTestId('pay'));
    await expectInViewport(page, page.getByTestId('register-search'));
    expect(await smallTouchTargets(page), 'controls under 44 px on the register').toEqual([]);

    // The payment and the receipt keep their buttons on screen.
    await page.keyboard.press('F8');
    await expectInViewport(page, page.getByTestId('complete-sale'));
    await expectInViewport(page, page.getByTestId('tender-card'));
    expect(await smallTouchTargets(page), 'controls under 44 px in the payment').toEqual([]);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
    for (const id of ['new-sale', 'print-80', 'print-a4']) await expectInViewport(page, page.getByTestId(id));
    await page.keyboard.press('Enter');

    for (const path of VIEWS) {
      await test.step(path, async () => {
        await go(page, path);
        await expect(page.locator('main h1').first()).toBeVisible();
        await expectNoSidewaysScroll(page);
        expect(await smallTouchTargets(page), `controls under 44 px on ${path}`).toEqual([]);
      });
    }
  });
}

test('with a banner showing at 1024×768 the total and Pay stay on screen', async ({ page }) => {
  await page.clock.install({ time: new Date('2030-03-04T08:00:00Z') });
  await page.setViewportSize(SIZES.tabletLandscape);
  await openSampleShop(page);
  // Taps: under the test's fake clock the page's timers run on fake time, which is not what a scanner meets.
  await fillCart(page, false);
  // A week without a copy outside the browser brings up the reminder banner above every view.
  await page.clock.fastForward(7 * 24 * 3_600_000 + 60_000);
  await expect(page.getByTestId('export-reminder')).toBeVisible();
  await expectInViewport(page, page.getByTestId('cart-total'));
  await expectInViewport(page, page.getByTestId('pay'));
});

test('a product tile holds a two-line name, its price and its stock', async ({ page }) => {
  await page.setViewportSize(SIZES.tabletLandscape);
  await openSampleShop(page);
  for (const name of ['Chopped tomatoes 400 g', 'Extra virgin olive oil 500 ml', 'English breakfast tea']) {
    const tile = page.getByTestId('product-tile').filter({ hasText: name });
    const box = (await tile.boundingBox())!;
    for (const part of [tile.getByText(name), tile.getByTestId('tile-stock')]) {
      const inner = (await part.boundingBox())!;
      expect(inner.y, `${name}: top inside the tile`).toBeGreaterThanOrEqual(box.y);
      expect(inner.y + inner.height, `${name}: bottom inside the tile`).toBeLessThanOrEqual(box.y + box.height);
    }
    // The name is not cut to a sliver: at least one whole line shows.
    expect((await tile.getByText(name).boundingBox())!.height).toBeGreaterThan(18);
  }
});

test('an unknown address says there is no such page and leads back to the register', async ({ page }) => {
  await openSampleShop(page);
  await page.goto('/reports/2026');
  await expect(page.getByRole('heading', { name: 'There is no such page' })).toBeVisible();
  await expect(page.getByTestId('not-found')).toContainText('/reports/2026');
  await expect(page.getByTestId('register-search')).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to the register' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('register-search')).toBeFocused();
});
