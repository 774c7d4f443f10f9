// Takes the screenshots kept under docs/screenshots: the register mid-sale and a receipt, at 1024×768 in
// headless Chromium. Needs a running build: `npx vite build && npx vite preview --port 4331`, then
// `BASE_URL=http://127.0.0.1:4331 node scripts/screenshots.mjs`.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4331';
const executablePath = process.env.PLAYWRIGHT_CHROMIUM ?? execSync('command -v chromium', { encoding: 'utf8' }).trim();
const profile = mkdtempSync(join(tmpdir(), 'tillite-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  args: ['--no-sandbox', '--disable-gpu'],
  viewport: { width: 1024, height: 768 },
  locale: 'en-GB',
});
try {
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('button', { name: 'Load a sample shop' }).click();
  const search = page.getByTestId('register-search');
  for (const code of ['4000000000020', '4000000000143', '4000000000143', '4000000000211']) {
    await search.fill(code);
    await search.press('Enter');
  }
  await page.getByTestId('line-discount').nth(2).fill('10%');
  await page.getByTestId('line-discount').nth(2).press('Enter');
  await search.fill('tea');
  await page.getByTestId('cart-saved').and(page.locator('[data-state="saved"]')).waitFor();
  await page.screenshot({ path: 'docs/screenshots/register.png' });

  await page.getByTestId('pay').click();
  await page.getByTestId('tender-amount').fill('5');
  await page.getByTestId('tender-card').click();
  await page.getByTestId('quick-cash').filter({ hasText: '10.00' }).click();
  await page.screenshot({ path: 'docs/screenshots/payment.png' });
  await page.getByTestId('complete-sale').click();
  await page.getByTestId('receipt').waitFor();
  await page.getByTestId('receipt').screenshot({ path: 'docs/screenshots/receipt.png' });
  console.log('Screenshots written to docs/screenshots/');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
