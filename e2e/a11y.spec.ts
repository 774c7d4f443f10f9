/**
 * axe-core on every view of the app, in real Chromium: no critical or serious violation on the first-run
 * setup, the register with a sale in progress, the payment and receipt dialogs, sales, the catalogue and its
 * product form, the quick keys while arranging, the catalogue's import preview, the shop, data and status pages,
 * the page for an unknown address, and the recovery screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { backUpNow, damageLiveDatabase, showData } from './backup-helpers';
import { waitForDb } from './helpers';
import { openSampleShop, sample, scanInto, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape });

/** The critical and serious violations on the page now, as readable lines (rule, impact, the elements). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${what}`).toEqual([]);
}

async function go(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await expect(page.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
}

test('first-run setup', async ({ page }) => {
  await page.goto('/');
  await waitForDb(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Tillite' })).toBeVisible();
  await expectAccessible(page, 'the first-run setup');
});

test('the register with a sale in progress, the payment and the receipt', async ({ page }) => {
  test.setTimeout(180_000);
  await openSampleShop(page);
  await scanInto(page, sample('Espresso').barcode);
  await scanInto(page, sample('Croissant').barcode);
  await page.getByTestId('line-discount').first().fill('10%');
  await page.getByTestId('line-discount').first().press('Enter');
  await expectAccessible(page, 'the register');

  await page.keyboard.press('F8');
  await expect(page.getByRole('dialog', { name: 'Payment' })).toBeVisible();
  await expectAccessible(page, 'the payment dialog');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Sale complete' })).toBeVisible();
  await expectAccessible(page, 'the receipt dialog');
});

test('the sales page, the catalogue and the product form', async ({ page }) => {
  test.setTimeout(180_000);
  await openSampleShop(page);
  await go(page, 'Sales');
  await page.getByTestId('sales-day').fill('');
  await page.getByTestId('sale-row').first().click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expectAccessible(page, 'the sales page');

  await go(page, 'Catalogue');
  await expect(page.getByTestId('product-row').first()).toBeVisible();
  await expectAccessible(page, 'the catalogue');
  await page.getByTestId('product-new').click();
  await expect(page.getByRole('dialog', { name: 'New product' })).toBeVisible();
  await expectAccessible(page, 'the product form');
});

test('the quick keys while arranging, and the catalogue import preview', async ({ page }) => {
  test.setTimeout(180_000);
  await openSampleShop(page);
  await page.getByTestId('show-quick-keys').click();
  await page.getByTestId('quick-arrange').click();
  await page.getByRole('button', { name: /^Pin / }).first().click();
  await expect(page.getByRole('button', { name: /^Unpin / })).toHaveCount(1);
  await expectAccessible(page, 'the quick keys while arranging');

  await go(page, 'Catalogue');
  const csv = 'name;price;tax_rate\r\nBrot;2,50;7\r\nBrezel;zwei;7\r\n';
  await page.getByTestId('csv-import').setInputFiles({ name: 'Artikel.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expectAccessible(page, 'the import preview');
});

test('the shop, data and status pages, and the page for an unknown address', async ({ page }) => {
  test.setTimeout(180_000);
  await openSampleShop(page);
  await go(page, 'Shop');
  await expectAccessible(page, 'the shop page');
  await go(page, 'Data');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the data page');
  await go(page, 'Status');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the status page');

  await page.goto('/no/such/page');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expectAccessible(page, 'the page for an unknown address');
});

test('the recovery screen of a damaged database', async ({ page }) => {
  await openSampleShop(page);
  await showData(page);
  await backUpNow(page, 'last good');
  await page.goto('/icons/favicon.svg'); // same origin, no app: the worker lets go of the files
  await damageLiveDatabase(page, 'whole');
  await page.goto('/status');
  await expect(page.getByTestId('recovery')).toBeVisible();
  await expectAccessible(page, 'the recovery screen');
});
