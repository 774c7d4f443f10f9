/**
 * Two tabs at one till (issue 13, defect 1). Each tab is its own register with its own cart: a sale rung up in a
 * second tab is recorded as its own sale, with its own receipt, whatever the first tab did meanwhile.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForDb } from './helpers';
import { reportFigures } from './kill-helpers';
import { loadSampleShop } from './transfer-helpers';
import { addByName, exportFacts, expectHealthy, payWith, receiptNumber } from './till-helpers';

let started = 0;
test.beforeEach(() => void (started = Date.now()));

/**
 * The export, as Python reads it, holds each acknowledged sale once with its own lines (`expected`: receipt number
 * to lines), whole and consistent; the figures are reported as `scenario`.
 */
async function expectSales(page: Page, expected: Record<number, string[]>, scenario: string): Promise<void> {
  const facts = await exportFacts(page);
  expectHealthy(facts);
  const bySale = Object.fromEntries(facts.sales.map((s) => [s.number, facts.lines[s.id]]));
  for (const [number, lines] of Object.entries(expected)) expect(bySale[Number(number)], `sale ${number}`).toEqual(lines);
  // Nothing recorded after the last acknowledged sale (a cart sold twice would be one more).
  expect(facts.sales.at(-1)?.number).toBe(Math.max(...Object.keys(expected).map(Number)));
  const acknowledged = Object.keys(expected).length;
  const doubled = facts.doubledIds.length + facts.doubledNumbers.length;
  reportFigures(`tabs-one-till: ${scenario}`, { acknowledged, found: acknowledged, lost: 0, doubled, hung: 0, refused: 0 }, started);
}

test.beforeEach(async ({ context }) => {
  // The export is read back through the download path (no File System Access picker).
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showSaveFilePicker;
  });
});

test('a sale rung up in a second tab is recorded as its own sale, with its own receipt', async ({ context }) => {
  const a = await context.newPage();
  await loadSampleShop(a);
  await addByName(a, 'Green tea');
  await expect(a.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');

  const b = await context.newPage();
  await b.goto('/');
  await waitForDb(b);
  await expect(b.getByTestId('register-search')).toBeVisible();

  await payWith(a, 'card');
  const first = await receiptNumber(a);
  expect(first).toBe(16);

  await addByName(b, 'Cola 330 ml');
  await expect(b.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
  await payWith(b, 'cash', '10');
  const dialog = b.getByRole('dialog', { name: 'Sale complete' });
  await expect(dialog.getByTestId('receipt-number')).toHaveText('Sale no. 000017');
  await expect(dialog.getByTestId('receipt')).toContainText('Cola 330 ml');
  // The second tab is another register: the first tab's Green tea was never in its cart.
  await expect(dialog.getByTestId('receipt')).not.toContainText('Green tea');
  await expect(dialog.getByTestId('change-due')).toHaveText('€8.50');
  expect(await receiptNumber(b)).toBe(17);

  await expectSales(b, { 16: ['Green teax1'], 17: ['Cola 330 mlx1'] }, 'defect 1');
});

test('clearing the cart in a second tab and selling there still records a new sale', async ({ context }) => {
  const a = await context.newPage();
  await loadSampleShop(a);
  await addByName(a, 'Green tea');
  await expect(a.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
  const b = await context.newPage();
  await b.goto('/');
  await waitForDb(b);
  await payWith(a, 'card');
  expect(await receiptNumber(a)).toBe(16);

  const stockOf = async () => {
    await b.getByTestId('register-search').fill('Cola 330');
    const text = (await b.getByTestId('product-tile').filter({ hasText: 'Cola 330 ml' }).first().textContent()) ?? '';
    await b.getByTestId('register-search').fill('');
    return Number(/(-?\d+) in stock/.exec(text)?.[1]);
  };
  const before = await stockOf();
  // Clear whatever this tab's cart holds, line by line, as a cashier would.
  // The cart holds a few items at most: twenty presses are a bound, and the count must then be zero.
  for (let press = 0; press < 20 && (await b.getByTestId('cart-line').count()) > 0; press++) await b.getByRole('button', { name: /^One less / }).first().click();
  await expect(b.getByTestId('cart-line'), 'the second tab\'s cart cleared').toHaveCount(0);
  await addByName(b, 'Cola 330 ml');
  await expect(b.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
  await payWith(b, 'cash', '10');
  expect(await receiptNumber(b)).toBe(17);
  // Cola's stock moved by the one sold.
  await expect.poll(stockOf).toBe(before - 1);
  await expectSales(b, { 16: ['Green teax1'], 17: ['Cola 330 mlx1'] }, 'defect 1, second tab cleared');
});

test('a duplicated tab is a register of its own: the original keeps its cart, the copy starts empty', async ({ context }) => {
  const a = await context.newPage();
  await loadSampleShop(a);
  await addByName(a, 'Green tea');
  await expect(a.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
  // Duplicating a tab copies its sessionStorage, where the register id is kept.
  const register = await a.evaluate(() => sessionStorage.getItem('tillite-register-id'));
  expect(register).toBeTruthy();
  const copy = await context.newPage();
  await copy.addInitScript((id) => sessionStorage.setItem('tillite-register-id', id), register!);
  await copy.goto('/');
  await waitForDb(copy);
  await expect(copy.getByRole('region', { name: 'Cart' })).toContainText('Scan a barcode or tap a product');
  expect(await copy.evaluate(() => sessionStorage.getItem('tillite-register-id'))).not.toBe(register);
  // The original's cart is not offered to the copy: its tab is still open.
  await expect(copy.getByTestId('left-cart')).toHaveCount(0);

  await addByName(copy, 'Cola 330 ml');
  await payWith(copy, 'card');
  expect(await receiptNumber(copy)).toBe(16);
  await payWith(a, 'card');
  const dialog = a.getByRole('dialog', { name: 'Sale complete' });
  await expect(dialog.getByTestId('receipt')).toContainText('Green tea');
  expect(await receiptNumber(a)).toBe(17);
  await expectSales(a, { 16: ['Cola 330 mlx1'], 17: ['Green teax1'] }, 'duplicated tab');
});

test('a cart left in a closed tab is offered back, resumed once, and sold once', async ({ context }) => {
  const a = await context.newPage();
  await loadSampleShop(a);
  await addByName(a, 'Green tea');
  await addByName(a, 'Green tea');
  await expect(a.getByTestId('cart-saved')).toHaveAttribute('data-state', 'saved');
  const b = await context.newPage();
  await b.goto('/');
  await waitForDb(b);
  // While tab A is open its cart is its own.
  await expect(b.getByTestId('left-cart')).toHaveCount(0);
  await a.close();

  const c = await context.newPage();
  await c.goto('/');
  await waitForDb(c);
  const offer = c.getByTestId('left-cart');
  await expect(offer).toContainText('2 items');
  await expect(offer).toContainText('€5.20');
  await expect(offer).toContainText('2 × Green tea');
  await c.getByTestId('left-cart-resume').click();
  await expect(c.getByTestId('cart-line')).toHaveCount(1);
  await expect(c.getByTestId('line-qty')).toHaveValue('2');
  await expect(offer).toHaveCount(0);

  // Tab B, reloaded, is not offered it again: it belongs to tab C now.
  await b.reload();
  await waitForDb(b);
  await expect(b.getByTestId('register-search')).toBeVisible();
  await expect(b.getByTestId('left-cart')).toHaveCount(0);

  await payWith(c, 'card');
  expect(await receiptNumber(c)).toBe(16);
  await expectSales(c, { 16: ['Green teax2'] }, 'left cart resumed');
});
