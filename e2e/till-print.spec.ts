/**
 * Printing: an 80 mm receipt prints on a page as long as its content (a roll printer feeds no more), an A4
 * print is an invoice with the shop's details and tax number, and Ctrl+P on the Sales page prints the page.
 * The PDF is Chromium's own print output (page.pdf with the page's CSS page size), read back for its pages.
 *
 * Headless Chromium has no print dialog: its window.print() fires beforeprint once and then never returns the
 * page to a printable state (page.pdf refuses "already being printed"). So where a PDF is made, only the dialog
 * is replaced: window.print() fires beforeprint as the browser does, and closing the dialog fires afterprint.
 */
import { expect, test, type Page } from '@playwright/test';
import { pdfPages, printedPages, stubPrintDialog } from './print-helpers';
import { openSampleShop, sample, scanInto, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape });

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

/** Sells `codes` with exact cash and leaves the receipt open. */
async function sell(page: Page, codes: string[]): Promise<void> {
  for (const code of codes) await scanInto(page, code);
  // Every scanned line is in the cart before F8 (a scan lands a moment after its keystrokes).
  await expect(page.getByTestId('cart-line')).toHaveCount(new Set(codes).size);
  await page.keyboard.press('F8');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
}

/** Prints the open receipt on the roll; returns the PDF's pages and the receipt's printed height in mm. */
async function printRoll(page: Page): Promise<{ pages: [number, number][]; contentMm: number }> {
  await page.getByTestId('print-80').click();
  await expect(page.getByTestId('print-area')).toHaveAttribute('data-paper', '80mm');
  return printedPages(page);
}

test('an 80 mm receipt prints on one page as long as its content, longer for more lines', async ({ page }) => {
  await stubPrintDialog(page);
  await openSampleShop(page);
  await sell(page, [sample('Espresso').barcode]);
  const short = await printRoll(page);
  expect(short.pages).toHaveLength(1);
  const [width, length] = short.pages[0]!;
  expect(Math.round(width)).toBe(80);
  // The content plus the 3 mm margins and a few millimetres' allowance: not the 297 mm of an A4-long roll.
  expect(length).toBeGreaterThanOrEqual(short.contentMm + 6);
  expect(length).toBeLessThanOrEqual(short.contentMm + 6 + 6);

  await page.evaluate(() => (window as unknown as { __closePrintDialog(): void }).__closePrintDialog());
  await expect(page.getByTestId('print-area')).toHaveCount(0);
  await page.getByTestId('new-sale').click();
  const codes = ['Espresso', 'Cappuccino', 'Croissant', 'Blueberry muffin'].map((n) => sample(n).barcode);
  await sell(page, codes);
  const long = await printRoll(page);
  expect(long.pages).toHaveLength(1);
  expect(long.contentMm).toBeGreaterThan(short.contentMm + 10);
  expect(long.pages[0]![1]).toBeGreaterThanOrEqual(long.contentMm + 6);
  expect(long.pages[0]![1]).toBeLessThanOrEqual(long.contentMm + 6 + 6);
});

test('an A4 print is an invoice with the shop’s details and tax number', async ({ page }) => {
  await stubPrintDialog(page);
  await openSampleShop(page);
  await sell(page, [sample('Espresso').barcode, sample('Croissant').barcode]);
  await page.getByTestId('print-a4').click();
  await page.emulateMedia({ media: 'print' });
  const invoice = page.getByTestId('invoice');
  await expect(invoice).toBeVisible();
  await expect(page.locator('.shell')).toBeHidden();
  await expect(invoice.getByTestId('invoice-shop')).toHaveText('Corner Café & Grocery');
  await expect(invoice).toContainText('12 Market Street, Springfield');
  await expect(invoice.getByTestId('invoice-tax-number')).toHaveText('VAT/Tax no. GB 123 4567 89');
  await expect(invoice.getByTestId('invoice-number')).toHaveText('000016');
  await expect(invoice.getByTestId('invoice-total')).toHaveText('€4.00');
  // The lines table (a head and two lines) and the tax table (a head and two rates). The print area is hidden
  // from screen readers (it is a copy of what the screen shows), so rows are counted as table rows.
  await expect(invoice.locator('tr')).toHaveCount(1 + 2 + 1 + 2);
  // The invoice uses the page's width, not a narrow receipt in the middle of it.
  const widthMm = ((await invoice.boundingBox())!.width * 25.4) / 96;
  expect(widthMm).toBeGreaterThan(170);
  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages).toHaveLength(1);
  expect(pages[0]!.map(Math.round)).toEqual([210, 297]);
});

test('Ctrl+P on the Sales page prints the page (the browser’s own print)', async ({ page }) => {
  await openSampleShop(page);
  await page.getByRole('link', { name: 'Sales' }).click();
  await page.getByTestId('sales-day').fill('');
  await expect(page.getByTestId('sale-row')).not.toHaveCount(0);
  // Ctrl+P is the browser's print command: window.print() with no print button of the app involved.
  await page.evaluate(() => window.print());
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Sales' })).toBeVisible();
  await expect(page.getByTestId('sale-row').first()).toBeVisible();
  await expect(page.getByRole('navigation')).toBeHidden();
});

test('Ctrl+P after a receipt was printed prints the page, not the old receipt', async ({ page }) => {
  await stubPrintDialog(page);
  await openSampleShop(page);
  await sell(page, [sample('Espresso').barcode]);
  await page.getByTestId('print-80').click();
  await expect(page.getByTestId('print-area')).toHaveCount(1);
  await page.evaluate(() => (window as unknown as { __closePrintDialog(): void }).__closePrintDialog());
  await page.getByTestId('new-sale').click();
  await page.getByRole('link', { name: 'Sales' }).click();
  await page.getByTestId('sale-row').first().click();
  await page.evaluate(() => window.print());
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-area')).toHaveCount(0);
  await expect(page.getByTestId('sale-row').first()).toBeVisible();
  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages.length).toBeGreaterThanOrEqual(1);
  // The browser's default page, not the last receipt's roll.
  expect(Math.round(pages[0]![0])).not.toBe(80);
});
