/**
 * The upgrade backup: the same shop opened by a newer app version gets an `upgrade` backup of the data as the
 * older version left it, catalogued with the others. Two builds of the app, served in turn on one origin.
 */
import { chromium, expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PORT } from '../playwright.config';
import { waitForDb } from './helpers';
import { addProductNamed, setUpTestShop } from './shop-data';
import { rows, showData } from './backup-helpers';

// One more than the suite's port: this spec runs its own server, one build at a time.
const UPGRADE_PORT = PORT + 1;
const ORIGIN = `http://127.0.0.1:${UPGRADE_PORT}`;
const BUILDS = { old: { version: '0.1.0', dir: 'dist-backups-old' }, next: { version: '0.2.0', dir: 'dist-backups-next' } };

function build({ version, dir }: { version: string; dir: string }): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    env: { ...process.env, TILLITE_APP_VERSION: version, TILLITE_OUT_DIR: dir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr}`);
}

async function serve(dir: string): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(UPGRADE_PORT), '--strictPort', '--host', '127.0.0.1', '--outDir', dir], {
    stdio: 'ignore',
    detached: true,
  });
  await expect.poll(() => fetch(`${ORIGIN}/`).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true);
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  await expect.poll(() => fetch(`${ORIGIN}/`).then(() => true, () => false), { timeout: 30_000 }).toBe(false);
}

test.beforeAll(() => {
  test.setTimeout(240_000);
  build(BUILDS.old);
  build(BUILDS.next);
});
test.afterAll(() => {
  for (const { dir } of Object.values(BUILDS)) rmSync(dir, { recursive: true, force: true });
});

test('opening the shop with a newer app version takes an upgrade backup of the data as it was', async () => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'tillite-upgrade-'));
  // No service worker: it would keep serving the old build; the update flow itself is tested elsewhere.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL: ORIGIN, serviceWorkers: 'block' });
  let server = await serve(BUILDS.old.dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/status');
    await waitForDb(page);
    await expect(page.getByTestId('app-version')).toHaveText(BUILDS.old.version);
    await setUpTestShop(page);
    await addProductNamed(page, 'added on the old version');
    await showData(page);
    await expect(rows(page, 'upgrade')).toHaveCount(0);
    await page.goto('about:blank'); // the old worker lets go of the database

    await stop(server);
    server = await serve(BUILDS.next.dir);
    await page.goto('/data');
    await waitForDb(page);
    const upgrade = rows(page, 'upgrade');
    await expect(upgrade).toHaveCount(1);
    await expect(upgrade.first()).toHaveAttribute('data-name', /^tillite-upgrade-v\d+-.*-0\.1\.0-to-0\.2\.0\.db$/);
    await expect(upgrade.first()).toHaveAttribute('data-state', 'verified');
    await expect(upgrade.first().getByTestId('backup-holds')).toContainText(/\b1 products?\b/);

    // Opening the same version again takes no second one.
    await page.reload();
    await waitForDb(page);
    await showData(page);
    await expect(rows(page, 'manual').or(rows(page, 'scheduled')).first()).toBeVisible();
    await expect(rows(page, 'upgrade')).toHaveCount(1);
  } finally {
    await context.close();
    await stop(server);
    rmSync(profile, { recursive: true, force: true });
  }
});
