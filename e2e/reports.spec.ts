/**
 * Reports and the drawer in real Chromium on OPFS: a shift opened, three sales rung up (cash with change, a split
 * between card and cash, card), the Reports page equal to what was rung up, its CSVs downloaded (the raw sales
 * one row per line), the drawer counted by notes and coins into the cash counted, and the Z report printed on an
 * 80 mm roll as long as its content and on A4.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { addProduct, sellScanned } from './pos';
import { closePrintDialog, printedPages, stubPrintDialog } from './print-helpers';
import { openNewShop } from './shop-data';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const COFFEE = { name: 'Coffee beans 500 g', barcode: '4006381333931', price: '8.99', stock: '10' };
const BREAD = { name: 'Rye bread', barcode: '2000000000015', price: '5.00', tax: '7', stock: '20' };

const sell = sellScanned;

async function text(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test('a report equals what was rung up, its CSVs download, the drawer is counted and the Z report prints', async ({ page }) => {
  test.setTimeout(240_000);
  await stubPrintDialog(page);
  await openNewShop(page);
  await addProduct(page, COFFEE);
  await addProduct(page, BREAD);
  await page.getByRole('link', { name: 'Shift' }).click();
  await page.getByTestId('shift-name').fill('Lena Park');
  await page.getByTestId('shift-float').fill('100.00');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-open-since')).toContainText('float €100.00');

  await page.getByRole('link', { name: 'Register' }).click();
  await sell(page, [COFFEE.barcode], [['cash', '20']]); // 8.99, 11.01 change
  await sell(page, [BREAD.barcode, BREAD.barcode, COFFEE.barcode], [['card', '10'], ['cash', '10']]); // 18.99
  await sell(page, [BREAD.barcode], [['card']]); // 5.00

  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(page.getByTestId('total-net')).toHaveText('Net taken€32.98');
  await expect(page.getByTestId('total-sales')).toHaveText('Sales3');
  await expect(page.getByTestId('total-refunded')).toHaveText('Refunded (0)€0.00');
  // One day: the chart has a bar per hour that had sales, and the hour table adds up to the day.
  await expect(page.getByTestId('report-chart').locator('rect.bar')).not.toHaveCount(0);
  await expect(page.getByTestId('report-days').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('report-days').locator('tbody tr')).toContainText('€32.98');
  await expect(page.getByTestId('report-products').locator('tbody tr')).toHaveText([
    `${COFFEE.name}2€17.98`,
    `${BREAD.name}3€15.00`,
  ]);
  await expect(page.getByTestId('report-methods').locator('tbody tr')).toHaveText(['Cash2€17.98', 'Card2€15.00']);

  // The raw sales: one row per line (four lines in three sales), UTF-8 with its BOM, CRLF.
  const [rawDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-lines').click()]);
  expect(rawDownload.suggestedFilename()).toMatch(/^tillite-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-sales-lines\.csv$/);
  const raw = await text(rawDownload);
  expect(raw.startsWith('\ufeffReceipt,Kind,Refund of,Date,Time,Line,Product,')).toBe(true);
  const rows = raw.slice(1).split('\r\n').filter(Boolean).map((r) => r.split(','));
  expect(rows).toHaveLength(5);
  expect(rows.slice(1).map((r) => [r[0], r[6], r[9], r[12]])).toEqual([
    ['1', COFFEE.name, '1', '8.99'],
    ['2', BREAD.name, '2', '10.00'],
    ['2', COFFEE.name, '1', '8.99'],
    ['3', BREAD.name, '1', '5.00'],
  ]);
  const [productsDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-products').click()]);
  expect(await text(productsDownload)).toBe(`\ufeffProduct,SKU,Quantity,Sold\r\n${COFFEE.name},,2,17.98\r\n${BREAD.name},,3,15.00\r\n`);

  // Closing: expected cash is the float and the cash taken, 117.98, counted note by note and coin by coin.
  await page.getByRole('link', { name: 'Shift' }).click();
  await page.getByTestId('shift-name').fill('Tom Reyes');
  const pieces: [string, string][] = [['note-2000', '5'], ['note-1000', '1'], ['note-500', '1'], ['coin-100', '2'], ['coin-50', '1'], ['coin-20', '2'], ['coin-5', '1'], ['coin-1', '3']];
  for (const [piece, n] of pieces) await page.getByTestId(`piece-${piece}`).fill(n);
  await expect(page.getByTestId('drawer-total')).toHaveText('€117.98');
  await expect(page.getByTestId('count-cash')).toHaveValue('117.98');
  await page.getByTestId('count-card').fill('15.00');
  await page.getByTestId('shift-close').click();
  await expect(page.getByTestId('z-report')).toContainText('Z report no. 1');
  await expect(page.getByTestId('z-difference')).toHaveText('Difference: €0.00');

  // On the roll: one page 80 mm wide and as long as the report plus the margins; a longer report than a receipt.
  await page.getByTestId('z-print-80').click();
  await expect(page.getByTestId('print-area')).toHaveAttribute('data-paper', '80mm');
  await expect(page.getByTestId('print-area')).toContainText('Z report no. 1');
  await expect(page.getByTestId('print-area')).toContainText('Closed');
  const roll = await printedPages(page);
  expect(roll.pages).toHaveLength(1);
  expect(Math.round(roll.pages[0]![0])).toBe(80);
  expect(roll.contentMm).toBeGreaterThan(80);
  expect(roll.pages[0]![1]).toBeGreaterThanOrEqual(roll.contentMm + 6);
  expect(roll.pages[0]![1]).toBeLessThanOrEqual(roll.contentMm + 6 + 6);
  await closePrintDialog(page);
  await expect(page.getByTestId('print-area')).toHaveCount(0);

  // On A4: A4 pages with the report's tables.
  await page.getByTestId('z-print-a4').click();
  await expect(page.getByTestId('print-area')).toHaveAttribute('data-paper', 'a4');
  await expect(page.getByTestId('print-area').getByTestId('method-cash')).toHaveText('Cash€17.98€117.98€117.98€0.00');
  const a4 = await printedPages(page);
  expect(a4.pages.length).toBeGreaterThanOrEqual(1);
  for (const [w, h] of a4.pages) expect([Math.round(w), Math.round(h)]).toEqual([210, 297]);
  await closePrintDialog(page);
});

test('the low-stock list shows a product once a sale takes it to its threshold', async ({ page }) => {
  test.setTimeout(180_000);
  await openNewShop(page);
  await addProduct(page, COFFEE);
  await addProduct(page, BREAD);
  await page.getByRole('link', { name: 'Reports' }).click();
  const low = page.getByTestId('low-stock');
  await expect(low).toContainText('No product has a low-stock threshold yet.');
  await low.getByTestId('low-stock-query').fill('coffee');
  await low.getByTestId('low-stock-find').click();
  await expect(low.getByTestId('low-stock-product')).toHaveCount(1);
  await low.getByTestId('low-stock-threshold').fill('9');
  await low.getByTestId('low-stock-save').click();
  await expect(low).toContainText('Nothing is at or below its threshold.');
  await low.getByTestId('low-stock-threshold').fill('nine');
  await low.getByTestId('low-stock-save').click();
  await expect(low.getByRole('alert')).toHaveText('“nine” is not a number of items. Type a whole number such as 5, or leave it empty for none.');

  await page.getByRole('link', { name: 'Register' }).click();
  await sell(page, [COFFEE.barcode], [['card']]);
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(low.getByTestId('low-stock-row')).toHaveText([`${COFFEE.name}99`]);
});

/** An EAN-13 barcode of twelve digits and its check digit. */
const ean13 = (twelve: string) => twelve + String((10 - ([...twelve].reduce((n, d, i) => n + Number(d) * (i % 2 ? 3 : 1), 0) % 10)) % 10);

test('with more than ten products sold the page shows the best ten, and the products CSV has every one', async ({ page }) => {
  test.setTimeout(240_000);
  await openNewShop(page);
  // Eleven products at 1.00 to 11.00, one of each sold in one sale: the best-selling is the dearest.
  const products = Array.from({ length: 11 }, (_, i) => ({
    name: `Jar ${String(i + 1).padStart(2, '0')}`, barcode: ean13(`2000000001${String(i + 1).padStart(2, '0')}`), price: `${i + 1}.00`, stock: '5',
  }));
  for (const p of products) await addProduct(page, p);
  await page.getByRole('link', { name: 'Register' }).click();
  await sell(page, products.map((p) => p.barcode), [['card']]);

  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(page.getByTestId('total-net')).toHaveText('Net taken€66.00');
  const best = [...products].reverse();
  const table = page.getByTestId('report-products');
  await expect(table.locator('tbody tr')).toHaveText(best.slice(0, 10).map((p) => `${p.name}1€${p.price}`));
  await expect(table).toContainText('The top 10 of 11; the CSV has them all.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-products').click()]);
  expect(await text(download)).toBe(`\ufeffProduct,SKU,Quantity,Sold\r\n${best.map((p) => `${p.name},,1,${p.price}\r\n`).join('')}`);
});
