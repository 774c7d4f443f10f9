/** Helpers shared by the end-to-end specs: real Chromium, real OPFS, the real worker. */
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PORT } from '../playwright.config';

export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Waits until this tab's database worker reports ready (as leader or follower). */
export async function waitForDb(page: Page): Promise<void> {
  await expect(page.getByTestId('db-state')).toHaveAttribute('data-state', 'ready');
}

/** Waits until a service worker controls the page, so the app is precached and loads offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** A browser with a profile on disk (as a shop runs it): OPFS is much slower in incognito-like contexts. */
export interface PersistentBrowser {
  dir: string;
  open(): Promise<BrowserContext>;
  dispose(): void;
}

/** Makes a fresh profile directory; `open()` launches Chromium on it (again after a close: a restart). */
export function persistentProfile(): PersistentBrowser {
  const dir = mkdtempSync(join(tmpdir(), 'tillite-profile-'));
  return {
    dir,
    open: () =>
      chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        baseURL: BASE_URL,
      }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Names of the files in an OPFS directory (empty when it does not exist). */
export async function opfsFiles(page: Page, dir: string): Promise<string[]> {
  return page.evaluate(async (dir) => {
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    try {
      const handle = await root.getDirectoryHandle(dir);
      for await (const name of (handle as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    } catch {
      // No such directory: no files.
    }
    return names.sort();
  }, dir);
}

/** Puts a file of this machine into OPFS `dir/name` through a file input (as the open picker's file). */
export async function putIntoOpfs(page: Page, path: string, dir: string, name: string): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'test-opfs-input';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#test-opfs-input', path);
  await page.evaluate(
    async ({ dir, name }) => {
      const input = document.getElementById('test-opfs-input') as HTMLInputElement;
      const target = await (await navigator.storage.getDirectory()).getDirectoryHandle(dir, { create: true });
      await input.files![0]!.stream().pipeTo(await (await target.getFileHandle(name, { create: true })).createWritable());
      input.remove();
    },
    { dir, name },
  );
}
