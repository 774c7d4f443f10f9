/**
 * The point of sale end to end in Chromium, offline after the first load: set up a shop, add products, scan and
 * sell with cash, card and split payments, survive a reload mid-sale, and check receipts, the sales list and stock.
 */
import { expect, test } from '@playwright/test';
import { waitForDb } from './helpers';
import { addProduct, cartSaved, complete, openOffline, pay, scan, setUpShop, tender } from './pos';

test.use({ locale: 'en-US', viewport: { width: 1024, height: 768 } });

const COFFEE = { name: 'Coffee beans 500 g', barcode: '4006381333931', price: '8.99', stock: '10' };
const BREAD = { name: 'Rye bread', barcode: '2000000000015', price: '2.50', tax: '7', stock: '20' };

test('a shop sells at the counter, offline, with cash, card and split payments', async ({ page }) => {
  test.setTimeout(120_000);
  await openOffline(page);
  await setUpShop(page, { name: 'Test Shop', currency: 'EUR', included: true, tax: '20' });
  await addProduct(page, COFFEE);
  await addProduct(page, BREAD);

  // Sale 1: scans anywhere on the register, an unknown barcode, a typed barcode in the search field.
  await page.getByRole('link', { name: 'Register' }).click();
  await scan(page, COFFEE.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await scan(page, '9999999999994');
  await expect(page.getByTestId('register-message')).toHaveText('Unknown barcode “9999999999994”: nothing was added.');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('register-search').fill(BREAD.barcode);
  await page.getByTestId('register-search').press('Enter');
  await scan(page, BREAD.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('line-qty').nth(1)).toHaveValue('2');
  await expect(page.getByTestId('cart-total')).toHaveText('€13.99');

  // A reload in the middle of the sale keeps the cart.
  await cartSaved(page);
  await page.reload();
  await waitForDb(page);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('cart-total')).toHaveText('€13.99');

  await pay(page);
  await tender(page, 'cash', '20');
  await expect(page.getByTestId('pay-change')).toHaveText('€6.01');
  await complete(page);
  await expect(page.getByTestId('change-due')).toHaveText('€6.01');
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-number')).toHaveText('Sale no. 000001');
  await expect(receipt.getByTestId('receipt-total')).toHaveText('€13.99');
  // Tax per rate, prices including tax: 8.99 at 20 % holds 1.50; 5.00 at 7 % holds 0.33.
  await expect(receipt.getByTestId('receipt-taxes')).toContainText('7 %€4.67€0.33€5.00');
  await expect(receipt.getByTestId('receipt-taxes')).toContainText('20 %€7.49€1.50€8.99');
  await expect(receipt.getByTestId('receipt-payments')).toContainText('Cash€20.00');
  await expect(receipt.getByTestId('receipt-change')).toHaveText('€6.01');
  await expect(receipt).toContainText('VAT/Tax no. GB999999973');
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // Sale 2: card, exact.
  await scan(page, COFFEE.barcode);
  await pay(page);
  await tender(page, 'card');
  await complete(page);
  await expect(receipt.getByTestId('receipt-number')).toHaveText('Sale no. 000002');
  await expect(receipt.getByTestId('receipt-payments')).toContainText('Card€8.99');
  await page.getByTestId('new-sale').click();

  // Sale 3: split, 5.00 by card and a 10 note in cash.
  await scan(page, COFFEE.barcode);
  await scan(page, BREAD.barcode);
  await expect(page.getByTestId('cart-total')).toHaveText('€11.49');
  await pay(page);
  await tender(page, 'card', '5');
  await expect(page.getByTestId('pay-remaining')).toHaveText('€6.49');
  await page.getByTestId('quick-cash').filter({ hasText: '€10.00' }).click();
  await expect(page.getByTestId('pay-change')).toHaveText('€3.51');
  await complete(page);
  await expect(receipt.getByTestId('receipt-payments')).toContainText('Card€5.00Cash€10.00Change€3.51');
  await page.getByTestId('new-sale').click();

  // The sales list shows today's three sales; search by number and by amount; reprint shows the receipt.
  await page.getByRole('link', { name: 'Sales' }).click();
  await expect(page.getByTestId('sales-summary')).toHaveText('3 sales, €34.47');
  await page.getByTestId('sales-number').fill('2');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row')).toContainText('€8.99');
  await page.getByTestId('sales-number').fill('');
  await page.getByTestId('sales-amount').fill('11.49');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await page.getByTestId('sale-row').click();
  await expect(page.getByTestId('receipt').getByTestId('receipt-number')).toHaveText('Sale no. 000003');
  await expect(page.getByTestId('receipt').getByTestId('receipt-total')).toHaveText('€11.49');

  // Stock went down: coffee 10 − 3, bread 20 − 3.
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByTestId('product-row').filter({ hasText: COFFEE.name }).getByTestId('product-stock-cell')).toHaveText('7');
  await expect(page.getByTestId('product-row').filter({ hasText: BREAD.name }).getByTestId('product-stock-cell')).toHaveText('17');
});

test('a newcomer loads the sample shop and completes a sale', async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await page.getByRole('button', { name: 'Load a sample shop' }).click();
  await page.getByRole('searchbox', { name: 'Scan or search products' }).fill('croissant');
  await page.getByRole('button', { name: /Croissant/ }).click();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByTestId('quick-cash').first().click();
  await page.getByRole('button', { name: /Complete sale/ }).click();
  await expect(page.getByTestId('receipt')).toContainText('Corner Café & Grocery');
  await expect(page.getByTestId('receipt-total')).toHaveText('€1.80');
  await expect(page.getByTestId('receipt-number')).toHaveText('Sale no. 000016');
});
