/** What the upgrade and fault tests read from the page: versions, migration history, snapshots on OPFS. */
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The number of real migrations in this checkout (the latest schema of a normal build). */
export function realSchemaVersion(): number {
  const out = execFileSync('sh', ['-c', 'ls src/db/migrations | grep -cE "^[0-9]{4}_[a-z0-9_]+\\.(sql|ts)$"'], { encoding: 'utf8' });
  return Number(out.trim());
}


/** Copies `backups/<name>` out of OPFS to a temporary file on disk; returns its path. */
export async function copyBackupToDisk(page: Page, name: string): Promise<{ path: string; dispose(): void }> {
  const bytes = await page.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('backups');
    const blob = await (await dir.getFileHandle(file)).getFile();
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, name);
  const dir = mkdtempSync(join(tmpdir(), 'tillite-snapshot-'));
  const path = join(dir, name);
  writeFileSync(path, Uint8Array.from(bytes));
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a database file with Python's sqlite3 (an independent SQLite) and returns what the test checks. */
export function inspectWithPython(path: string): { integrity: string; userVersion: number; productColumns: string[]; products: string[] } {
  const script = [
    'import json, sqlite3, sys',
    "db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)",
    "print(json.dumps({'integrity': db.execute('PRAGMA integrity_check').fetchone()[0],",
    "  'userVersion': db.execute('PRAGMA user_version').fetchone()[0],",
    "  'productColumns': [r[1] for r in db.execute('PRAGMA table_info(products)')],",
    "  'products': [r[0] for r in db.execute('SELECT name FROM products ORDER BY name')]}))",
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

/** Waits for the status page to show this app and schema version. */
export async function expectVersions(page: Page, appVersion: string, schemaVersion: number): Promise<void> {
  await expect(page.getByTestId('app-version')).toHaveText(appVersion);
  await expect(page.getByTestId('schema-version')).toHaveText(String(schemaVersion));
}
