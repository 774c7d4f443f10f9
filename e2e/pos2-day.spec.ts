/**
 * A day at the till by two members of staff, in real Chromium on OPFS: a cashier's sale refused before the shift
 * is open, the shift opened with a float, two sales (one split between card and cash), a cash-out, and the
 * manager closing the shift with the drawer short, confirming the difference. The Z report's figures are the sums
 * of what was rung up, and its reprint by number shows the same.
 */
import { expect, test, type Page } from '@playwright/test';
import { addProduct, complete, pay, scan, tender } from './pos';
import { openNewShop } from './shop-data';
import { addStaff, showPage, signIn } from './pos2-staff-helpers';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

const COFFEE = { name: 'Coffee beans 500 g', barcode: '4006381333931', price: '8.99', stock: '10' };
const BREAD = { name: 'Rye bread', barcode: '2000000000015', price: '5.00', tax: '7', stock: '20' };

async function zFigures(page: Page) {
  const z = page.getByTestId('z-report');
  await expect(z).toBeVisible();
  const text = async (id: string) => ((await z.getByTestId(id).textContent()) ?? '').trim();
  return {
    title: ((await z.getByRole('heading').textContent()) ?? '').trim(),
    sales: await text('figure-sales-count'),
    gross: await text('figure-gross'),
    net: await text('figure-net'),
    tax20: await text('figure-tax-2000'),
    tax7: await text('figure-tax-700'),
    cashOut: await text('figure-cash-out'),
    cash: await text('method-cash'),
    card: await text('method-card'),
    difference: await text('z-difference'),
  };
}

test('a day by two staff: shift, sales, a cash-out, and a Z report equal to what was rung up', async ({ page }) => {
  test.setTimeout(240_000);
  await openNewShop(page);
  await addProduct(page, COFFEE);
  await addProduct(page, BREAD);
  await showPage(page, 'Staff');
  await addStaff(page, { name: 'Maya Okafor', pin: '4821' });
  await addStaff(page, { name: 'Tom Reyes', pin: '7302', role: 'manager' }, { name: 'Maya Okafor', pin: '4821' });
  await addStaff(page, { name: 'Lena Park', pin: '1593', role: 'cashier' }, { name: 'Tom Reyes', pin: '7302' });
  await signIn(page, 'Lena Park', '1593');
  await expect(page.getByTestId('header-signed-in')).toHaveText('Lena Park');

  // Before the shift is open the sale is refused, in words, and nothing is recorded.
  await showPage(page, 'Register');
  await scan(page, COFFEE.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await pay(page);
  await tender(page, 'cash', '20');
  await page.getByTestId('complete-sale').click();
  await expect(page.getByRole('dialog', { name: 'Payment' }).getByRole('alert')).toHaveText(
    'No shift is open. Open a shift (count the float into the drawer) before ringing up sales.',
  );
  await page.getByRole('dialog', { name: 'Payment' }).getByRole('button', { name: /^Back/ }).click();

  await showPage(page, 'Shift');
  await page.getByTestId('shift-float').fill('100.00');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-open-since')).toContainText('by Lena Park, float €100.00');

  // Sale 1: the coffee still in the cart, with the 20.00 cash already tendered. Sale 2: two breads and a coffee,
  // card 10.00 and cash 10.00.
  await showPage(page, 'Register');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await pay(page);
  await expect(page.getByTestId('pay-change')).toHaveText('€11.01');
  await complete(page);
  await expect(page.getByTestId('receipt-total')).toHaveText('€8.99');
  await page.getByTestId('new-sale').click();
  await scan(page, BREAD.barcode);
  await scan(page, BREAD.barcode);
  await scan(page, COFFEE.barcode);
  await expect(page.getByTestId('cart-total')).toHaveText('€18.99');
  await pay(page);
  await tender(page, 'card', '10');
  await tender(page, 'cash', '10');
  await complete(page);
  await expect(page.getByTestId('change-due')).toHaveText('€1.01');
  await page.getByTestId('new-sale').click();

  // A cash-out, then the manager takes over and counts the drawer.
  await showPage(page, 'Shift');
  await page.getByTestId('cash-direction').selectOption('out');
  await page.getByTestId('cash-amount').fill('15');
  await page.getByTestId('cash-reason').fill('Milk supplier');
  await page.getByTestId('cash-save').click();
  // Expected cash: float 100.00 + 8.99 + 8.99 (10.00 given, 1.01 back) − 15.00 = 102.98.
  await expect(page.getByTestId('method-cash')).toContainText('€17.98€102.98');
  await signIn(page, 'Tom Reyes', '7302');
  await showPage(page, 'Shift');
  await page.getByTestId('count-cash').fill('102.50');
  await page.getByTestId('count-card').fill('10.00');
  await page.getByTestId('shift-close').click();
  await expect(page.getByTestId('close-error')).toHaveText(
    'The count is 0.48 short against what was expected. Check the count, or confirm the difference to close.',
  );
  await page.getByTestId('confirm-difference').click();

  const z = await zFigures(page);
  expect(z).toEqual({
    title: 'Z report no. 1',
    sales: 'Sales2',
    gross: 'Gross€27.98',
    net: 'Net€27.98',
    // Prices include tax: two coffees at 8.99 hold 1.50 each at 20 %; two breads (10.00) hold 0.65 at 7 %.
    tax20: 'Tax 20 % (on €17.98)€3.00',
    tax7: 'Tax 7 % (on €10.00)€0.65',
    cashOut: 'Cash out€15.00',
    cash: 'Cash€17.98€102.98€102.50-€0.48',
    card: 'Card€10.00€10.00€10.00€0.00',
    difference: 'Difference: -€0.48',
  });
  await expect(page.getByTestId('z-report')).toContainText('by Lena Park');
  await expect(page.getByTestId('z-report')).toContainText('by Tom Reyes');
  await expect(page.getByTestId('shift-open-form')).toBeVisible();

  // Reprinted after a reload, by its number: the same figures as made.
  await page.reload();
  await page.getByTestId('reprint-number').fill('1');
  await page.getByTestId('reprint').click();
  expect(await zFigures(page)).toEqual(z);
});
