/**
 * A shop made on the previous release upgrades to this one: the previous release (this repository as it was
 * just before the lean sales schema, built from git) is served, the sample shop is loaded and every receipt read
 * off the screen; then this build is deployed, the service worker's update flow runs, the database migrates
 * after a verified pre-migration snapshot, the snapshot is listed, and every old sale reprints identically.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORT } from '../playwright.config';
import { buildApp, launchProfile, removeBuilds, serveBuild } from './app-builds';
import { persistentProfile, waitForDb, waitForServiceWorker } from './helpers';
import { expectVersions, inspectWithPython, copyBackupToDisk, realSchemaVersion } from './migration-ui';
import { backupFiles } from './backup-helpers';

// Every spec that serves builds of its own has its own port (see README): two may run at once.
const SERVER_PORT = PORT + 6;
const LATEST = realSchemaVersion();
const LEAN_MIGRATION = 'src/db/migrations/0003_lean_sales.sql';
/** The schema of the previous release: the one just before the lean schema (not LATEST − 1 once later migrations land). */
const PREVIOUS_SCHEMA = 2;
const sources = mkdtempSync(join(tmpdir(), 'tillite-previous-'));
let previous = '';
let current = '';

test.describe.configure({ mode: 'serial' });

/** Builds the commit just before the lean schema was added, with this checkout's packages. */
function buildPreviousRelease(): string {
  const added = execFileSync('git', ['log', '--diff-filter=A', '--format=%H', '-1', '--', LEAN_MIGRATION], { encoding: 'utf8' }).trim();
  if (!added) throw new Error(`git does not know when ${LEAN_MIGRATION} was added`);
  execSync(`git archive ${added}^ | tar -x -C ${JSON.stringify(sources)}`);
  symlinkSync(join(process.cwd(), 'node_modules'), join(sources, 'node_modules'));
  const outDir = join(sources, 'dist-previous');
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: sources,
    env: { ...process.env, TILLITE_APP_VERSION: '0.1.0', TILLITE_EXTRA_MIGRATIONS: '' },
    stdio: 'ignore',
  });
  return outDir;
}

test.beforeAll(() => {
  test.setTimeout(300_000);
  previous = buildPreviousRelease();
  current = buildApp('current', '0.2.0');
});
test.afterAll(() => {
  removeBuilds();
  rmSync(sources, { recursive: true, force: true });
});

/** Every sale's receipt as the Sales view shows it, by number (1 to `count`). */
async function receipts(page: Page, count: number): Promise<string[]> {
  await page.goto(`${new URL(page.url()).origin}/sales`);
  await waitForDb(page);
  const texts: string[] = [];
  for (let number = 1; number <= count; number++) {
    await page.getByTestId('sales-number').fill(String(number));
    // The row of this number, not the previous one still on screen while the list is read again.
    await expect(page.getByTestId('sale-row')).toHaveCount(1);
    await expect(page.getByTestId('sale-row')).toContainText(String(number).padStart(6, '0'));
    await page.getByTestId('sale-row').click();
    await expect(page.getByTestId('receipt-number')).toContainText(String(number));
    // The code a receipt carries for finding the sale again (added after the previous release) is not compared.
    const text = await page.getByTestId('receipt').evaluate((receipt) => {
      const copy = receipt.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="receipt-code"]')?.remove();
      return copy.textContent ?? '';
    });
    texts.push(text.replace(/\s+/g, ' ').trim());
  }
  return texts;
}

test('a shop made on the previous release upgrades, its pre-migration snapshot is listed, every old sale reprints identically', async () => {
  test.setTimeout(300_000);
  const server = await serveBuild(SERVER_PORT, previous);
  const profile = persistentProfile();
  const context = await launchProfile(profile.dir, { serviceWorkers: 'allow' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await waitForDb(page);
    await page.getByTestId('load-sample').click();
    await expect(page.getByTestId('product-tile').first()).toBeVisible();
    await page.goto(`${server.url}status`);
    await expectVersions(page, '0.1.0', PREVIOUS_SCHEMA);
    const count = 15;
    const before = await receipts(page, count);
    expect(before.every((text) => text.length > 40)).toBe(true);

    server.switchTo(current);
    await page.goto(`${server.url}status`);
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Update now' }).click();
    await expectVersions(page, '0.2.0', LATEST);
    await waitForDb(page);

    const pattern = new RegExp(`^tillite-pre-migration-v${PREVIOUS_SCHEMA}-to-v${LATEST}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z\\.db$`);
    await expect(page.getByTestId('migration-snapshots')).toContainText(`tillite-pre-migration-v${PREVIOUS_SCHEMA}-to-v${LATEST}-`);
    const snapshot = (await backupFiles(page)).find((name) => pattern.test(name));
    expect(snapshot).toBeDefined();
    const copy = await copyBackupToDisk(page, snapshot!);
    try {
      const facts = inspectWithPython(copy.path);
      expect(facts.integrity).toBe('ok');
      expect(facts.userVersion).toBe(PREVIOUS_SCHEMA);
      expect(facts.products.length).toBeGreaterThan(10);
    } finally {
      copy.dispose();
    }

    expect(await receipts(page, count)).toEqual(before);
  } finally {
    await context.close();
    profile.dispose();
    await server.close();
  }
});
