/**
 * Ten sales in one page load, each finished from the keyboard alone (scan, F8, tender, complete, next sale),
 * with the focus checked at every step, at landscape and portrait tablet sizes. The second and later sales are
 * where a dialog's one-time `autofocus` used to fail.
 */
import { expect, test, type Page } from '@playwright/test';
import { euro, expectInViewport, openSampleShop, sample, scanInto, SIZES } from './till';

const ESPRESSO = sample('Espresso');
const CROISSANT = sample('Croissant');

/** Tab many times in the payment dialog: the focus must never reach the page behind it. */
async function expectTabStaysInDialog(page: Page): Promise<void> {
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="payment-dialog"]'));
    expect(inside, `focus after ${i + 1} Tab presses is inside the payment dialog`).toBe(true);
  }
}

for (const [name, size] of [
  ['1024×768', SIZES.tabletLandscape],
  ['768×1024', SIZES.tabletPortrait],
] as const) {
  test(`ten keyboard-only sales in one page load at ${name}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await openSampleShop(page);
    const search = page.getByTestId('register-search');
    const payment = page.getByRole('dialog', { name: 'Payment' });
    const receipt = page.getByRole('dialog', { name: 'Sale complete' });

    for (let sale = 1; sale <= 10; sale++) {
      await test.step(`sale ${sale}`, async () => {
        await expect(search).toBeFocused();
        await scanInto(page, ESPRESSO.barcode);
        await expect(page.getByTestId('cart-line')).toHaveCount(1);
        let total = ESPRESSO.price;
        if (sale % 2 === 0) {
          await scanInto(page, CROISSANT.barcode);
          await expect(page.getByTestId('cart-line')).toHaveCount(2);
          total += CROISSANT.price;
        }
        await expect(search).toBeFocused();
        await expect(search).toHaveValue('');
        await expect(page.getByTestId('cart-total')).toHaveText(euro(total));

        await page.keyboard.press('F8');
        await expect(payment).toBeVisible();
        const amount = page.getByTestId('tender-amount');
        await expect(amount).toBeFocused();
        await expect(amount).toHaveValue((total / 100).toFixed(2));
        if (sale === 1) await expectTabStaysInDialog(page);
        if (sale === 1) await amount.focus();

        if (sale % 3 === 1) {
          // Exact cash: Enter takes the amount pre-filled.
          await page.keyboard.press('Enter');
        } else if (sale % 3 === 2) {
          // Card: Tab to the card button (amount, Cash, Card), Enter.
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          await expect(page.getByTestId('tender-card')).toBeFocused();
          await page.keyboard.press('Enter');
        } else {
          // A 20 note: type it over the selected amount, Enter.
          await page.keyboard.type('20');
          await page.keyboard.press('Enter');
          await expect(page.getByTestId('pay-change')).toHaveText(euro(2000 - total));
        }
        await expect(page.getByTestId('complete-sale')).toBeFocused();
        // F8 on even sales, Enter on odd ones: both complete.
        await page.keyboard.press(sale % 2 === 0 ? 'F8' : 'Enter');

        await expect(receipt).toBeVisible();
        await expect(payment).toBeHidden();
        await expect(page.getByTestId('new-sale')).toBeFocused();
        await expect(receipt.getByTestId('receipt-number')).toHaveText(`Sale no. ${String(15 + sale).padStart(6, '0')}`);
        await expect(receipt.getByTestId('receipt-total')).toHaveText(euro(total));
        for (const id of ['new-sale', 'print-80', 'print-a4']) await expectInViewport(page, page.getByTestId(id));
        // Esc on the last sale, Enter on the others: both start the next sale.
        await page.keyboard.press(sale === 10 ? 'Escape' : 'Enter');
        await expect(receipt).toBeHidden();
        await expect(page.getByTestId('cart-line')).toHaveCount(0);
      });
    }
    await expect(search).toBeFocused();

    // The tenth sale is in the sales list with its total.
    await page.getByRole('link', { name: 'Sales' }).click();
    await page.getByTestId('sales-number').fill('25');
    await expect(page.getByTestId('sale-row')).toHaveCount(1);
    await expect(page.getByTestId('sale-row')).toContainText(euro(ESPRESSO.price + CROISSANT.price));
  });
}

test('Esc leaves the payment and gives the focus back to the scan field, every time', async ({ page }) => {
  await page.setViewportSize(SIZES.tabletLandscape);
  await openSampleShop(page);
  const search = page.getByTestId('register-search');
  await scanInto(page, ESPRESSO.barcode);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('F8');
    await expect(page.getByTestId('tender-amount')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Payment' })).toBeHidden();
    await expect(search).toBeFocused();
  }
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});
