/**
 * A scan lands wherever the focus is: in a quantity field, a line discount, the order discount, the payment's
 * amount, or on the receipt. It must add the product (or be refused during the payment) and leave every field
 * as it was. A person typing in the same fields is never taken for a scanner.
 */
import { expect, test } from '@playwright/test';
import { euro, openSampleShop, sample, scanBurstThen, scanInto, SIZES, typeSlowly } from './till';

const ESPRESSO = sample('Espresso');
const CROISSANT = sample('Croissant');
const MUFFIN = sample('Blueberry muffin');

test.use({ viewport: SIZES.tabletLandscape });

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

test('a scan while a quantity or a discount field is focused adds the product and leaves the field as it was', async ({ page }) => {
  await openSampleShop(page);
  await scanInto(page, ESPRESSO.barcode);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const lines = page.getByTestId('cart-line');
  const espresso = lines.filter({ hasText: 'Espresso' });

  // Into the quantity field: the quantity stays 1 (it became 4,000,000,000,013 before).
  await espresso.getByTestId('line-qty').click();
  await scanInto(page, CROISSANT.barcode);
  await expect(lines).toHaveCount(2);
  await expect(espresso.getByTestId('line-qty')).toHaveValue('1');
  await expect(espresso.getByTestId('line-amount')).toHaveText(euro(ESPRESSO.price));
  await expect(page.getByTestId('cart-total')).toHaveText(euro(ESPRESSO.price + CROISSANT.price));

  // Into a line discount that already holds 10 %: it keeps it, and the line keeps its price.
  const discount = espresso.getByTestId('line-discount');
  await discount.fill('10%');
  await discount.press('Enter');
  await expect(espresso.getByTestId('line-amount')).toHaveText(euro(198));
  await discount.click();
  await scanInto(page, CROISSANT.barcode);
  await expect(lines.filter({ hasText: 'Croissant' }).getByTestId('line-qty')).toHaveValue('2');
  await expect(discount).toHaveValue('10%');
  await expect(espresso.getByTestId('line-amount')).toHaveText(euro(198));
  await page.keyboard.press('Tab'); // leaving the field applies what it holds: still 10 %
  await expect(espresso.getByTestId('line-amount')).toHaveText(euro(198));

  // Into the order discount, half typed ("5", not yet applied): the "5" stays, nothing is applied.
  const order = page.getByTestId('order-discount');
  await order.click();
  await typeSlowly(page, '5');
  await scanInto(page, MUFFIN.barcode);
  await expect(lines).toHaveCount(3);
  await expect(order).toHaveValue('5');
  const expected = 198 + 2 * CROISSANT.price + MUFFIN.price;
  await expect(page.getByTestId('cart-total')).toHaveText(euro(expected));
  await expect(page.getByTestId('register-message')).toHaveText(`Added ${MUFFIN.name} · ${euro(MUFFIN.price)}`);
});

test('a person typing in the same fields is never taken for a scanner', async ({ page }) => {
  await openSampleShop(page);
  await scanInto(page, ESPRESSO.barcode);
  const line = page.getByTestId('cart-line');
  await line.getByTestId('line-qty').click();
  await page.keyboard.press('Control+a');
  await typeSlowly(page, '12');
  await page.keyboard.press('Enter');
  await expect(line.getByTestId('line-qty')).toHaveValue('12');
  await expect(line.getByTestId('line-amount')).toHaveText(euro(12 * ESPRESSO.price));

  // Four digits and Enter in the order discount: an amount off, not a barcode.
  await page.getByTestId('order-discount').click();
  await typeSlowly(page, '1000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-discount')).toHaveValue('1000.00');
  await expect(page.getByTestId('register-message')).toHaveText(`Added ${ESPRESSO.name} · ${euro(ESPRESSO.price)}`);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

test('a scan during the payment is refused and leaves the amount as it was; on the receipt it starts the next sale', async ({ page }) => {
  await openSampleShop(page);
  await scanInto(page, ESPRESSO.barcode);
  // The cashier sees the line before paying (the register's own cart loads while its register id is taken).
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F8');
  const amount = page.getByTestId('tender-amount');
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue('2.20');
  await scanInto(page, CROISSANT.barcode);
  await expect(page.getByTestId('pay-notice')).toContainText(`“${CROISSANT.barcode}” was not added`);
  await expect(amount).toHaveValue('2.20');
  await expect(page.getByTestId('tenders').locator('li')).toHaveCount(0);
  await expect(page.getByTestId('pay-remaining')).toHaveText(euro(ESPRESSO.price));

  await amount.press('Enter');
  await page.keyboard.press('F8');
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
  await scanInto(page, CROISSANT.barcode);
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeHidden();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText('Croissant');
  await expect(page.getByTestId('register-search')).toBeFocused();
});

test('F8 pressed right after a burst of scans pays for every item scanned, not only those already shown', async ({ page }) => {
  await openSampleShop(page);
  // A scanner's keystrokes, then F8, Enter (the exact amount in cash) and F8 at once: no wait for the lines to
  // appear, as a quick cashier does. The sale recorded is all four items, paid in full.
  await scanBurstThen(page, [ESPRESSO.barcode, CROISSANT.barcode, MUFFIN.barcode, ESPRESSO.barcode], 'F8');
  await expect(page.getByTestId('tender-amount')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('F8');
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-total')).toHaveText(euro(2 * ESPRESSO.price + CROISSANT.price + MUFFIN.price));
});
