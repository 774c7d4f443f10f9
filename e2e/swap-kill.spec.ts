/**
 * The browser killed (SIGKILL of its process) in the middle of a restore and of an import that replace a small
 * shop with a database of more than 40 MB. The kill lands while the new file is being written into the pool (the
 * page watches the pool's files grow, as a disk shows them). The next start must open without the recovery
 * screen, on the old data or on the new, whole (a backup of it passes SQLite's check), with every product added
 * before the operation either there or (on the new data) in the before-* snapshot.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { BASE_URL, putIntoOpfs, waitForDb } from './helpers';
import { backUpNow, row, rows, showData } from './backup-helpers';
import { realSchemaVersion } from './migration-ui';
import { addProductNamed, expectProductCount, expectProducts, openNewShop } from './shop-data';
import { opfsPickers } from './transfer-helpers';
import { reportFigures, within } from './kill-helpers';

// A trace would be stopped at the end on a browser this spec killed on purpose, and fail the test.
test.use({ trace: 'off' });

const PRODUCTS = 150_000;
const slow = 180_000;
/** What the small shop holds before the operation: products added in the Catalogue. */
const BEFORE = ['Kept apple', 'Kept bread'];

/** Chromium started by hand on a profile directory, so that its process can be killed like a crash. */
interface KillableBrowser {
  browser: Browser;
  page: Page;
  kill(): Promise<void>;
}

async function launchKillable(profile: string): Promise<KillableBrowser> {
  const child: ChildProcess = spawn(
    CHROMIUM_PATH ?? 'chromium',
    [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await within(new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text.slice(-500)}`)));
  }), 60_000, 'Chromium started and listened for DevTools');
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    browser,
    page,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The whole process group: the browser, its renderers and the worker's process die at the same instant.
      process.kill(-child.pid!, 'SIGKILL');
      await within(exited, 30_000, 'the killed Chromium exited');
    },
  };
}

/** The next start: no recovery screen, the database ready, and whose shop it is. */
async function reopen(profile: string): Promise<{ browser: KillableBrowser; shop: string }> {
  const browser = await launchKillable(profile);
  const { page } = browser;
  await page.goto(`${BASE_URL}/data`);
  await waitForDb(page);
  await expect(page.getByTestId('recovery')).toHaveCount(0);
  await expect(page.locator('.brand')).toHaveText(/^(Corner Shop|Large Warehouse)$/);
  return { browser, shop: (await page.locator('.brand').textContent()) ?? '' };
}

/**
 * After the restart: the data is the old (the products added before, exactly) or the new (the large file's
 * products, the old ones kept in the before-* snapshot); a backup of it is taken and verified; it takes writes.
 */
async function expectOldOrNew(opened: Awaited<ReturnType<typeof reopen>>, before: string[], kind: string): Promise<'old' | 'new'> {
  const { page } = opened.browser;
  const outcome = opened.shop === 'Large Warehouse' ? 'new' : 'old';
  if (outcome === 'new') {
    await expect(rows(page, kind).first().getByTestId('backup-holds')).toContainText(`${before.length} products`, { timeout: slow });
    await expectProductCount(page, PRODUCTS, slow);
  } else {
    await expectProducts(page, before);
  }
  // Whole: SQLite copies it and its check of the copy passes; and it takes writes.
  await showData(page);
  await backUpNow(page, `after the kill ${outcome}`, slow);
  await addProductNamed(page, `added after the kill (${outcome})`);
  // What was acknowledged here are the products added before (writes, not sales): each found, on the old data or
  // in the before-* snapshot, as checked above.
  reportFigures(`swap-kill: ${kind}`, { acknowledged: before.length, found: before.length, lost: 0, doubled: 0, hung: 0, refused: 0, outcome }, started);
  return outcome;
}

/**
 * Starts watching the pool's files (read from the page, as a disk shows them) and kills the browser at the
 * `nth` time they grow by 60 % of the large file: that file is then being written into the pool. (A restore first
 * copies the backup into the pool to check it, then removes that copy: its second growth is the new live file.)
 * Resolves with the growth seen, or null when the kill came after a minute without it.
 */
async function killWhileWriting(browser: KillableBrowser, fileSize: number, nth: number, start: () => Promise<void>): Promise<number | null> {
  await browser.page.evaluate(
    ({ bytes, nth }) => {
      const w = window as unknown as { __grew: Promise<number | null> };
      w.__grew = (async () => {
        const root = await navigator.storage.getDirectory();
        const pool = await (await root.getDirectoryHandle('.tillite-sahpool')).getDirectoryHandle('.opaque');
        const total = async () => {
          let sum = 0;
          for await (const handle of (pool as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) sum += (await handle.getFile()).size;
          return sum;
        };
        let low = await total();
        for (let rises = 0, until = performance.now() + 60_000; performance.now() < until; ) {
          const now = await total();
          low = Math.min(low, now);
          if (now - low >= bytes && ++rises === nth) return now - low;
          if (now - low >= bytes) low = now;
        }
        return null;
      })();
    },
    { bytes: fileSize * 0.6, nth },
  );
  await start();
  const grew = await browser.page.evaluate(() => (window as unknown as { __grew: Promise<number | null> }).__grew);
  await browser.kill();
  return grew;
}

/** Sets the profile up with Playwright's own browser (fast file inputs): a shop, its products, a file in OPFS. */
async function prepare(profile: string, products: string[], put: { dir: string; name: string }): Promise<void> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL: BASE_URL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openNewShop(page);
    for (const name of products) await addProductNamed(page, name);
    await putIntoOpfs(page, fixture, put.dir, put.name);
  } finally {
    await context.close();
  }
}

let dir = '';
let fixture = '';
let fixtureSize = 0;

let started = 0;
test.beforeEach(() => void (started = Date.now()));

test.describe('killed in the middle of replacing the database', () => {
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillite-swap-kill-'));
    fixture = join(dir, 'large.db');
    // A shop and its products written by Python's SQLite: tens of seconds on a busy machine (full-text index).
    test.setTimeout(180_000);
    execFileSync('python3', ['e2e/fixtures/make-large-db.py', fixture, String(PRODUCTS)]);
    fixtureSize = statSync(fixture).size;
    expect(fixtureSize).toBeGreaterThan(40e6);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a restore of a 40 MB backup: the browser killed while the new file is written', async () => {
    test.setTimeout(300_000);
    const profile = mkdtempSync(join(dir, 'profile-'));
    const large = `tillite-manual-v${realSchemaVersion()}-2026-01-01T00-00-00Z-large.db`;
    await prepare(profile, BEFORE, { dir: 'backups', name: large });
    let browser = await launchKillable(profile);
    try {
      const { page } = browser;
      // A file found in backups/ is checked and catalogued at start-up.
      await page.goto(`${BASE_URL}/data`);
      await waitForDb(page);
      await expect(row(page, large)).toHaveAttribute('data-state', 'verified', { timeout: slow });
      await row(page, large).getByTestId('backup-restore').click();
      await expect(page.getByTestId('restore-current-holds')).toContainText(`${BEFORE.length} products`);
      const grew = await killWhileWriting(browser, fixtureSize, 2, () => page.getByTestId('restore-confirm').click());
      test.info().annotations.push({ type: 'restore: storage growth seen before the kill', description: String(grew) });

      const opened = await reopen(profile);
      browser = opened.browser;
      await expectOldOrNew(opened, BEFORE, 'before-restore');
    } finally {
      await browser.kill();
    }
  });

  test('an import of a 40 MB file: the browser killed while the new file is written', async () => {
    test.setTimeout(300_000);
    const profile = mkdtempSync(join(dir, 'profile-'));
    await prepare(profile, BEFORE, { dir: 'to-open', name: 'large.db' });
    let browser = await launchKillable(profile);
    try {
      const { page } = browser;
      // The open picker hands out the file put into OPFS: the real read and staging code runs on it.
      await opfsPickers(page);
      await page.goto(`${BASE_URL}/data`);
      await waitForDb(page);
      await page.evaluate(() => ((window as unknown as { __openName: string }).__openName = 'large.db'));
      await page.getByTestId('import-pick').click();
      await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: slow });
      const grew = await killWhileWriting(browser, fixtureSize, 1, () => page.getByTestId('import-confirm').click());
      test.info().annotations.push({ type: 'import: storage growth seen before the kill', description: String(grew) });

      const opened = await reopen(profile);
      browser = opened.browser;
      await expectOldOrNew(opened, BEFORE, 'before-import');
    } finally {
      await browser.kill();
    }
  });
});
