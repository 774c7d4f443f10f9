/**
 * Helpers for the export and import specs. The File System Access path replaces only the picker functions, with
 * ones that return real handles in OPFS, so the app's real write and read code runs; the fallback paths remove the
 * pickers and use real downloads and file choosers. Files are checked with Python's own SQLite.
 */
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForDb } from './helpers';

/** A browser without the File System Access pickers (as Firefox and Safari are): downloads and file inputs. */
export async function withoutPickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showSaveFilePicker;
    delete w.showOpenFilePicker;
    delete w.showDirectoryPicker;
  });
}

/**
 * Pickers that hand out real handles from OPFS: the save picker a file `picked/<n>.db` (and records the suggested
 * name in `window.__suggestedNames`), the open picker the file `to-open/<window.__openName>`, the folder picker
 * the directory `chosen-folder/`.
 */
export async function opfsPickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __suggestedNames: string[]; __openName: string };
    w.__suggestedNames = [];
    const dir = async (name: string) => (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
    w.showSaveFilePicker = async (options: { suggestedName: string }) => {
      w.__suggestedNames.push(options.suggestedName);
      return (await dir('picked')).getFileHandle(`${w.__suggestedNames.length}.db`, { create: true });
    };
    w.showOpenFilePicker = async () => [await (await dir('to-open')).getFileHandle(w.__openName)];
    w.showDirectoryPicker = async () => dir('chosen-folder');
  });
}

/** Reads a file from OPFS into this machine's temporary directory; returns its path. */
export async function copyOutOfOpfs(page: Page, dir: string, name: string): Promise<string> {
  const base64 = await page.evaluate(
    async ({ dir, name }) => {
      const handle = await (await (await navigator.storage.getDirectory()).getDirectoryHandle(dir)).getFileHandle(name);
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { dir, name },
  );
  const path = join(mkdtempSync(join(tmpdir(), 'tillite-opfs-')), name);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return path;
}



/** Makes a database file with Python (see fixtures/make-db.py); returns its path and what the script printed. */
export function makeDb(kind: string): { path: string; printed: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'tillite-file-')), `${kind}.db`);
  const printed = execFileSync('python3', ['e2e/fixtures/make-db.py', kind, path], { encoding: 'utf8' }).trim();
  return { path, printed };
}

/** What an independent SQLite sees in a file: integrity, ids, and every row of every business table. */
export interface Dump {
  integrity: string;
  applicationId: number;
  userVersion: number;
  journalMode: string;
  tables: Record<string, unknown[][]>;
}

/** Opens `path` read-only with Python's sqlite3 and dumps it (bookkeeping and full-text index tables left out; BLOBs as hex). */
export function dumpWithPython(path: string): Dump {
  const script = `
import json, sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
names = [r[0] for r in c.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT IN ('schema_migrations', 'app_meta', 'applied_requests') ORDER BY name")]
print(json.dumps({
  "integrity": c.execute("PRAGMA integrity_check").fetchone()[0],
  "applicationId": c.execute("PRAGMA application_id").fetchone()[0],
  "userVersion": c.execute("PRAGMA user_version").fetchone()[0],
  "journalMode": c.execute("PRAGMA journal_mode").fetchone()[0],
  "tables": {n: [list(r) for r in c.execute(f'SELECT * FROM "{n}" ORDER BY 1, 2')] for n in names},
}, default=lambda value: value.hex() if isinstance(value, bytes) else str(value)))`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Dump;
}

/** Loads the sample shop in a fresh database (shop, catalogue, a few days of sales). */
export async function loadSampleShop(page: Page): Promise<void> {
  await page.goto('/');
  await waitForDb(page);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('register-search')).toBeVisible();
}

/** The fallback export: "Download backup" as a download; returns the downloaded file's path and name. */
export async function exportByDownload(page: Page): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-now').click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'tillite-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

/** The fallback import: "Restore from a file…" through a real file chooser. */
export async function importByChooser(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-pick').click()]);
  await chooser.setFiles(path);
}
