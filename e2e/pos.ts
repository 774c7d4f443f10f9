/** What a cashier does, step by step, for the point-of-sale specs: set up, add products, scan, pay. */
import { expect, type Page } from '@playwright/test';
import { waitForDb, waitForServiceWorker } from './helpers';

/** Opens the app once online, lets the service worker take control, then cuts the network. */
export async function openOffline(page: Page): Promise<void> {
  await page.goto('/');
  await waitForDb(page);
  // The service worker claims the page once it has precached the app; from then on the app loads offline.
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await page.reload();
  await waitForDb(page);
}

/** Fills the first-run setup (`locale` and `cashStep`: the values of their selects; the defaults when absent). */
export async function setUpShop(
  page: Page,
  shop: { name: string; currency: string; included: boolean; tax: string; locale?: string; cashStep?: string },
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Tillite' })).toBeVisible();
  await page.getByTestId('shop-name').fill(shop.name);
  await page.getByTestId('shop-address').fill('1 High Street, Testville');
  await page.getByTestId('shop-phone').fill('+44 1234 567890');
  await page.getByTestId('shop-tax-number').fill('GB999999973');
  await page.getByTestId('shop-currency').fill(shop.currency);
  await page.getByTestId('shop-prices').selectOption(shop.included ? 'yes' : 'no');
  await page.getByTestId('shop-tax').fill(shop.tax);
  if (shop.locale !== undefined) await page.getByTestId('shop-locale').selectOption(shop.locale);
  if (shop.cashStep !== undefined) await page.getByTestId('shop-cash-step').selectOption(shop.cashStep);
  await page.getByTestId('shop-save').click();
  await expect(page.getByTestId('register-search')).toBeVisible();
}

/** Adds a product through the catalogue's form. */
export async function addProduct(page: Page, p: { name: string; barcode: string; price: string; tax?: string; stock: string }): Promise<void> {
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await page.getByTestId('product-new').click();
  await page.getByTestId('product-name').fill(p.name);
  await page.getByTestId('product-barcode').fill(p.barcode);
  await page.getByTestId('product-price').fill(p.price);
  if (p.tax !== undefined) await page.getByTestId('product-tax').fill(p.tax);
  await page.getByTestId('product-stock').fill(p.stock);
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-row').filter({ hasText: p.name })).toBeVisible();
}

/** Scans like a barcode scanner: fast keys and Enter, with the focus on no field. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Waits until the cart is safely in the database. */
export async function cartSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
}

/** Opens the payment dialog. */
export async function pay(page: Page): Promise<void> {
  await page.getByTestId('pay').click();
  await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
}

/** Adds a tender of `amount` with `method` in the payment dialog. */
export async function tender(page: Page, method: 'cash' | 'card' | 'other', amount?: string): Promise<void> {
  if (amount !== undefined) await page.getByTestId('tender-amount').fill(amount);
  await page.getByTestId(`tender-${method}`).click();
}

/** Completes the sale and waits for its receipt. */
export async function complete(page: Page): Promise<void> {
  await page.getByTestId('complete-sale').click();
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
}

/**
 * Rings up `codes` (scanned), waits until every scanned line is in the cart (a scan lands a moment after its
 * keystrokes), pays with `tenders` (each a method and an amount, or the rest), completes and starts a new sale.
 */
export async function sellScanned(page: Page, codes: string[], tenders: [('cash' | 'card'), string?][]): Promise<void> {
  for (const code of codes) await scan(page, code);
  await expect(page.getByTestId('cart-line')).toHaveCount(new Set(codes).size);
  await pay(page);
  for (const [method, amount] of tenders) await tender(page, method, amount);
  await complete(page);
  await page.getByTestId('new-sale').click();
}
