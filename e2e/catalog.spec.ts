/**
 * The catalogue end to end: CSV import after a preview, with a report of the rejected rows (a comma file, and a
 * German Excel file with a byte-order mark, semicolons and decimal commas), export for the shop's spreadsheet,
 * deactivation, and discounts at the register (a 100 % line discount and an order discount).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { waitForDb } from './helpers';
import { complete, pay, scan, setUpShop, tender } from './pos';

test.use({ locale: 'en-US' });

const CSV = [
  'name,sku,barcode,category,price,tax_rate,stock,active',
  'Green tea,T-1,5000000000011,Drinks > Tea,2.40,20,30,yes',
  'Black tea,T-2,5000000000028,Drinks > Tea,2.00,20,30,yes',
  'Broken price,T-3,5000000000035,Drinks,two euros,20,1,yes',
  'Same barcode,T-4,5000000000011,Drinks,1.00,20,1,yes',
  'Old stock,T-5,5000000000042,Drinks,1.00,20,5,no',
].join('\n');

test('import a CSV catalogue with a report, export it, and sell with discounts', async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await setUpShop(page, { name: 'Tea Shop', currency: 'EUR', included: false, tax: '20' });

  await page.getByRole('link', { name: 'Catalogue' }).click();
  await page.getByTestId('csv-import').setInputFiles({ name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  // A preview first: nothing is imported until the owner confirms.
  await expect(page.getByTestId('preview-counts')).toHaveText('3 new, 0 changed, 2 refused.');
  await expect(page.getByTestId('product-row')).toHaveCount(0);
  await page.getByTestId('csv-confirm').click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('3 created, 0 updated, 2 rejected.');
  await expect(report).toContainText('Line 4: the price "two euros" is not an amount with at most 2 decimals');
  await expect(report).toContainText('Line 5: the barcode 5000000000011 is also on line 2');
  await expect(page.getByTestId('categories')).toContainText('Drinks > Tea');
  await expect(page.getByTestId('product-row')).toHaveCount(2); // the inactive one is hidden

  const download = page.waitForEvent('download');
  await page.getByTestId('csv-export').click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(exported).toContain('Green tea,T-1,5000000000011,Drinks > Tea,2.40,20,30,yes');
  expect(exported).toContain('Old stock,T-5,5000000000042,Drinks,1.00,20,5,no');

  // An inactive product cannot be sold: the scan says so and adds nothing.
  await page.getByRole('link', { name: 'Register' }).click();
  await scan(page, '5000000000042');
  await expect(page.getByTestId('register-message')).toContainText('Old stock is not for sale');
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // Prices exclude tax here: 2 × 2.40 + 2.00 = 6.80 net; the black tea is free (100 % line discount);
  // 10 % off the order leaves 4.32 net, plus 20 % tax = 5.18 (0.864 rounds to 0.86).
  await scan(page, '5000000000011');
  await scan(page, '5000000000011');
  await scan(page, '5000000000028');
  await expect(page.getByTestId('cart-total')).toHaveText('€8.16');
  await page.getByTestId('line-discount').nth(1).fill('100%');
  await page.getByTestId('line-discount').nth(1).press('Enter');
  await expect(page.getByTestId('line-amount').nth(1)).toHaveText('€0.00');
  await page.getByTestId('order-discount').fill('10%');
  await page.getByTestId('order-discount').press('Enter');
  await expect(page.getByTestId('cart-total')).toHaveText('€5.18');
  await pay(page);
  await tender(page, 'other');
  await complete(page);
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-total')).toHaveText('€5.18');
  await expect(receipt.getByTestId('receipt-taxes')).toContainText('20 %€4.32€0.86€5.18');
  await expect(receipt.getByTestId('receipt-payments')).toContainText('Other€5.18');
});

// As German Excel saves "CSV UTF-8": a byte-order mark, semicolons, decimal commas, "ja" for yes, CRLF.
const GERMAN_EXCEL = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    [
      'name;sku;barcode;category;price;tax_rate;stock;active',
      'Espresso;K-1;4000000000017;Getränke > Kaffee;2,40;19;50;ja',
      'Espressomaschine;M-1;4000000000024;Geräte;1.234,50;19;2;ja',
      'Brezel;B-1;;Backwaren;zwei Euro;7;10;ja',
      'Kuchen, gedeckt;B-2;4000000000031;Backwaren;3,5;7;12;ja',
    ].join('\r\n') + '\r\n',
  ),
]);

test('a semicolon CSV with a byte-order mark and decimal commas imports after a preview, and exports for Excel', async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await setUpShop(page, { name: 'Kaffeehaus', currency: 'EUR', included: true, tax: '19', locale: 'de-DE' });
  await page.getByRole('link', { name: 'Catalogue' }).click();

  const file = { name: 'Artikel.csv', mimeType: 'text/csv', buffer: GERMAN_EXCEL };
  await page.getByTestId('csv-import').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('4 rows, separated by semicolons, amounts with a decimal comma.');
  await expect(preview.getByTestId('preview-counts')).toHaveText('3 new, 0 changed, 1 refused.');
  await expect(preview.getByTestId('preview-refused')).toHaveText('Line 4: the price "zwei Euro" is not an amount with at most 2 decimals');
  await expect(preview.getByTestId('preview-rows').locator('thead th').first()).toHaveText('name');
  await expect(preview.getByTestId('preview-rows').locator('tbody tr').nth(1)).toContainText('Espressomaschine');
  // Cancel: nothing was imported.
  await preview.getByTestId('csv-cancel').click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('product-row')).toHaveCount(0);

  // The same file again, confirmed this time.
  await page.getByTestId('csv-import').setInputFiles(file);
  await page.getByTestId('csv-confirm').click();
  await expect(page.getByTestId('import-report')).toContainText('3 created, 0 updated, 1 rejected.');
  await expect(page.getByTestId('product-row')).toHaveCount(3);
  await expect(page.getByTestId('product-row').filter({ hasText: 'Espressomaschine' })).toContainText('1.234,50\u00a0€');
  await expect(page.getByTestId('product-row').filter({ hasText: 'Kuchen, gedeckt' })).toContainText('3,50\u00a0€');
  await expect(page.getByTestId('categories')).toContainText('Getränke > Kaffee');

  // The export opens in a German spreadsheet as it was: a byte-order mark, semicolons, decimal commas.
  const download = page.waitForEvent('download');
  await page.getByTestId('csv-export').click();
  const bytes = readFileSync(await (await download).path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.startsWith('name;sku;barcode;category;price;tax_rate;stock;active\r\n')).toBe(true);
  expect(text).toContain('\r\nEspressomaschine;M-1;4000000000024;Geräte;1234,50;19;2;yes\r\n');
  expect(text).toContain('\r\nKuchen, gedeckt;B-2;4000000000031;Backwaren;3,50;7;12;yes\r\n');
});
