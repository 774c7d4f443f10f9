/**
 * A price the cashier types, in real Chromium on OPFS: the cashier sells a product below its catalogue price from
 * the keyboard; a typo is refused in words and changes nothing; completing the sale asks for a manager's PIN, and
 * without it nothing is recorded; with the manager's PIN the sale is recorded at the typed price: on the receipt,
 * in the sales list, in the exported file as Python's SQLite reads it (beside the catalogue's price), and in the
 * owner's audit log. The export also shows the shift as opened by the cashier's staff id.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { addProduct, complete, pay, scan, tender } from './pos';
import { openNewShop } from './shop-data';
import { approve, MAYA, showPage, staffAndShift, TOM } from './pos2-staff-helpers';
import { dumpWithPython, exportByDownload, withoutPickers } from './transfer-helpers';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

/** Each shift's name as written, the name of the member of staff its id points to, and who closed it, by Python. */
const SHIFTS = `
import json, sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(json.dumps([list(r) for r in c.execute(
  "SELECT sh.opened_by, s.name, sh.closed_by_id FROM shifts sh LEFT JOIN staff s ON s.id = sh.opened_by_id ORDER BY sh.id")]))`;

const COFFEE = { name: 'Coffee beans 500 g', barcode: '4006381333931', price: '8.99', stock: '10' };

test('a cashier sells below the catalogue price with the manager’s PIN, and the sale keeps that price', async ({ page }) => {
  test.setTimeout(240_000);
  await withoutPickers(page);
  await staffAndShift(page, [COFFEE]);
  await showPage(page, 'Register');
  await scan(page, COFFEE.barcode);
  await scan(page, COFFEE.barcode);
  await expect(page.getByTestId('line-qty')).toHaveValue('2');

  // From the keyboard: the price is a button; Enter opens its field with the price selected.
  const price = page.getByTestId('line-price');
  await expect(price).toHaveText('€8.99');
  await price.focus();
  await page.keyboard.press('Enter');
  const field = page.getByTestId('line-price-input');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('8.99');

  // A typo is refused in words; the line keeps its price until a price is typed.
  // (fill, not keyboard.type: Playwright's typing is as fast as a scanner's burst, which the register takes as a scan.)
  await field.fill('7,5x');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Type a price such as 8.99' })).toBeVisible();
  await expect(page.getByTestId('cart-total')).toHaveText('€17.98');
  await field.fill('7.50');
  await field.press('Enter');
  await expect(page.getByTestId('line-price')).toHaveText('€7.50');
  await expect(page.getByTestId('line-list-price')).toHaveText('price changed, catalogue €8.99');
  await expect(page.getByTestId('line-amount')).toHaveText('€15.00');
  await expect(page.getByTestId('cart-total')).toHaveText('€15.00');

  // Completing asks for a manager's PIN; cancelled, the sale is refused in words and nothing is recorded.
  await pay(page);
  await tender(page, 'cash', '20');
  await page.getByTestId('complete-sale').click();
  const dialog = page.getByTestId('approval-dialog');
  await expect(dialog.getByTestId('approval-message')).toHaveText(/manager’s or the owner’s PIN is needed to sell Coffee beans 500 g below its catalogue price/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog', { name: 'Payment' }).getByRole('alert')).toContainText('PIN is needed to sell Coffee beans 500 g below its catalogue price');
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toHaveCount(0);

  // With the manager's PIN: recorded at 7.50, and the receipt says so.
  await page.getByTestId('complete-sale').click();
  await approve(page, TOM, /PIN is needed to sell Coffee beans 500 g below its catalogue price/);
  const receipt = page.getByRole('dialog', { name: 'Sale complete' });
  await expect(receipt).toBeVisible();
  await expect(receipt.locator('.receipt-lines')).toContainText('2 × €7.50 (instead of €8.99)');
  await expect(receipt.getByTestId('receipt-list-price')).toHaveText(' (instead of €8.99)');
  await expect(receipt.getByTestId('receipt-total')).toHaveText('€15.00');
  await expect(receipt.getByTestId('receipt-staff')).toHaveText('Served by Lena Park');
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // The sales list has that one sale, at 15.00.
  await page.getByRole('link', { name: 'Sales', exact: true }).click();
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row')).toContainText('€15.00');
  await expect(page.getByTestId('sale-row').getByTestId('sale-price-changed')).toHaveText('price changed');
  // Its receipt, read back from the database, still says so.
  await page.getByTestId('sale-row').click();
  await expect(page.getByTestId('receipt-list-price')).toHaveText(' (instead of €8.99)');

  // The exported file, read by Python's SQLite: the line sold at 750 a unit, while the catalogue keeps 899.
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const exported = (await exportByDownload(page)).path;
  const dump = dumpWithPython(exported);
  expect(dump.integrity).toBe('ok');
  expect(dump.tables.sales ?? []).toHaveLength(1);
  const [item] = dump.tables.line_items ?? [];
  // line_items: id, product_id, name, sku, barcode, unit_price, tax_bp
  expect(item?.slice(2, 6)).toEqual([COFFEE.name, null, COFFEE.barcode, 750]);
  const [line] = dump.tables.sale_lines ?? [];
  // sale_lines: sale_id, line_no, item_id, quantity, line_discount, discount, amount, refunded_qty, list_price
  expect(line?.slice(3)).toEqual([2, null, 0, 1500, 0, 899]);
  const product = (dump.tables.products ?? []).find((p) => p.includes(COFFEE.name));
  expect(product).toContain(899);
  // The shift Lena opened is hers by staff id (the dump leaves out tables named like full-text ones, shifts too).
  const shifts = execFileSync('python3', ['-c', SHIFTS, exported], { encoding: 'utf8' });
  expect(JSON.parse(shifts)).toEqual([['Lena Park', 'Lena Park', null]]);

  // The owner's audit log: Tom approved it for Lena, and what for.
  await showPage(page, 'Staff');
  await page.getByTestId('audit-open').click();
  await approve(page, MAYA, /owner’s PIN is needed to read the audit log/);
  const entry = page.getByTestId('audit-log').locator('tr[data-action="sales.commit"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Ring up a sale');
  await expect(entry).toContainText('Tom Reyes (manager)');
  await expect(entry).toContainText('Lena Park');
  await expect(entry).toContainText('sell Coffee beans 500 g below its catalogue price');
});

test.describe('on a phone, by touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tap changes the price, above the catalogue’s needs no PIN, and the receipt says what it was', async ({ page }) => {
    test.setTimeout(180_000);
    await openNewShop(page);
    await addProduct(page, COFFEE);
    await showPage(page, 'Register');
    await scan(page, COFFEE.barcode);
    const price = page.getByTestId('line-price');
    const box = (await price.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await price.tap();
    const field = page.getByTestId('line-price-input');
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('inputmode', 'decimal');
    await field.fill('9.50');
    // Leaving the field applies it, as Enter does.
    await page.getByTestId('cart-total').tap();
    await expect(page.getByTestId('line-list-price')).toHaveText('price changed, catalogue €8.99');
    await expect(page.getByTestId('cart-total')).toHaveText('€9.50');
    // Esc keeps the price: the field closes, nothing changes.
    await page.getByTestId('line-price').tap();
    await page.getByTestId('line-price-input').fill('1.00');
    await page.getByTestId('line-price-input').press('Escape');
    await expect(page.getByTestId('line-price')).toHaveText('€9.50');
    await pay(page);
    await tender(page, 'cash', '10');
    await complete(page);
    await expect(page.getByTestId('receipt-list-price')).toHaveText(' (instead of €8.99)');
    await expect(page.getByTestId('receipt-total')).toHaveText('€9.50');
  });
});
