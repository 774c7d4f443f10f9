/**
 * The register's product list shows the stock a sale left, in the tab that sold and in another tab, without the
 * cashier searching again: a sale's change carries its products' new stock and the list patches its rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForDb } from './helpers';
import { loadSampleShop } from './transfer-helpers';
import { payWith, receiptNumber } from './till-helpers';

/** The stock the register's tile for `name` shows now (the search that shows it is left as it is). */
async function shownStock(page: Page, name: string): Promise<number> {
  const text = (await page.getByTestId('product-tile').filter({ hasText: name }).first().textContent()) ?? '';
  return Number(/(-?\d+) in stock/.exec(text)?.[1]);
}

test('after a sale both registers show the sold product\'s new stock without searching again', async ({ context }) => {
  const a = await context.newPage();
  await loadSampleShop(a);
  const b = await context.newPage();
  await b.goto('/');
  await waitForDb(b);
  await b.getByTestId('register-search').fill('Green tea');
  await a.getByTestId('register-search').fill('Green tea');
  const tile = a.getByTestId('product-tile').filter({ hasText: 'Green tea' }).first();
  await expect(tile).toContainText('in stock');
  const before = await shownStock(a, 'Green tea');
  expect(await shownStock(b, 'Green tea')).toBe(before);

  await tile.click();
  await tile.click();
  await expect(a.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
  await payWith(a, 'card');
  expect(await receiptNumber(a)).toBeGreaterThan(0);

  await expect.poll(() => shownStock(a, 'Green tea')).toBe(before - 2);
  await expect.poll(() => shownStock(b, 'Green tea')).toBe(before - 2);
  // Neither search field was touched: the lists were patched, not searched again by the cashier.
  await expect(a.getByTestId('register-search')).toHaveValue('Green tea');
  await expect(b.getByTestId('register-search')).toHaveValue('Green tea');
});
