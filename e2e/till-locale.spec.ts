/**
 * Amounts in the shop's conventions (the browser's locale until the shop has a setting of its own): a German
 * till shows and takes "1,50" and "1.234,50", and pre-fills fields the same way; quick cash buttons are the
 * currency's own notes (€5, €10, €20, €50; ¥1,000, ¥2,000, ¥5,000, ¥10,000); receipts print in its language.
 */
import { expect, test } from '@playwright/test';
import { waitForDb } from './helpers';
import { addProduct, setUpShop } from './pos';
import { openSampleShop, sample, scanInto, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape });

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

test.describe('a German till', () => {
  test.use({ locale: 'de-DE' });

  test('shows amounts with commas and takes what a German cashier types', async ({ page }) => {
    await openSampleShop(page);
    await scanInto(page, sample('Espresso').barcode);
    await scanInto(page, sample('Croissant').barcode);
    await expect(page.getByTestId('cart-total')).toHaveText('4,00\u00a0€');

    // A line discount typed as an amount with a comma.
    await page.getByTestId('line-discount').first().fill('0,20');
    await page.getByTestId('line-discount').first().press('Enter');
    await expect(page.getByTestId('cart-total')).toHaveText('3,80\u00a0€');
    await expect(page.getByTestId('line-discount').first()).toHaveValue('0,20');

    // The payment pre-fills "3,80"; the cashier types "1,50" by card, then the rest comes as a €5 note.
    await page.keyboard.press('F8');
    const amount = page.getByTestId('tender-amount');
    await expect(amount).toHaveValue('3,80');
    await amount.fill('1,50');
    await page.getByTestId('tender-card').click();
    await expect(page.getByTestId('pay-remaining')).toHaveText('2,30\u00a0€');
    await expect(amount).toHaveValue('2,30');
    await expect(page.getByTestId('quick-cash')).toHaveText(['2,30\u00a0€', '5,00\u00a0€', '10,00\u00a0€', '20,00\u00a0€', '50,00\u00a0€']);
    await page.getByTestId('quick-cash').filter({ hasText: '5,00' }).click();
    await expect(page.getByTestId('pay-change')).toHaveText('2,70\u00a0€');
    await page.getByTestId('complete-sale').click();
    await expect(page.getByTestId('receipt-total')).toHaveText('3,80\u00a0€');
    await expect(page.getByTestId('receipt-change')).toHaveText('2,70\u00a0€');
    // The receipt speaks the shop's language.
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-number')).toHaveText('Beleg Nr. 000016');
    await expect(receipt.getByTestId('receipt-payments')).toContainText('Karte1,50\u00a0€Bar5,00\u00a0€Rückgeld2,70\u00a0€');
    await expect(receipt).toContainText('Summe3,80\u00a0€');
    await expect(receipt).toContainText('USt-IdNr. GB 123 4567 89');
    await expect(receipt).toContainText('Vielen Dank!');
    await page.getByTestId('new-sale').click();

    // A price with a thousands dot and a decimal comma; the form pre-fills it the same way when edited.
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-name').fill('Espressomaschine');
    await page.getByTestId('product-price').fill('1.234,50');
    await page.getByTestId('product-tax').fill('19');
    await page.getByTestId('product-save').click();
    const row = page.getByTestId('product-row').filter({ hasText: 'Espressomaschine' });
    await expect(row).toContainText('1.234,50\u00a0€');
    await row.getByRole('button', { name: 'Espressomaschine' }).click();
    await expect(page.getByTestId('product-price')).toHaveValue('1234,50');
    await expect(page.getByTestId('product-tax')).toHaveValue('19');
  });
});

test('a yen shop’s quick cash buttons are its own notes', async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await setUpShop(page, { name: 'Kissa', currency: 'JPY', included: true, tax: '10' });
  await addProduct(page, { name: 'Matcha', barcode: '4900000000018', price: '1350', stock: '5' });
  await page.getByRole('link', { name: 'Register' }).click();
  await scanInto(page, '4900000000018');
  // The line is in the cart before F8 (a scan lands a moment after its keystrokes).
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('quick-cash')).toHaveText(['¥1,350', '¥2,000', '¥5,000', '¥10,000']);
});
