/**
 * The recovery screen in a shop owner's words: it says what happened, leads with the one action that fixes it
 * (restore the newest verified backup, described by its sales and products), offers the download of the
 * damaged file second, and keeps the SQLite message in small print at the end. Backups whose background check had
 * not run yet come after the checked ones, labelled, and each is checked before it replaces anything.
 */
import { expect, test } from '@playwright/test';
import { backUpNow, damageBackupFile, damageLiveDatabase, showData } from './backup-helpers';
import { waitForDb } from './helpers';
import { openSampleShop, SIZES } from './till';

test.use({ viewport: SIZES.tabletLandscape });

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

test('a damaged database: what happened first, then restore the newest backup, then keep the damaged file', async ({ page }) => {
  await openSampleShop(page);
  await showData(page);
  const backup = await backUpNow(page, 'before closing');
  await page.goto('/icons/favicon.svg'); // same origin, no app: the worker lets go of the files
  await damageLiveDatabase(page, 'whole');
  await page.goto('/');

  const screen = page.getByTestId('recovery');
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Your shop’s data could not be opened');
  await expect(screen).toContainText('is damaged, so Tillite stopped before using it');
  const newest = page.getByTestId('recovery-newest');
  await expect(newest).toHaveAttribute('data-name', backup);
  // What the backup holds in plain words: its sales (the sample shop's 15) and products (40), no table counts.
  await expect(newest).toContainText(/^Manual backup( “[^”]+”)? of (today|yesterday) \d\d:\d\d( [AP]M)? · 15 sales, the last one .+ · 40 products$/);
  await expect(newest).not.toContainText('rows');

  // The fix comes before the download, and the technical message is last, in small print.
  const order = await screen.evaluate((root) =>
    ['recovery-restore-newest', 'export-live', 'recovery-reason'].map((id) => {
      const el = root.querySelector(`[data-testid="${id}"]`)!;
      return [...root.querySelectorAll('[data-testid]')].indexOf(el);
    }),
  );
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await expect(page.getByTestId('recovery-reason')).toContainText('SQLITE_');
  await expect(page.locator('small').getByTestId('recovery-reason')).toBeVisible();

  await page.getByTestId('recovery-restore-newest').click();
  await waitForDb(page);
  await expect(page.getByTestId('register-search')).toBeVisible();
});

/**
 * Marks backups `names` in the catalogue (IndexedDB) as copied but not yet checked: what a tab closed before
 * their background check leaves. Run while no Tillite page is open.
 */
async function markUnchecked(page: import('@playwright/test').Page, names: string[]): Promise<void> {
  await page.evaluate(async (names) => {
    const done = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
    const db = await done(indexedDB.open('tillite-backups'));
    const store = db.transaction('backups', 'readwrite').objectStore('backups');
    for (const name of names) {
      const record = await done(store.get(name));
      if (!record) throw new Error(`no backup ${name} in the catalogue`);
      await done(store.put({ ...record, state: 'copied', checkDepth: undefined }));
    }
    db.close();
  }, names);
}

test('backups not checked yet come after the checked one, labelled; a damaged one is refused, a whole one restored', async ({ page }) => {
  await openSampleShop(page);
  await showData(page);
  const checked = await backUpNow(page, 'checked');
  const whole = await backUpNow(page, 'not checked, whole');
  const damaged = await backUpNow(page, 'not checked, damaged');
  // Every background check has run (each row says "Checked …") before the catalogue is changed behind the app.
  await expect(page.locator('[data-testid="backup-row"][data-state="copied"]')).toHaveCount(0);
  await page.goto('/icons/favicon.svg'); // same origin, no app: the worker lets go of the files
  await markUnchecked(page, [whole, damaged]);
  await damageBackupFile(page, damaged, 3 * 4096, 4096);
  await damageLiveDatabase(page, 'whole');
  await page.goto('/');

  await expect(page.getByTestId('recovery')).toBeVisible();
  // The checked backup leads, although the other two are newer.
  await expect(page.getByTestId('recovery-newest')).toHaveAttribute('data-name', checked);
  const unchecked = page.getByTestId('recovery-unchecked-backup');
  await expect(unchecked).toHaveCount(2);
  await expect(unchecked.nth(0)).toHaveAttribute('data-name', damaged);
  await expect(unchecked.nth(1)).toHaveAttribute('data-name', whole);
  for (const item of await unchecked.all()) await expect(item).toContainText(/^Manual backup “not checked, .+” of (today|yesterday) .+ · 15 sales.+ · not checked yet/);
  // After the checked backup's restore button in the page, and folded away while a checked one is offered.
  const order = await page.getByTestId('recovery').evaluate((root) =>
    ['recovery-restore-newest', 'recovery-unchecked'].map((id) => [...root.querySelectorAll('[data-testid]')].indexOf(root.querySelector(`[data-testid="${id}"]`)!)),
  );
  expect(order[0]).toBeLessThan(order[1]!);
  await page.getByTestId('recovery-unchecked').locator('summary').click();

  // The damaged one is checked first and refused: still the recovery screen, in words, and it leaves the list.
  await unchecked.filter({ hasText: 'not checked, damaged' }).getByRole('button', { name: 'Check and restore' }).click();
  await expect(page.getByTestId('recovery-error')).toContainText('damaged and cannot be restored');
  await expect(page.getByTestId('recovery-error')).not.toContainText(/^SQLITE_/);
  await expect(page.getByTestId('recovery')).toBeVisible();
  await expect(unchecked).toHaveCount(1);

  // The whole one is checked, then restored: the shop opens on its data.
  await unchecked.filter({ hasText: 'not checked, whole' }).getByRole('button', { name: 'Check and restore' }).click();
  await waitForDb(page);
  await expect(page.getByTestId('register-search')).toBeVisible();
  await showData(page);
  await expect(page.locator(`[data-testid="backup-row"][data-name="${whole}"]`)).toHaveAttribute('data-state', 'verified');
});
