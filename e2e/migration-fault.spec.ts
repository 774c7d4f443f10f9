/**
 * Fault: the page is closed while a migration runs. On reopening, the database is at a consistent version (the
 * interrupted migration left nothing behind), the migration runs again to completion, and no row is lost.
 */
import { expect, test } from '@playwright/test';
import { PORT } from '../playwright.config';
import { buildApp, launchProfile, removeBuilds, serveBuild } from './app-builds';
import { persistentProfile, waitForDb } from './helpers';
import { addProductNamed, expectProducts, setUpTestShop } from './shop-data';
import { expectVersions, realSchemaVersion } from './migration-ui';
import { expectNoTempLeft, showStatus } from './backup-helpers';

// Its own port: the upgrade spec may run at the same time in the other Playwright worker.
const SERVER_PORT = PORT + 2;
const LATEST = realSchemaVersion();

test.afterAll(() => removeBuilds());

test('closing the page in the middle of a migration leaves a consistent database that migrates on reopening', async () => {
  test.setTimeout(240_000);
  const base = buildApp('fault-base', '0.1.0');
  const slow = buildApp('fault-slow', '0.3.0', 'slow');
  const server = await serveBuild(SERVER_PORT, base);
  const profile = persistentProfile();
  // Service workers blocked so that a reload loads whatever build the server holds (the update flow has its
  // own test); the profile is on disk, as a shop runs it.
  let context = await launchProfile(profile.dir, { serviceWorkers: 'block' });
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}status`);
    await waitForDb(page);
    await expectVersions(page, '0.1.0', LATEST);
    await setUpTestShop(page);
    for (const name of ['alpha', 'beta', 'gamma']) await addProductNamed(page, name);
    await showStatus(page);

    server.switchTo(slow);
    await page.reload();
    // The leader reports each migration as it starts; close the page while the slow one runs.
    await expect(page.getByTestId('db-state')).toContainText(`migration ${LATEST + 1} (slow_fill)`);
    await page.close();
    await context.close();

    // Reopen the browser on the same profile.
    context = await launchProfile(profile.dir, { serviceWorkers: 'block' });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}status`);
    // The slow migration runs again in full: seconds alone, much longer on a busy two-core machine.
    await expect(page.getByTestId('db-state')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    await expectVersions(page, '0.3.0', LATEST + 1);
    await expect(page.locator(`[data-testid="migration-row"][data-version="${LATEST + 1}"]`)).toContainText('slow_fill');
    // Kept intact: every product added before the update, each renamed by the migration exactly once.
    await expectProducts(page, ['alpha (migrated)', 'beta (migrated)', 'gamma (migrated)']);

    // Two pre-migration snapshots from the same version: the interrupted run had not committed, so the second
    // start found the migration still pending and took a snapshot again before running it.
    const names = await expectNoTempLeft(page);
    const pre = names.filter((name) => name.startsWith(`tillite-pre-migration-v${LATEST}-to-v${LATEST + 1}-`));
    expect(pre, `backups/ holds ${names.join(', ')}`).toHaveLength(2);

    // The database keeps working after the interrupted migration.
    await addProductNamed(page, 'after the update');
    await expectProducts(page, ['after the update', 'alpha (migrated)', 'beta (migrated)', 'gamma (migrated)']);
  } finally {
    await context.close();
    profile.dispose();
    await server.close();
  }
});
