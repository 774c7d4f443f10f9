// Takes the screenshots kept under docs/screenshots (the register mid-sale, its quick keys, the payment, the
// receipt, a sales report with its chart, a Z report, the Data page and the recovery screen, at 1024×768 and
// 390×844) and the two the web app manifest shows in the install
// dialog (public/screenshots). Needs a running build: `npx vite build && npx vite preview --port 4331`, then
// `BASE_URL=http://127.0.0.1:4331 node scripts/screenshots.mjs`.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4331';
const executablePath = process.env.PLAYWRIGHT_CHROMIUM ?? execSync('command -v chromium', { encoding: 'utf8' }).trim();
const SIZES = [
  [1024, 768],
  [390, 844],
];
mkdirSync('docs/screenshots', { recursive: true });
mkdirSync('public/screenshots', { recursive: true });

/** Overwrites the live database in the pool once the worker has let go of it: the recovery screen follows. */
async function damageLiveDatabase(page) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const done = await page.evaluate(async () => {
      try {
        const root = await navigator.storage.getDirectory();
        const pool = await (await root.getDirectoryHandle('.tillite-sahpool')).getDirectoryHandle('.opaque');
        let damaged = false;
        for await (const handle of pool.values()) {
          const file = await handle.getFile();
          const path = new TextDecoder().decode(new Uint8Array(await file.slice(0, 512).arrayBuffer())).replace(/\0.*$/s, '');
          if (path !== '/tillite.db' && path !== '/tillite.db-wal') continue;
          const writable = await handle.createWritable({ keepExistingData: true });
          if (path === '/tillite.db-wal') await writable.write({ type: 'write', position: 0, data: new Uint8Array(512) });
          else {
            await writable.write({ type: 'write', position: 4096, data: new Uint8Array(file.size - 4096).fill(0xa5) });
            damaged = true;
          }
          await writable.close();
        }
        return damaged;
      } catch {
        return false;
      }
    });
    if (done) return;
    await page.waitForTimeout(200);
  }
  throw new Error('The live database could not be damaged');
}

for (const [width, height] of SIZES) {
  const suffix = `${width}x${height}`;
  const profile = mkdtempSync(join(tmpdir(), 'tillite-shots-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: ['--no-sandbox', '--disable-gpu'], viewport: { width, height }, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'Load a sample shop' }).click();
    const search = page.getByTestId('register-search');
    // A shift open from the start, so the sale below is in its Z report.
    await search.waitFor();
    await page.getByRole('link', { name: 'Shift' }).click();
    await page.getByTestId('shift-name').fill('Lena Park');
    await page.getByTestId('shift-float').fill('100');
    await page.getByTestId('shift-open').click();
    await page.getByTestId('shift-open-since').waitFor();
    await page.getByRole('link', { name: 'Register' }).click();
    for (const code of ['4000000000020', '4000000000143', '4000000000143', '4000000000211', '4000000000051']) {
      await search.fill(code);
      await search.press('Enter');
    }
    await page.getByTestId('line-discount').nth(2).fill('10%');
    await page.getByTestId('line-discount').nth(2).press('Enter');
    await search.fill('');
    await page.getByTestId('cart-saved').and(page.locator('[data-state="saved"]')).waitFor();
    await search.focus();
    await page.screenshot({ path: `docs/screenshots/register-${suffix}.png` });
    // The quick keys (the sample's best sellers), then back to the catalogue for the rest.
    await page.getByTestId('show-quick-keys').click();
    await page.getByTestId('quick-key').first().waitFor();
    await page.screenshot({ path: `docs/screenshots/quick-keys-${suffix}.png` });
    await page.getByTestId('show-all-products').click();

    await page.getByTestId('pay').click();
    await page.getByTestId('tender-amount').fill('5');
    await page.getByTestId('tender-card').click();
    await page.getByTestId('quick-cash').first().click();
    await page.screenshot({ path: `docs/screenshots/payment-${suffix}.png` });
    await page.getByTestId('complete-sale').click();
    await page.getByTestId('receipt').waitFor();
    await page.screenshot({ path: `docs/screenshots/receipt-${suffix}.png` });
    await page.getByTestId('new-sale').click();

    // The sales report of the sample shop's last days, with its chart; then the shift closed into its Z report,
    // the drawer counted by notes and coins.
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.getByTestId('report-chart').waitFor();
    await page.screenshot({ path: `docs/screenshots/reports-${suffix}.png` });
    await page.getByRole('link', { name: 'Shift' }).click();
    for (const [piece, n] of [['note-5000', '2'], ['note-1000', '1'], ['coin-200', '3'], ['coin-50', '1']]) await page.getByTestId(`piece-${piece}`).fill(n);
    await page.getByTestId('count-card').fill('5');
    await page.getByTestId('shift-name').fill('Tom Reyes');
    await page.getByTestId('shift-close').click();
    await page.getByTestId('confirm-difference').or(page.getByTestId('z-report')).first().waitFor();
    if (await page.getByTestId('confirm-difference').isVisible()) await page.getByTestId('confirm-difference').click();
    await page.getByTestId('z-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `docs/screenshots/z-report-${suffix}.png` });

    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/screenshots/data-${suffix}.png` });

    // A backup first, so the recovery screen has one to offer; then the page goes away and the file is damaged.
    await page.getByTestId('backup-now').click();
    await page.locator('[data-testid="backup-row"][data-kind="manual"]').first().waitFor();
    await page.goto(`${base}/icons/favicon.svg`);
    await damageLiveDatabase(page);
    await page.goto(base);
    await page.getByTestId('recovery').waitFor();
    await page.screenshot({ path: `docs/screenshots/recovery-${suffix}.png` });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
// The install dialog shows the register: wide on a computer or tablet, narrow on a phone.
copyFileSync('docs/screenshots/register-1024x768.png', 'public/screenshots/register-wide.png');
copyFileSync('docs/screenshots/register-390x844.png', 'public/screenshots/register-narrow.png');
console.log('Screenshots written to docs/screenshots/ and public/screenshots/');
