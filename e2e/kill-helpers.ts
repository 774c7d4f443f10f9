/**
 * Killing a real browser: Chromium launched on a profile directory (as a shop runs it), its processes found by
 * that directory on this machine's process table and ended with SIGKILL, as a power cut or the OS would.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { persistentProfile, waitForDb, type PersistentBrowser } from './helpers';

/** The ids of every process of the Chromium running on `profileDir` (browser, renderers, GPU, utilities). */
export function browserPids(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${profileDir}`)) pids.push(Number(entry));
    } catch {
      // The process ended while the table was read.
    }
  }
  return pids;
}

/** SIGKILLs the whole browser on `profileDir` and waits until none of its processes is left. */
export async function killBrowser(profileDir: string, context: BrowserContext): Promise<void> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const pids = browserPids(profileDir);
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
  await closed;
  await expect.poll(() => browserPids(profileDir).length).toBe(0);
}

/** A browser on a profile that survives being killed: `launch()` (re)starts it and opens the register. */
export interface KillableShop {
  profile: PersistentBrowser;
  context: BrowserContext | null;
  launch(path?: string): Promise<Page>;
  kill(): Promise<void>;
  dispose(): Promise<void>;
}

/** A fresh profile; the export is read back through the download path (no File System Access picker). */
export function killableShop(): KillableShop {
  const profile = persistentProfile();
  const shop: KillableShop = {
    profile,
    context: null,
    async launch(path = '/') {
      const context = await profile.open();
      shop.context = context;
      await context.addInitScript(() => delete (window as unknown as Record<string, unknown>).showSaveFilePicker);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(path);
      await waitForDb(page);
      return page;
    },
    async kill() {
      if (shop.context) await killBrowser(profile.dir, shop.context);
      shop.context = null;
    },
    async dispose() {
      await shop.context?.close().catch(() => undefined);
      profile.dispose();
    },
  };
  return shop;
}

/** The app opened as a till should: the register, not the recovery screen or an error. */
export async function expectRegister(page: Page): Promise<void> {
  await expect(page.getByTestId('register-search')).toBeVisible();
  await expect(page.getByRole('heading', { name: /cannot be used|cannot open|Tillite was updated/i })).toHaveCount(0);
}

/** Crashes the page's renderer (and with it the tab's database worker) through CDP, without waiting for it. */
export async function crashPage(page: Page): Promise<void> {
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  const cdp = await page.context().newCDPSession(page);
  // The session dies with the renderer: its answer never comes.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}
