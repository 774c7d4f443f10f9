/**
 * A shop that ran the previous release has its worker settings as six loose keys in the backup store (IndexedDB
 * `tillite-backups`, version 1) and a `request:<id>` record per destructive task. Opening this release upgrades
 * the store to one typed settings record: the shop keeps its backup schedule and its export reminder, and the
 * retired request records are gone.
 */
import { expect, test } from '@playwright/test';
import { openData } from './backup-helpers';

test('an upgraded backup store keeps the schedule and the reminder, and drops the old request records', async ({ page }) => {
  // A page of the app's origin that does not start the app: the store is written as the previous release left it.
  await page.route('**/seed-previous-release', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto('/seed-previous-release');
  await page.evaluate(async () => {
    const open = indexedDB.open('tillite-backups', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('backups', { keyPath: 'name' }).createIndex('createdAt', 'createdAt');
      db.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('settings');
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('settings', 'readwrite');
    const settings = tx.objectStore('settings');
    settings.put(12, 'intervalHours');
    settings.put(14, 'exportReminderDays');
    settings.put('2026-11-01T00:00:00.000Z', 'exportClockStartedAt');
    settings.put({ restored: { name: 'old.db' } }, 'request:0194a1b2-0000-7000-8000-0000000000aa');
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.unroute('**/seed-previous-release');

  await openData(page);
  await expect(page.getByTestId('backup-interval')).toHaveValue('12');
  await expect(page.getByTestId('export-reminder-days')).toHaveValue('14');

  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('tillite-backups');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('settings').objectStore('settings');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    const version = db.version;
    db.close();
    return { version, keys: keys.map(String) };
  });
  expect(stored).toEqual({ version: 2, keys: ['worker'] });
});
