/**
 * The shop's own conventions, set in its settings and not taken from the device: a Swiss shop (on an American
 * browser) shows amounts as "CHF 12.35", rounds cash to 5 centimes (up and down) while a card is charged to the
 * centime, and the receipt prints the rounding in German; a German shop on the same browser takes and pre-fills
 * "1.234,50".
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForDb } from './helpers';
import { addProduct, setUpShop } from './pos';
import { scanInto, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape, locale: 'en-US' });
test.describe.configure({ timeout: 180_000 });

const nb = (text: string) => text.replaceAll(' ', '\u00a0');

async function sellFor(page: Page, barcode: string): Promise<void> {
  await page.getByRole('link', { name: 'Register' }).click();
  await scanInto(page, barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F8');
  await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
}

test("a Swiss shop's cash sale rounds to 5 centimes and the receipt says so; a card is charged exactly", async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await setUpShop(page, { name: 'Bäckerei Sutter', currency: 'CHF', included: true, tax: '2.6', locale: 'de-CH' });
  await addProduct(page, { name: 'Zopf', barcode: '7610000000017', price: '12.33', tax: '2.6', stock: '20' });
  await addProduct(page, { name: 'Gipfeli', barcode: '7610000000024', price: '7.02', tax: '2.6', stock: '20' });

  // Cash, rounded up: the dialog offers CHF 12.35 for cash, the cashier is handed 20.
  await sellFor(page, '7610000000017');
  await expect(page.getByTestId('pay-total')).toHaveText(nb('CHF 12.33'));
  await expect(page.getByTestId('pay-cash-due')).toHaveText(nb('CHF 12.35'));
  const amount = page.getByTestId('tender-amount');
  await expect(amount).toHaveValue('12.35');
  await amount.fill('20');
  await amount.press('Enter');
  await expect(page.getByTestId('pay-rounding')).toHaveText(nb('+CHF 0.02'));
  await expect(page.getByTestId('pay-change')).toHaveText(nb('CHF 7.65'));
  await page.keyboard.press('F8');
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-total')).toHaveText(nb('CHF 12.33'));
  await expect(receipt.getByTestId('receipt-rounding')).toHaveText(nb('+CHF 0.02'));
  await expect(receipt.getByTestId('receipt-to-pay')).toHaveText(nb('CHF 12.35'));
  await expect(receipt.getByTestId('receipt-change')).toHaveText(nb('CHF 7.65'));
  // In the shop's language (German for de-CH), with its date form, whatever the browser's.
  await expect(receipt).toContainText(nb('Rundung+CHF 0.02'));
  await expect(receipt).toContainText(nb('Zu bezahlenCHF 12.35'));
  await expect(receipt.locator('time')).toHaveText(/^\d{1,2}\.\d{1,2}\.\d{4}/);
  await page.getByTestId('new-sale').click();

  // Cash, rounded down: the exact coins the dialog offers complete the sale.
  await sellFor(page, '7610000000024');
  await expect(amount).toHaveValue('7.00');
  await amount.press('Enter');
  await expect(page.getByTestId('pay-rounding')).toHaveText(nb('\u2212CHF 0.02'));
  await page.keyboard.press('F8');
  await expect(receipt.getByTestId('receipt-rounding')).toHaveText(nb('\u2212CHF 0.02'));
  await expect(receipt.getByTestId('receipt-to-pay')).toHaveText(nb('CHF 7.00'));
  await page.getByTestId('new-sale').click();

  // Card: charged to the centime, no rounding anywhere.
  await sellFor(page, '7610000000017');
  await page.getByTestId('tender-card').click();
  await expect(page.getByTestId('pay-paid')).toHaveText(nb('CHF 12.33'));
  await expect(page.getByTestId('pay-rounding')).toHaveCount(0);
  await page.keyboard.press('F8');
  await expect(receipt.getByTestId('receipt-total')).toHaveText(nb('CHF 12.33'));
  await expect(receipt.getByTestId('receipt-rounding')).toHaveCount(0);
  await page.getByTestId('new-sale').click();

  // The reprint of the first sale, after a reload, still shows its rounding.
  await page.reload();
  await waitForDb(page);
  await page.getByRole('link', { name: 'Sales' }).click();
  await page.getByTestId('sale-row').filter({ hasText: '000001' }).click();
  await expect(page.getByTestId('receipt-rounding')).toHaveText(nb('+CHF 0.02'));
});

test("a German shop on an American browser takes and shows amounts the German way", async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await setUpShop(page, { name: 'Kaffeehaus', currency: 'EUR', included: true, tax: '19', locale: 'de-DE' });
  await addProduct(page, { name: 'Espressomaschine', barcode: '4000000000017', price: '1.234,50', tax: '19', stock: '3' });
  const row = page.getByTestId('product-row').filter({ hasText: 'Espressomaschine' });
  await expect(row).toContainText(nb('1.234,50 €'));
  await row.getByRole('button', { name: 'Espressomaschine' }).click();
  await expect(page.getByTestId('product-price')).toHaveValue('1234,50');
  await page.keyboard.press('Escape');

  await sellFor(page, '4000000000017');
  await expect(page.getByTestId('tender-amount')).toHaveValue('1234,50');
  // A euro shop does not round cash unless the owner asks.
  await page.getByTestId('tender-amount').fill('1.300');
  await page.getByTestId('tender-amount').press('Enter');
  await expect(page.getByTestId('pay-change')).toHaveText(nb('65,50 €'));
  await expect(page.getByTestId('pay-rounding')).toHaveCount(0);
});
