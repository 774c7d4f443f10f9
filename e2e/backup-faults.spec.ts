/**
 * Faults: a backup file damaged on disk, a page closed in the middle of a backup, a full disk, and a live
 * database that no longer opens. In each, what is kept intact is the live database's rows and the list's
 * honesty (no broken file listed as a good backup). The live data is products added in the Catalogue.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, persistentProfile, waitForDb } from './helpers';
import { realSchemaVersion } from './migration-ui';
import { addProductNamed, expectProductCount, expectProducts, openNewShop } from './shop-data';
import {
  backUpNow,
  backupFiles,
  expectNoTempLeft,
  damageBackupFile,
  damageLiveDatabase,
  openData,
  putBackupFile,
  restore,
  row,
  rows,
  showData,
  showStatus,
} from './backup-helpers';
import { loadSampleShop } from './transfer-helpers';

test('a backup damaged on disk is reported by verify and refused by restore; the live data stays', async ({ page }) => {
  await openNewShop(page);
  await addProductNamed(page, 'precious');
  await showData(page);
  const a = await backUpNow(page, 'a');
  const b = await backUpNow(page, 'b');
  // Each new backup's first background check writes its manifest in and replaces the file: damage goes in after
  // that, as a failing disk's would, or the replacement (proven whole) would carry it away.
  await expect(row(page, a)).toHaveAttribute('data-state', 'verified');
  await expect(row(page, b)).toHaveAttribute('data-state', 'verified');
  // Flip bytes inside the second page of each file: a failing disk, not a rewrite the app made.
  await damageBackupFile(page, a, 4096 + 200, 64);
  await damageBackupFile(page, b, 4096 + 200, 64);

  await row(page, a).getByTestId('backup-verify').click();
  await expect(page.getByTestId('data-message')).toContainText('is damaged');
  await expect(page.getByTestId('data-message')).toHaveAttribute('data-name', a);
  await expect(row(page, a)).toHaveAttribute('data-state', 'damaged');
  await expect(row(page, a).getByTestId('backup-restore')).toBeDisabled();

  // b is still listed as verified (nobody checked it since): restore checks it first and refuses.
  await row(page, b).getByTestId('backup-restore').click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-error')).toContainText('damaged and cannot be restored');
  await expect(row(page, b)).toHaveAttribute('data-state', 'damaged');
  await expect(rows(page, 'before-restore')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();

  await expectProducts(page, ['precious']);
});

test('a full disk: the backup is refused before anything is written, and a warning stays until one succeeds', async ({ page, context }) => {
  await openNewShop(page);
  await addProductNamed(page, 'still here');
  await showData(page);
  await expect(rows(page, 'scheduled')).toHaveCount(1);
  // The scheduled backup's first check (which writes its manifest in through a file of its own) is done.
  await expect(rows(page, 'scheduled')).toHaveAttribute('data-state', 'verified');
  const before = await expectNoTempLeft(page);

  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL, quotaSize: usage + 50_000 });
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('data-message')).toContainText('Not enough storage');
  await expect(page.getByTestId('backup-warning')).toContainText('Not enough storage');
  expect(await backupFiles(page)).toEqual(before);
  await expect(page.getByTestId('backup-log').locator('li').first()).toHaveAttribute('data-ok', 'false');

  // The warning is on every view, and the live database is untouched.
  await showStatus(page);
  await expect(page.getByTestId('backup-warning')).toBeVisible();
  await expectProducts(page, ['still here']);
  await expect(page.getByTestId('backup-warning')).toBeVisible();

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL });
  await showData(page);
  await backUpNow(page);
  await expect(page.getByTestId('backup-warning')).toHaveCount(0);
});

test.describe('with a large database', () => {
  let dir = '';
  let fixture = '';
  const ROWS = 150_000;
  test.beforeAll(() => {
    // A shop and ROWS products, written by Python's SQLite: tens of seconds on a busy machine (full-text index).
    test.setTimeout(180_000);
    dir = mkdtempSync(join(tmpdir(), 'tillite-large-'));
    fixture = join(dir, 'large.db');
    execFileSync('python3', ['e2e/fixtures/make-large-db.py', fixture, String(ROWS)]);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('closing the page during a backup lists no broken backup, cleans the leftover, keeps the data', async () => {
    test.setTimeout(300_000);
    const slow = 120_000;
    // A profile on disk, as a shop runs it: OPFS in incognito-like contexts is about ten times slower.
    const profile = persistentProfile();
    const context = await profile.open();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await openData(page);
      // A file found in backups/ is checked and catalogued at start-up; then it is restored as the live database.
      const large = `tillite-manual-v${realSchemaVersion()}-2026-01-01T00-00-00Z-large.db`;
      await putBackupFile(page, fixture, large);
      await page.reload();
      await waitForDb(page);
      await expect(row(page, large)).toHaveAttribute('data-state', 'verified', { timeout: slow });
      await restore(page, large, slow);

      // A whole backup of it, timed.
      const full = await backUpNow(page, 'timed', slow);
      const took = await page.getByTestId('backup-log').locator('li').filter({ hasText: full }).getByTestId('log-duration').first().textContent();
      test.info().annotations.push({ type: 'backup of the large database', description: `${took?.replace('·', '').trim()} for ${ROWS} products` });

      // Its first background check (which writes its manifest in through a temporary file of its own) is done.
      await expect(row(page, full)).toHaveAttribute('data-state', 'verified', { timeout: slow });

      // Another, interrupted: the page closes as soon as its temporary file shows up.
      const sawTemp = page.evaluate(async () => {
        const backups = await (await navigator.storage.getDirectory()).getDirectoryHandle('backups');
        for (const until = performance.now() + 60_000; performance.now() < until; ) {
          for await (const name of (backups as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.endsWith('-interrupted.db.tmp')) return name;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return null;
      });
      await page.getByTestId('backup-description').fill('interrupted');
      await page.getByTestId('backup-now').click();
      expect(await sawTemp).toMatch(/-interrupted\.db\.tmp$/);
      await page.close();

      const again = await context.newPage();
      await openData(again);
      const files = await expectNoTempLeft(again, slow);
      // Whatever is listed is whole, and has its file.
      for (const listed of await rows(again).all()) {
        await expect(listed).toHaveAttribute('data-state', 'verified');
        expect(files).toContain(await listed.getAttribute('data-name'));
      }
      await expect(again.locator('.brand')).toHaveText('Large Warehouse', { timeout: slow });
      await expectProductCount(again, ROWS, slow);
    } finally {
      await context.close();
      profile.dispose();
    }
  });
});

test('a live database that no longer opens: the recovery screen restores the newest backup', async ({ context, page }) => {
  await openNewShop(page);
  await addProductNamed(page, 'saved by the backup');
  await showData(page);
  const backup = await backUpNow(page, 'last good');
  await page.goto('/icons/favicon.svg'); // same origin, no app: the worker and its file handles go away

  // Damage the live file in the pool: overwrite its data, and drop its WAL.
  await damageLiveDatabase(page, 'whole');

  await page.goto('/status');
  const recovery = page.getByTestId('recovery');
  await expect(recovery).toBeVisible();
  await expect(page.getByTestId('recovery-newest')).toHaveAttribute('data-name', backup);
  await expect(page.getByTestId('recovery-newest')).toContainText(/\b1 products?\b/);
  await page.getByTestId('recovery-restore-newest').click();
  await waitForDb(page);
  await expectProducts(page, ['saved by the backup']);

  // The damaged file was kept (listed as damaged, never restorable), and writing works again.
  await addProductNamed(page, 'after recovery');
  await expectProducts(page, ['after recovery', 'saved by the backup']);
  await showData(page);
  await expect(rows(page, 'before-restore').first()).toHaveAttribute('data-state', 'damaged');
});

test('a live database damaged inside, its header and schema whole: the recovery screen offers the backup', async ({ page }) => {
  await loadSampleShop(page); // a catalogue and sales: the last pages of the file hold their rows
  await showData(page);
  const backup = await backUpNow(page, 'before the damage');
  // Restoring it swaps the file in whole (the WAL folded in), so the rows are in the file itself, as after any
  // checkpoint; a damaged page there is then what the till reads.
  await restore(page, backup);
  await page.goto('/icons/favicon.svg'); // same origin, no app: the worker and its file handles go away

  // Damage one page of rows near the end of the file: the header and the schema stay whole, so the file opens
  // and the till starts; only a full check finds the damage.
  await damageLiveDatabase(page, 'one-page');

  await page.goto('/status');
  // The file opens; the damage is found by whatever reads the page first (start-up's own queries, or the
  // integrity check that runs table by table once the till is open), and the recovery screen takes over.
  // Nothing is lost: the newest backup from before the damage is offered first and brings the shop back.
  await expect(page.getByTestId('recovery')).toBeVisible();
  await expect(page.getByTestId('recovery')).toHaveAttribute('data-code', 'damaged');
  // The newest verified backup: the snapshot the restore took just before (it holds the same shop).
  await expect(page.getByTestId('recovery-newest')).toHaveAttribute('data-name', /^tillite-before-restore-/);
  await page.getByTestId('recovery-restore-newest').click();
  await waitForDb(page);
  // The sample shop is back: its catalogue lists its products again.
  await page.getByRole('link', { name: 'Catalogue' }).click();
  await expect(page.getByTestId('product-row').filter({ hasText: 'Croissant' })).toBeVisible();
});
