/**
 * The device's storage fills up during a sale (issue 13, defect 2): the cashier is told that the storage is full
 * and what to do, the cart is kept, nothing is half-written, and the sale completes once room is made.
 */
import { expect, test } from '@playwright/test';
import { BASE_URL } from './helpers';
import { loadSampleShop } from './transfer-helpers';
import { addByName, exportFacts, expectHealthy, receiptNumber } from './till-helpers';

test('a full disk during a sale says so, keeps the cart, and the sale completes once there is room', async ({ page, context }) => {
  await page.addInitScript(() => delete (window as unknown as Record<string, unknown>).showSaveFilePicker);
  await loadSampleShop(page);
  await addByName(page, 'Green tea');
  await addByName(page, 'Cola 330 ml');
  await expect(page.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');

  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL, quotaSize: usage });
  await page.getByTestId('pay').click();
  await page.getByTestId('tender-card').click();
  await page.getByTestId('complete-sale').click();
  const alert = page.getByRole('dialog', { name: 'Payment' }).getByRole('alert');
  await expect(alert).toContainText('storage is full');
  await expect(alert).toContainText('Free');
  await expect(alert).not.toContainText('cannot rollback');
  await expect(alert).not.toContainText(/^SQLITE/);

  // The cart is still there, with both lines and the card payment.
  await page.getByRole('button', { name: /^Back/ }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL });
  await page.getByTestId('pay').click();
  await page.getByTestId('complete-sale').click();
  expect(await receiptNumber(page)).toBe(16);

  const facts = await exportFacts(page);
  expectHealthy(facts);
  expect(facts.sales.map((s) => s.number).at(-1)).toBe(16);
  const last = facts.sales.at(-1)!;
  expect(facts.lines[last.id]).toEqual(['Green teax1', 'Cola 330 mlx1']);
});
