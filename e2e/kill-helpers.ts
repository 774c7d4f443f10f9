/**
 * Killing a real browser: Chromium launched on a profile directory (as a shop runs it), its processes found by
 * that directory on this machine's process table and ended with SIGKILL, as a power cut or the OS would.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
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

/**
 * `promise`, or a failure naming `what` after `ms`: every wait of the fault specs has a bound of its own, so that a
 * hang reads as what did not happen rather than as the test's overall timeout.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
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
  await within(closed, 30_000, 'Playwright saw the killed browser go');
  await expect.poll(() => browserPids(profileDir).length, { message: 'every process of the killed browser gone', timeout: 30_000 }).toBe(0);
}

/** A browser on a profile that survives being killed: `launch()` (re)starts it and opens the register. */
export interface KillableShop {
  profile: PersistentBrowser;
  context: BrowserContext | null;
  launch(path?: string): Promise<Page>;
  kill(): Promise<void>;
  dispose(): Promise<void>;
}

/** A fresh profile; files are exported as downloads and imported through the file chooser (no File System Access picker). */
export function killableShop(): KillableShop {
  const profile = persistentProfile();
  const shop: KillableShop = {
    profile,
    context: null,
    async launch(path = '/') {
      const context = await profile.open();
      shop.context = context;
      // Files go out as downloads and come in through the file chooser (the pickers' fallback paths).
      await context.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        delete w.showSaveFilePicker;
        delete w.showOpenFilePicker;
      });
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
  await within(crashed, 30_000, 'the renderer crashed');
}

/**
 * The sahpool pool's files as a disk shows them, read from the page: each in-use file by the database path its
 * header names (`/tillite.db`, `/tillite-b.db-wal`), with its size without the pool's 4 KiB header. Free slots
 * are left out. A file being written cannot be read (each write ends the snapshot `getFile()` gave): it is named
 * by the path last read from its slot on this page, or `?<slot>` when none was, with its size all the same.
 */
export async function poolFiles(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const w = window as unknown as { __poolPaths?: Record<string, string> };
    const known = (w.__poolPaths ??= {});
    const root = await navigator.storage.getDirectory();
    const dir = await (await root.getDirectoryHandle('.tillite-sahpool')).getDirectoryHandle('.opaque');
    const files: Record<string, number> = {};
    for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) {
      let file = await handle.getFile();
      let path: string | null = null;
      for (let attempt = 0; attempt < 5 && path === null; attempt++) {
        try {
          // sahpool's header starts with the file's path, NUL-terminated, in at most 512 bytes.
          const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
          const end = head.indexOf(0);
          path = new TextDecoder().decode(head.subarray(0, end < 0 ? 512 : end));
          known[handle.name] = path;
        } catch (error) {
          if ((error as DOMException).name !== 'NotReadableError') throw error;
          file = await handle.getFile();
        }
      }
      path ??= known[handle.name] || `?${handle.name}`;
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

/** What a fault scenario counts: sales acknowledged to the cashier, found afterwards, lost, doubled; calls hung or refused. */
export interface FaultFigures {
  acknowledged: number;
  found: number;
  lost: number;
  doubled: number;
  hung: number;
  refused: number;
  [more: string]: unknown;
}

/**
 * Records a scenario's figures on the test (an annotation) and prints them as one `[faults]` line with the seconds
 * since `started`, so that they appear in a CI log.
 */
export function reportFigures(scenario: string, figures: FaultFigures, started: number): void {
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
  console.log(`[faults] ${scenario}: ${JSON.stringify(figures)} in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Arms the app's failpoint `name` (src/db/worker/storage/failpoints.ts): the worker stops for good when it gets
 * there, so that a kill lands exactly at that point of a swap however fast the swap is.
 */
export async function armFailpoint(page: Page, name: string): Promise<void> {
  await page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('failpoints', { create: true });
    await dir.getFileHandle(name, { create: true });
  }, name);
}

/** Resolves true once the worker stopped at failpoint `name` (false after `ms`). */
export async function failpointReached(page: Page, name: string, ms: number): Promise<boolean> {
  return page.evaluate(
    async ({ name, ms }) => {
      for (const until = performance.now() + ms; performance.now() < until; ) {
        try {
          const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('failpoints');
          await dir.getFileHandle(`${name}.reached`);
          return true;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      return false;
    },
    { name, ms },
  );
}

/** Disarms every failpoint (after the kill, before the shop is used again). */
export async function clearFailpoints(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (await navigator.storage.getDirectory()).removeEntry('failpoints', { recursive: true }).catch(() => undefined);
  });
}
