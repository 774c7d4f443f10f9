/**
 * Refunds, voids and the idle lock in real Chromium on OPFS, by two members of staff: the cashier rings up four
 * sales, one with a discount above the shop's limit that the manager approves; a sale found by scanning the code on its receipt is partly refunded with the manager's PIN (never more
 * than was sold), another is voided; the list and the receipts say who rang each up and what was refunded or
 * voided; the stock comes back; and the Z report's figures equal what was rung up, refunds included. Then the till
 * locks itself after the idle time the manager set, and only a PIN brings it back.
 */
import { expect, test, type Page } from '@playwright/test';
import { complete, pay, scan, sellScanned, tender } from './pos';
import { openNewShop } from './shop-data';
import { addStaff, approve, showPage, signIn, staffAndShift, TOM } from './pos2-staff-helpers';
import { closePrintDialog, stubPrintDialog } from './print-helpers';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const COFFEE = { name: 'Coffee beans 500 g', barcode: '4006381333931', price: '8.99', stock: '10' };
const BREAD = { name: 'Rye bread', barcode: '2000000000015', price: '5.00', tax: '7', stock: '20' };

async function sell(page: Page, codes: string[], tenders: ['cash' | 'card', string][]) {
  await showPage(page, 'Register');
  await sellScanned(page, codes, tenders);
}

const showSales = (page: Page) => page.getByRole('link', { name: 'Sales', exact: true }).click();

async function stockOf(page: Page, name: string) {
  await page.getByRole('link', { name: 'Catalogue' }).click();
  return (await page.getByTestId('product-row').filter({ hasText: name }).getByTestId('product-stock-cell').textContent())?.trim();
}

test('a refund approved by the manager, a void, and a Z report equal to what was rung up', async ({ page }) => {
  test.setTimeout(240_000);
  await stubPrintDialog(page);
  await staffAndShift(page, [COFFEE, BREAD]);
  await sell(page, [COFFEE.barcode, COFFEE.barcode, BREAD.barcode], [['cash', '30']]); // 000001: 22.98 cash
  await sell(page, [COFFEE.barcode], [['card', '8.99']]); // 000002: 8.99 card
  await sell(page, [BREAD.barcode], [['cash', '5']]); // 000003: 5.00 cash, to be voided

  // 000004: a coffee at 20 % off, above the shop's 10 % limit: the manager's PIN is asked for when it is paid.
  await scan(page, COFFEE.barcode);
  await page.getByTestId('line-discount').first().fill('20%');
  await page.getByTestId('line-discount').first().press('Enter');
  await expect(page.getByTestId('cart-total')).toHaveText('€7.19');
  await pay(page);
  await tender(page, 'cash', '10');
  await page.getByTestId('complete-sale').click();
  await approve(page, TOM, /PIN is needed to give a discount above 10 %/);
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
  await page.getByTestId('new-sale').click();

  // The list and the receipt say who rang it up; the receipt carries the code to scan for a refund.
  await showSales(page);
  await expect(page.getByTestId('sale-row')).toHaveCount(4);
  await expect(page.getByTestId('sale-staff')).toHaveText(['Lena Park', 'Lena Park', 'Lena Park', 'Lena Park']);
  await page.getByTestId('sale-row').filter({ hasText: '000001' }).click();
  await expect(page.getByTestId('receipt-staff')).toHaveText('Served by Lena Park');
  await expect(page.getByTestId('receipt-code')).toHaveAttribute('data-code', 'S000001');
  await expect(page.getByTestId('receipt-code').locator('rect')).not.toHaveCount(0);

  // Scanning the receipt's code opens its refund: one coffee back, the way it was paid, with the manager's PIN.
  await scan(page, 'S000001');
  const dialog = page.getByTestId('refund-dialog');
  await expect(dialog.getByTestId('refund-sale')).toHaveText('Sale 000001, €22.98, rung up by Lena Park');
  await dialog.getByTestId('refund-qty').first().fill('1');
  await expect(dialog.getByTestId('refund-preview')).toHaveText('To give back: €8.99');
  await dialog.getByTestId('refund-reason').fill('Bag torn');
  await dialog.getByTestId('refund-submit').click();
  await approve(page, TOM, /PIN is needed to give a refund/);
  await expect(dialog.getByTestId('refund-done')).toHaveText('The refund is recorded. Give back €8.99.');
  await expect(dialog.getByTestId('receipt-refund-of')).toHaveText('Refund of sale no. 000001 Reason: Bag torn');
  await expect(dialog.getByTestId('receipt-total')).toHaveText('-€8.99');
  await dialog.getByTestId('refund-close').click();

  // Never more than was sold: one coffee is left to refund on sale 1.
  await page.getByTestId('refund-find').fill('1');
  await page.getByTestId('refund-find-go').click();
  await expect(dialog.getByTestId('refund-line').first()).toContainText('21');
  await dialog.getByTestId('refund-qty').first().fill('2');
  await expect(dialog.getByTestId('refund-preview')).toHaveText('Only 1 of “Coffee beans 500 g” can still be refunded: 2 were sold (1 already refunded).');
  await expect(dialog.getByTestId('refund-submit')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Void sale 3, with the manager's PIN: shown as voided in the list and on its receipt.
  await page.getByTestId('sale-row').filter({ hasText: '000003' }).first().click();
  await page.getByTestId('sale-void').click();
  await dialog.getByTestId('refund-reason').fill('Rung up twice');
  await dialog.getByTestId('refund-submit').click();
  await approve(page, TOM, /PIN is needed to void a sale/);
  await expect(dialog.getByTestId('refund-done')).toHaveText('The sale is voided. Give back €5.00.');
  await dialog.getByTestId('refund-close').click();
  await page.getByTestId('sale-row').filter({ hasText: /^000003/ }).click();
  await expect(page.getByTestId('receipt-voided')).toHaveText('VOIDED');
  await expect(page.getByTestId('sale-row').filter({ hasText: /^000003/ }).getByTestId('sale-voided')).toBeVisible();
  await expect(page.getByTestId('sale-row')).toHaveCount(6);

  // The stock came back: 4 coffees sold, 1 refunded; 2 breads sold, 1 voided.
  expect(await stockOf(page, COFFEE.name)).toBe('7');
  expect(await stockOf(page, BREAD.name)).toBe('19');

  // The Z report: sales 22.98 + 8.99 + 5.00 + 7.19 = 44.16 (gross 45.96 less the 1.80 discount); the refund 8.99 and
  // the void 5.00 on lines of their own (both in cash, as paid); net 30.17. Cash expected: float 100.00 + 35.17 taken
  // − 13.99 back = 121.18.
  await showPage(page, 'Shift');
  await expect(page.getByTestId('method-cash')).toContainText('€21.18€121.18');
  await page.getByTestId('count-cash').fill('121.18');
  await page.getByTestId('count-card').fill('8.99');
  await page.getByTestId('shift-close').click();
  const z = page.getByTestId('z-report');
  await expect(z).toBeVisible();
  await expect(z.getByTestId('figure-sales-count')).toHaveText('Sales4');
  await expect(z.getByTestId('figure-refunds-count')).toHaveText('Refunds1');
  await expect(z.getByTestId('figure-gross')).toHaveText('Gross€45.96');
  await expect(z.getByTestId('figure-discounts')).toHaveText('Discounts€1.80');
  await expect(z.getByTestId('figure-refunds')).toHaveText('Refunded€8.99');
  await expect(z.getByTestId('figure-voids')).toHaveText('Voids (1)€5.00');
  await expect(z.getByTestId('figure-net')).toHaveText('Net€30.17');
  await expect(z.getByTestId('method-cash')).toHaveText('Cash€21.18€121.18€121.18€0.00');
  await expect(z.getByTestId('method-card')).toHaveText('Card€8.99€8.99€8.99€0.00');

  // The roll prints the voids on their own line too, under the refunds.
  await page.getByTestId('z-print-80').click();
  const roll = page.getByTestId('print-area');
  await expect(roll).toHaveAttribute('data-paper', '80mm');
  await expect(roll.locator('tr')).toContainText(['Refunds1', 'Refunded€8.99', 'Voids (1)€5.00', 'Net€30.17']);
  await closePrintDialog(page);
});

test('the till locks itself after the idle time, and a PIN brings it back', async ({ page }) => {
  test.setTimeout(180_000);
  // The page's clock runs as usual until the test moves it on, past the idle time.
  await page.clock.install();
  await openNewShop(page);
  await showPage(page, 'Staff');
  await addStaff(page, { name: 'Maya Okafor', pin: '4821' });
  await addStaff(page, { ...TOM, role: 'manager' }, { name: 'Maya Okafor', pin: '4821' });
  await signIn(page, 'Maya Okafor', '4821');
  await page.getByTestId('rules-idle').fill('2');
  await page.getByTestId('rules-save').click();
  await approve(page, TOM, /PIN is needed to change the till’s approval and lock settings/);
  await expect(page.getByTestId('approval-dialog')).toHaveCount(0);

  await showPage(page, 'Register');
  // A minute and a half without a key: still open. Then activity, and another 90 s: still open (it counts from
  // the last key). Then past two minutes: locked, and whoever was signed in is signed out.
  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('register-search')).toBeVisible();
  await page.keyboard.press('Shift');
  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('register-search')).toBeVisible();
  await page.clock.fastForward('00:40');
  await expect(page.getByTestId('idle-locked')).toBeVisible();
  await expect(page.getByTestId('header-signed-in')).toHaveCount(0);
  await expect(page.getByTestId('register-search')).toHaveCount(0);
  await page.getByRole('link', { name: 'Sales', exact: true }).click();
  await expect(page.getByTestId('idle-locked')).toBeVisible();

  // A wrong PIN keeps it locked; the right one opens the page that was asked for.
  await page.getByTestId('lock-staff').selectOption({ label: 'Tom Reyes' });
  await page.getByTestId('lock-pin').fill('0000');
  await page.getByTestId('lock-sign-in').click();
  await expect(page.getByTestId('lock-error')).toBeVisible();
  await expect(page.getByTestId('idle-locked')).toBeVisible();
  await page.getByTestId('lock-pin').fill(TOM.pin);
  await page.getByTestId('lock-sign-in').click();
  await expect(page.getByTestId('header-signed-in')).toHaveText('Tom Reyes');
  await expect(page.getByTestId('idle-locked')).toHaveCount(0);
  await expect(page.getByTestId('sales-summary')).toBeVisible();
});
