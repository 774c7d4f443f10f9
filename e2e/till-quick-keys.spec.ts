/**
 * Quick keys: the owner pins products (found through the search) and orders them; the register then opens on
 * them, by category tab; out-of-stock and negative stock are marked; a key works with the keyboard; the grid
 * fits at all four sizes without sideways scrolling.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForDb } from './helpers';
import { expectInViewport, expectNoSidewaysScroll, openSampleShop, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape, locale: 'en-GB' });
test.describe.configure({ timeout: 180_000 });

async function pin(page: Page, name: string): Promise<void> {
  await page.getByTestId('register-search').fill(name);
  await page.getByRole('button', { name: `Pin ${name}` }).click();
  await expect(page.getByRole('button', { name: `Unpin ${name}` })).toBeVisible();
}

async function setStock(page: Page, name: string, stock: string): Promise<void> {
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await page.getByTestId('product-row').filter({ hasText: name }).getByRole('button', { name }).click();
  await page.getByTestId('product-stock').fill(stock);
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-row').filter({ hasText: name })).toContainText(stock);
}

test('the owner pins and orders quick keys; the register opens on them, by category, with stock marked', async ({ page }) => {
  await openSampleShop(page);
  // Without any pinned, the register shows the catalogue it always did; the quick keys hold the best sellers.
  await expect(page.getByTestId('show-all-products')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('show-quick-keys').click();
  const keys = page.getByTestId('quick-key');
  await expect(keys).toHaveCount(24);
  await expect(keys.locator('[data-pinned]')).toHaveCount(0);

  await page.getByTestId('quick-arrange').click();
  await pin(page, 'Baguette');
  await pin(page, 'Butter 250 g');
  await pin(page, 'Honey 250 g');
  await page.getByTestId('show-quick-keys').click();
  await expect(keys.nth(0)).toContainText('Baguette');
  await expect(keys.nth(1)).toContainText('Butter 250 g');
  await expect(keys.nth(2)).toContainText('Honey 250 g');
  await page.getByRole('button', { name: 'Move Butter 250 g earlier' }).click();
  await expect(keys.nth(0)).toContainText('Butter 250 g');
  await expect(keys.nth(1)).toContainText('Baguette');
  await page.getByRole('button', { name: 'Unpin Honey 250 g' }).click();
  await expect(page.locator('[data-testid="quick-key"][data-pinned]')).toHaveCount(2);
  await page.getByTestId('quick-arrange').click();

  await setStock(page, 'Baguette', '0');
  await setStock(page, 'Butter 250 g', '-2');
  // Back at the register (a fresh view): it opens on the quick keys, in the owner's order, stock marked.
  await page.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByTestId('show-quick-keys')).toHaveAttribute('aria-pressed', 'true');
  await expect(keys.nth(0)).toContainText('Butter 250 g');
  await expect(keys.nth(0).getByTestId('tile-stock')).toHaveAttribute('data-level', 'negative');
  await expect(keys.nth(0).getByTestId('tile-stock')).toHaveText('⚠ -2 in stock (count it)');
  await expect(keys.nth(1).getByTestId('tile-stock')).toHaveText('Out of stock');

  // From the keyboard: Tab reaches a key, Enter adds it.
  await keys.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText('Baguette');

  // A category tab shows its own keys, pinned first.
  await page.getByTestId('quick-tab').filter({ hasText: 'Bakery' }).click();
  await expect(keys.nth(0)).toContainText('Baguette');
  await expect(keys.filter({ hasText: 'Butter 250 g' })).toHaveCount(0);
  await expect(keys).toHaveCount(6);
  await page.getByTestId('quick-tab').filter({ hasText: 'Grocery' }).click();
  await expect(keys.nth(0)).toContainText('Butter 250 g');

  // Kept across a reload: they live in the database.
  await page.reload();
  await waitForDb(page);
  await expect(keys.nth(0)).toContainText('Butter 250 g');
});

for (const [label, size] of Object.entries(SIZES)) {
  test(`the quick keys fit at ${label} (${size.width}×${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSampleShop(page);
    await page.getByTestId('show-quick-keys').click();
    await expect(page.getByTestId('quick-key').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectInViewport(page, page.getByTestId('quick-key').first());
    await expectInViewport(page, page.getByTestId('pay'));
    const tab = page.getByTestId('quick-tab').first();
    const box = (await tab.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
  });
}
