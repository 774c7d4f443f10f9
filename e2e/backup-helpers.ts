/** Page helpers for the backup specs: the Data view as a person uses it, and OPFS as the disk. */
import { expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { opfsFiles, putIntoOpfs, waitForDb } from './helpers';

/** Opens the Data view and waits for the database. */
export async function openData(page: Page): Promise<void> {
  await page.goto('/data');
  await waitForDb(page);
  await expect(page.getByTestId('backup-list').or(page.getByTestId('backup-empty'))).toBeVisible();
}

/** Goes to the Data view through the navigation (no reload). */
export async function showData(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByTestId('backup-list').or(page.getByTestId('backup-empty'))).toBeVisible();
}

/** Goes to the status page through the navigation (no reload). */
export async function showStatus(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByTestId('schema-version')).toBeVisible();
}

/** "Back up now", optionally with a description; returns the new backup's file name. */
export async function backUpNow(page: Page, description = '', timeout?: number): Promise<string> {
  const message = page.getByTestId('data-message');
  // The words describe the backup (two in one minute read alike); its file name is on the element.
  const previous = (await message.count()) > 0 ? await message.getAttribute('data-name') : null;
  await page.getByTestId('backup-description').fill(description);
  await page.getByTestId('backup-now').click();
  if (previous !== null) await expect(message).not.toHaveAttribute('data-name', previous, { timeout });
  await expect(message).toContainText('Backed up: ', { timeout });
  return (await message.getAttribute('data-name')) ?? '';
}

/** The backup rows of one kind, or all of them. */
export function rows(page: Page, kind?: string): Locator {
  return kind ? page.locator(`[data-testid="backup-row"][data-kind="${kind}"]`) : page.getByTestId('backup-row');
}

/** The row of the backup called `name`. */
export function row(page: Page, name: string): Locator {
  return page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
}

/** Restores backup `name` through its confirmation; returns the dialog's two "holds" lines. */
export async function restore(page: Page, name: string, timeout?: number): Promise<{ backup: string; current: string }> {
  await row(page, name).getByTestId('backup-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByTestId('restore-current-holds')).not.toHaveText('…');
  const seen = { backup: (await dialog.getByTestId('restore-backup-holds').textContent()) ?? '', current: (await dialog.getByTestId('restore-current-holds').textContent()) ?? '' };
  await dialog.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('data-message')).toContainText('Restored', { timeout });
  return seen;
}


/** Overwrites `count` bytes at `offset` of backup `name` on disk with 0xA5, as a failing disk might. */
export async function damageBackupFile(page: Page, name: string, offset: number, count: number): Promise<void> {
  await page.evaluate(
    async ({ name, offset, count }) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('backups');
      const handle = await dir.getFileHandle(name);
      const writable = await handle.createWritable({ keepExistingData: true });
      await writable.write({ type: 'write', position: offset, data: new Uint8Array(count).fill(0xa5) });
      await writable.close();
    },
    { name, offset, count },
  );
}

/** Opens a file with Python's own SQLite (independent of the app's): `integrity_check` and the products' names. */
export function inspectWithPython(path: string): { integrity: string; products: string[]; applicationId: number } {
  const script = [
    'import json, sqlite3, sys',
    'c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)',
    'print(json.dumps({"integrity": c.execute("PRAGMA integrity_check").fetchone()[0],',
    '  "products": [r[0] for r in c.execute("SELECT name FROM products ORDER BY name")],',
    '  "applicationId": c.execute("PRAGMA application_id").fetchone()[0]}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as { integrity: string; products: string[]; applicationId: number };
}

/** The first value of `sql` on the SQLite file at `path`, read by Python's SQLite (read-only), as text. */
export function sqliteValue(path: string, sql: string): string {
  const script = 'import sqlite3, sys\nc = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)\nprint(c.execute(sys.argv[2]).fetchone()[0])';
  return execFileSync('python3', ['-c', script, path, sql], { encoding: 'utf8' }).trim();
}

/**
 * Waits until the worker has handled every backup call the page sent before: a "verify" goes through the
 * same one-at-a-time queue as the scheduler's ticks, so once it is logged, earlier ticks are done. Only the
 * checks asked for count (new backups are also checked in the background).
 */
export async function settle(page: Page): Promise<void> {
  const verified = page.locator('[data-testid="backup-log"] li[data-action="verify"]', { hasText: 'Checked on request' });
  const before = await verified.count();
  await page.getByTestId('backup-row').first().getByTestId('backup-verify').click();
  await expect(verified).toHaveCount(before + 1);
}

/** Names of the files in OPFS `backups/`, read from the page (same origin, so the same OPFS). */
export const backupFiles = (page: Page): Promise<string[]> => opfsFiles(page, 'backups');

/**
 * Nothing half-made is left in `backups/`: every `.tmp` there goes away. A `.tmp` may show up for a moment while
 * the app works (a backup reserving its space, a new backup's first check writing its manifest in): what counts
 * is that none stays. Returns the files once none is left.
 */
export async function expectNoTempLeft(page: Page, timeout?: number): Promise<string[]> {
  // The list returned is the one seen with no .tmp in it: read again, it could show the next one (a new backup's
  // first check writes its manifest into `<name>.tmp` before moving it over the backup).
  let seen: string[] = [];
  await expect
    .poll(
      async () => {
        seen = await backupFiles(page);
        return seen.filter((name) => name.endsWith('.tmp'));
      },
      { message: 'no .tmp left in backups/', timeout },
    )
    .toEqual([]);
  return seen;
}

/** Puts a file from this machine into OPFS `backups/` under `name`, as a person could by copying one there. */
export const putBackupFile = (page: Page, path: string, name: string): Promise<void> => putIntoOpfs(page, path, 'backups', name);

/**
 * Damages the live database where the sahpool keeps it (each slot file starts with a 4096-byte header whose first
 * 512 bytes are the path), as a failing disk might, once the tab's worker has let go of the files:
 * - `'whole'`: every data byte of the file is overwritten, and its WAL's header wiped: it no longer opens;
 * - `'one-page'`: the b-tree leaf page nearest the end of the file is overwritten; the header and the schema stay
 *   whole, so the file opens and only reading that page (or a full check) finds the damage.
 */
export async function damageLiveDatabase(page: Page, how: 'whole' | 'one-page'): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async (how) => {
        try {
          const root = await navigator.storage.getDirectory();
          const pool = await (await root.getDirectoryHandle('.tillite-sahpool')).getDirectoryHandle('.opaque');
          let damaged = false;
          for await (const handle of (pool as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) {
            const file = await handle.getFile();
            const path = new TextDecoder().decode(new Uint8Array(await file.slice(0, 512).arrayBuffer())).replace(/\0.*$/s, '');
            // The live database is under one of two names (a restore or an import switches between them).
            if (!/^\/tillite(-b)?\.db(-wal)?$/.test(path)) continue;
            const writable = await handle.createWritable({ keepExistingData: true });
            if (path.endsWith('-wal')) {
              // Whatever the WAL holds would stand in for the damaged pages; without its header SQLite ignores it.
              await writable.write({ type: 'write', position: 0, data: new Uint8Array(512) });
            } else if (how === 'whole') {
              await writable.write({ type: 'write', position: 4096, data: new Uint8Array(file.size - 4096).fill(0xa5) });
              damaged = true;
            } else {
              const header = new DataView(await file.slice(4096, 4096 + 100).arrayBuffer());
              const pageSize = header.getUint16(16) === 1 ? 65536 : header.getUint16(16);
              // From the end, the first b-tree leaf page (0x0d: table rows, 0x0a: index keys) of the newest tables:
              // not a free page (which only a whole-file check looks at) nor the schema (which is read first).
              let target = header.getUint32(28); // the database's size in pages, as its header records it
              for (; target > 1; target--) {
                const at = 4096 + (target - 1) * pageSize;
                const kind = new Uint8Array(await file.slice(at, at + 1).arrayBuffer())[0];
                if (kind === 0x0d || kind === 0x0a) break;
              }
              await writable.write({ type: 'write', position: 4096 + (target - 1) * pageSize, data: new Uint8Array(pageSize).fill(0xa5) });
              damaged = true;
            }
            await writable.close();
          }
          return damaged;
        } catch {
          return false; // the closing worker still holds the handles: try again
        }
      }, how),
    )
    .toBe(true);
}
