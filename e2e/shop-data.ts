/**
 * The specs' "write something and find it again" step, through the product's real UI: a shop set up with the
 * first-run form, products added with the Catalogue's form, and the Catalogue's list read back as a shop owner
 * reads it. Every write goes the whole way: page, worker (leader or follower), SQLite on OPFS.
 */
import { expect, type Page } from '@playwright/test';
import { waitForDb } from './helpers';
import { setUpShop } from './pos';

/** The shop the specs set up when the app asks for one. */
export const TEST_SHOP = { name: 'Corner Shop', currency: 'EUR', included: true, tax: '20' };

/** Opens `path`, waits for the database and, on a fresh database, fills the first-run setup with {@link TEST_SHOP}. */
export async function openNewShop(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForDb(page);
  await setUpTestShop(page);
}

/**
 * Fills the first-run setup from wherever the page is: the Register asks for the shop's details until they are
 * saved (Status and Data do not), and the setup lands on the Register.
 */
export async function setUpTestShop(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Register' }).click();
  await setUpShop(page, TEST_SHOP);
}

/** Goes to the Catalogue through the navigation (no reload). */
export async function showCatalogue(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByTestId('catalog-count')).toHaveText(/^\d+\+? products?$/);
}

/**
 * Adds a product called `name` (price 1.00) through the Catalogue's form, and waits until the save returned (the
 * dialog closes only then) and the list shows it.
 */
export async function addProductNamed(page: Page, name: string): Promise<void> {
  await showCatalogue(page);
  await page.getByTestId('product-new').click();
  const dialog = page.getByRole('dialog', { name: 'New product' });
  await dialog.getByTestId('product-name').fill(name);
  await dialog.getByTestId('product-price').fill('1.00');
  await dialog.getByTestId('product-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(productNames(page).filter({ hasText: name }).first()).toBeVisible();
}

/** The name cells of the Catalogue's list (active products, ordered by name). */
export const productNames = (page: Page) => page.getByTestId('product-row').locator('td:first-child');

/** Orders names as the Catalogue lists them (SQLite's NOCASE: ASCII letters folded, then code units). */
function catalogueOrder(names: string[]): string[] {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return [...names].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0));
}

/**
 * Goes to the Catalogue and expects exactly these products in it: each name once, none missing, none doubled,
 * nothing else; and the count above the list agrees.
 */
export async function expectProducts(page: Page, names: string[]): Promise<void> {
  await showCatalogue(page);
  await expect(page.getByTestId('catalog-count')).toHaveText(new RegExp(`^${names.length} products?$`));
  await expect(productNames(page)).toHaveText(catalogueOrder(names));
}

/** Goes to the Catalogue and expects it to count `count` products (for catalogues longer than one page of the list). */
export async function expectProductCount(page: Page, count: number, timeout?: number): Promise<void> {
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByTestId('catalog-count')).toHaveText(new RegExp(`^${count} products?$`), { timeout });
}
