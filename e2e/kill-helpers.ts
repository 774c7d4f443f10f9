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

/**
 * The sahpool pool's files as a disk shows them, read from the page: each in-use file by the database path its
 * header names (`/tillite.db`, `/tillite-b.db-wal`), with its size without the pool's 4 KiB header. Free slots
 * are left out.
 */
export async function poolFiles(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await (await root.getDirectoryHandle('.tillite-sahpool')).getDirectoryHandle('.opaque');
    const files: Record<string, number> = {};
    for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) {
      const file = await handle.getFile();
      // sahpool's header starts with the file's path, NUL-terminated, in at most 512 bytes.
      const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
      const end = head.indexOf(0);
      const path = new TextDecoder().decode(head.subarray(0, end < 0 ? 512 : end));
      if (path) files[path] = Math.max(0, file.size - 4096);
    }
    return files;
  });
}

/** The size of the live database's WAL (the one `-wal` file in the pool), or 0 when there is none. */
export async function walSize(page: Page): Promise<number> {
  const wal = Object.entries(await poolFiles(page)).filter(([path]) => path.endsWith('-wal'));
  expect(wal.length, `one WAL in the pool, found: ${wal.map(([p]) => p).join(', ')}`).toBeLessThanOrEqual(1);
  return wal[0]?.[1] ?? 0;
}
