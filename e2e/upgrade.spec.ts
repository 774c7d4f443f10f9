/**
 * As a shop upgrades: the first build is served, the shop writes data, the host deploys a second build with one
 * more migration, the service worker's update flow runs, and the new version migrates the data after taking a
 * verified pre-migration snapshot that still holds the old data (checked with Python's sqlite3).
 */
import { expect, test } from '@playwright/test';
import { PORT } from '../playwright.config';
import { buildApp, launchProfile, removeBuilds, serveBuild } from './app-builds';
import { persistentProfile, waitForDb, waitForServiceWorker } from './helpers';
import { addProductNamed, expectProducts, setUpTestShop } from './shop-data';
import { copyBackupToDisk, expectVersions, inspectWithPython, realSchemaVersion } from './migration-ui';
import { expectNoTempLeft, showStatus } from './backup-helpers';

// Every spec that serves builds of its own has its own port (see README): two may run at once.
const SERVER_PORT = PORT + 3;
const LATEST = realSchemaVersion();
let v1 = '';
let v2 = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  v1 = buildApp('v1', '0.1.0');
  v2 = buildApp('v2', '0.2.0', 'next');
});
test.afterAll(() => removeBuilds());

test('an update through the service worker migrates the data after a pre-migration snapshot of the old data', async () => {
  test.setTimeout(180_000);
  const server = await serveBuild(SERVER_PORT, v1);
  const profile = persistentProfile();
  const context = await launchProfile(profile.dir, { serviceWorkers: 'allow' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}status`);
    await waitForDb(page);
    // The first visit installs the service worker, which claims the page once the app is precached.
    await waitForServiceWorker(page);
    await waitForDb(page);
    await expectVersions(page, '0.1.0', LATEST);
    await setUpTestShop(page);
    await addProductNamed(page, 'added before the update');
    await addProductNamed(page, 'second product');
    await showStatus(page);

    // The host deploys the next version; the browser finds it on the next navigation and it waits.
    server.switchTo(v2);
    await page.reload();
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('app-version')).toHaveText('0.1.0');
    await page.getByRole('button', { name: 'Update now' }).click();

    // The page reloads onto the new version, which migrates before it serves anything.
    await expectVersions(page, '0.2.0', LATEST + 1);
    await waitForDb(page);
    const newest = page.locator(`[data-testid="migration-row"][data-version="${LATEST + 1}"]`);
    await expect(newest).toContainText('next_product_shelf_label');
    await expect(newest).toContainText('0.2.0');

    // The UI lists the pre-migration snapshot, and it is a plain file in OPFS backups/.
    const pattern = new RegExp(`^tillite-pre-migration-v${LATEST}-to-v${LATEST + 1}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z\\.db$`);
    await expect(page.getByTestId('migration-snapshots')).toContainText(`tillite-pre-migration-v${LATEST}-to-v${LATEST + 1}-`);
    const names = await expectNoTempLeft(page);
    const snapshotName = names.find((name) => pattern.test(name));
    expect(snapshotName, `backups/ holds ${names.join(', ')}`).toBeDefined();

    // The migrated products are all there.
    await expectProducts(page, ['added before the update', 'second product']);

    // The snapshot holds the old data at the old schema, whole, as an independent SQLite reads it.
    const copy = await copyBackupToDisk(page, snapshotName!);
    try {
      const snapshot = inspectWithPython(copy.path);
      expect(snapshot.integrity).toBe('ok');
      expect(snapshot.userVersion).toBe(LATEST);
      expect(snapshot.productColumns).toContain('name');
      expect(snapshot.productColumns).not.toContain('shelf_label');
      expect(snapshot.products).toEqual(['added before the update', 'second product']);
    } finally {
      copy.dispose();
    }
  } finally {
    await context.close();
    profile.dispose();
    await server.close();
  }
});

test('a tab still on the old version is told to reload rather than talk to the newer leader', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await serveBuild(SERVER_PORT, v1);
  // Service workers blocked: each tab loads whatever the server holds when it opens, so two versions coexist.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const oldTab = await context.newPage();
    await oldTab.goto(`${server.url}status`);
    await waitForDb(oldTab);
    await expectVersions(oldTab, '0.1.0', LATEST);
    await setUpTestShop(oldTab);
    await addProductNamed(oldTab, 'written by the old tab');
    await showStatus(oldTab);

    server.switchTo(v2);
    const newTab = await context.newPage();
    await newTab.goto(`${server.url}status`);

    // The old leader steps down for the newer tab, which then migrates and serves.
    await expect(oldTab.getByTestId('fatal')).toHaveAttribute('data-code', 'outdated');
    await expect(oldTab.getByRole('heading', { name: 'Tillite was updated' })).toBeVisible();
    await expect(oldTab.getByTestId('fatal')).toContainText('0.2.0');
    await waitForDb(newTab);
    await expectVersions(newTab, '0.2.0', LATEST + 1);
    await expectProducts(newTab, ['written by the old tab']);
    await addProductNamed(newTab, 'written by the new tab');

    // A tab of the old version opened now is refused at once, and never reaches the new database.
    server.switchTo(v1);
    const lateOldTab = await context.newPage();
    await lateOldTab.goto(`${server.url}status`);
    await expect(lateOldTab.getByTestId('fatal')).toHaveAttribute('data-code', 'outdated');
    await expectProducts(newTab, ['written by the new tab', 'written by the old tab']);

    // Reloading the old tab onto the new version makes it a normal follower again.
    server.switchTo(v2);
    await oldTab.reload();
    await waitForDb(oldTab);
    await expectVersions(oldTab, '0.2.0', LATEST + 1);
  } finally {
    await context.close();
    await server.close();
  }
});
