/**
 * Export and import of the whole database as a `.db` file, as a shop owner does it: "Download backup" through the
 * save picker and as a download, "Restore from a file" through the open picker and a file chooser, seen from two
 * tabs, and moving a shop between two browser profiles. Files are opened with Python's own SQLite.
 *
 * Kept intact: every row. An exported file holds exactly the live rows; an imported file's rows are what every tab
 * shows afterwards; the data from before an import is kept as a before-import backup.
 */
import { expect, test } from '@playwright/test';
import { approve } from './pos2-staff-helpers';
import { opfsFiles, persistentProfile, putIntoOpfs, waitForDb } from './helpers';
import { openData, rows, showData, showStatus } from './backup-helpers';
import { realSchemaVersion } from './migration-ui';
import { addProductNamed, expectProducts, openNewShop, setUpTestShop, TEST_SHOP } from './shop-data';
import { copyOutOfOpfs, dumpWithPython, exportByDownload, importByChooser, loadSampleShop, makeDb, opfsPickers, withoutPickers } from './transfer-helpers';

const LATEST = realSchemaVersion();

const EXPORT_NAME = /^tillite-backup-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.db$/;

/** "7 sales, the last one today 14:02 · 1,280 products" → its numbers. */
function holds(text: string): { products: number; sales: number } {
  const n = (re: RegExp) => Number(re.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
  return { products: n(/([\d,]+) products?\b/), sales: n(/([\d,]+) sales?\b/) };
}

test('export as a download and through the save picker: both files open in Python\'s SQLite and hold what the UI showed', async ({ context }) => {
  const plain = await context.newPage();
  await withoutPickers(plain);
  await loadSampleShop(plain);
  await openData(plain);
  // Without a folder picker the option says why it is missing.
  await expect(plain.getByTestId('folder-unavailable')).toBeVisible();
  await expect(plain.getByTestId('last-export')).toHaveText('never');

  const downloaded = await exportByDownload(plain);
  expect(downloaded.name).toMatch(EXPORT_NAME);
  await expect(plain.getByTestId('last-export')).not.toHaveText('never');
  // The export is a fresh snapshot, listed as kind "export" with what it holds.
  const holdsCell = rows(plain, 'export').first().getByTestId('backup-holds');
  // The words name sales and products; the count of every business row is on the cell for checks like this one.
  const shown = { ...holds((await holdsCell.textContent()) ?? ''), rows: Number(await holdsCell.getAttribute('data-rows')) };
  const dump = dumpWithPython(downloaded.path);
  expect(dump).toMatchObject({ integrity: 'ok', applicationId: 0x54494c4c, journalMode: 'delete' });
  expect(dump.tables.products!.length).toBe(shown.products);
  expect(dump.tables.sales!.length).toBe(shown.sales);
  // The list counts business rows; the sale-number sequence is bookkeeping (but moves with the file).
  const businessRows = Object.entries(dump.tables).filter(([name]) => name !== 'sequences');
  expect(businessRows.reduce((sum, [, t]) => sum + t.length, 0)).toBe(shown.rows);
  expect(dump.tables.shop![0]).toContain('Corner Café & Grocery');

  const picking = await context.newPage();
  await opfsPickers(picking);
  await openData(picking);
  await picking.getByTestId('export-now').click();
  await expect(picking.getByTestId('data-message')).toHaveText('Saved 1.db');
  expect((await picking.evaluate(() => (window as unknown as { __suggestedNames: string[] }).__suggestedNames))[0]).toMatch(EXPORT_NAME);
  const saved = dumpWithPython(await copyOutOfOpfs(picking, 'picked', '1.db'));
  expect(saved.integrity).toBe('ok');
  expect(saved.tables).toEqual(dump.tables);

  // Any backup of the list is saved the same way, under its own name.
  const listed = await rows(picking, 'scheduled').first().getAttribute('data-name');
  await rows(picking, 'scheduled').first().getByTestId('backup-download').click();
  await expect(picking.getByTestId('data-message')).toHaveText('Saved 2.db');
  expect((await picking.evaluate(() => (window as unknown as { __suggestedNames: string[] }).__suggestedNames))[1]).toBe(listed);
  expect(dumpWithPython(await copyOutOfOpfs(picking, 'picked', '2.db')).integrity).toBe('ok');
});

test('import through a file chooser and through the open picker, an older schema migrated; every open tab shows the imported data', async ({ context }) => {
  const first = await context.newPage();
  await withoutPickers(first);
  await openNewShop(first);
  await addProductNamed(first, 'before the import');
  const second = await context.newPage();
  await opfsPickers(second);
  await second.goto('/');
  await waitForDb(second);
  await expectProducts(second, ['before the import']);

  // A shop made by Python's SQLite at the newest schema from every migration's seed rows: Corner Café, its products
  // and sales (counted in the file by Python, so that a later migration's seed changes nothing here).
  const shop = makeDb('tillite');
  const fileTables = dumpWithPython(shop.path).tables;
  await showData(first);
  await importByChooser(first, shop.path);
  const preview = first.getByTestId('import-preview');
  await expect(preview.getByTestId('import-file-shop')).toHaveText('Corner Café');
  await expect(preview.getByTestId('import-file-products')).toHaveText(String(fileTables.products!.length));
  await expect(preview.getByTestId('import-file-sales')).toHaveText(String(fileTables.sales!.length));
  await expect(preview.getByTestId('import-file-range')).toContainText('2026');
  await expect(preview.getByTestId('import-current-shop')).toHaveText(TEST_SHOP.name);
  await expect(preview.getByTestId('import-current-products')).toHaveText('1');
  await first.getByTestId('import-confirm').click();
  await expect(first.getByTestId('import-result')).toContainText('Corner Café');
  await expect(rows(first, 'before-import')).toHaveCount(1);
  expect(await opfsFiles(first, 'staging')).toEqual([]);

  // The other tab refreshes on its own: its shop name, and the file's products (those for sale, as Python reads
  // them) instead of the one of before.
  await expect(second.locator('.brand')).toHaveText('Corner Café');
  const fileProducts = dumpWithPython(shop.path).tables.products!;
  const forSale = fileProducts.filter((p) => p[7] === 1).map((p) => String(p[1]));
  expect(forSale).toContain('Crème brûlée');
  await expectProducts(second, forSale);

  // Through the open picker: a Tillite database as the first release left it (schema 1, made by app 0.0.1),
  // migrated as it is imported.
  const old = makeDb('tillite-v1');
  await putIntoOpfs(second, old.path, 'to-open', 'old-shop.sqlite3');
  await second.evaluate(() => ((window as unknown as { __openName: string }).__openName = 'old-shop.sqlite3'));
  await showData(second);
  await second.getByTestId('import-pick').click();
  await expect(second.getByTestId('import-file-schema')).toHaveText('1');
  await expect(second.getByTestId('import-migrate')).toContainText(`brought up to date as it is imported (data version 1 → ${LATEST})`);
  await expect(second.getByTestId('import-current-shop')).toHaveText('Corner Café');
  await second.getByTestId('import-confirm').click();
  // The Corner Café being replaced has staff (migration 0004's seed: the owner Maya Okafor, PIN 4821), so the
  // worker asks for a manager's or the owner's PIN before an import replaces it.
  await approve(second, { name: 'Maya Okafor', pin: '4821' }, /PIN is needed to import a database file/);
  await expect(second.getByTestId('import-result')).toContainText(`(data version ${LATEST})`);
  await expect(rows(second, 'before-import')).toHaveCount(2);
  // The undo copy holds the Corner Café that was replaced.
  await expect(rows(second, 'before-import').first().getByTestId('backup-holds')).toContainText('4 products');

  // Every tab shows the old file, migrated: no shop yet, and its history from the first release on, then this
  // version's migrations.
  await expect(second.locator('.brand')).toHaveText('Tillite');
  await showStatus(first);
  await expect(first.getByTestId('schema-version')).toHaveText(String(LATEST));
  await expect(first.getByTestId('migration-row')).toHaveCount(LATEST);
  const firstRelease = first.locator('[data-testid="migration-row"][data-version="1"]');
  await expect(firstRelease).toContainText('2026-01-01 00:00:00Z');
  await expect(firstRelease).toContainText('0.0.1');
  // Migrated for real: the till can be set up and used on the imported file, from either tab.
  await setUpTestShop(first);
  await addProductNamed(first, 'after the import');
  await expectProducts(second, ['after the import']);
  // And an independent SQLite reads the result whole, at the newest schema, with what the UI shows.
  await showData(first);
  const migrated = dumpWithPython((await exportByDownload(first)).path);
  expect(migrated).toMatchObject({ integrity: 'ok', applicationId: 0x54494c4c, userVersion: LATEST });
  expect(migrated.tables.products!.map((p) => p[1])).toEqual(['after the import']);
  expect(migrated.tables.shop![0]).toContain(TEST_SHOP.name);
});

test('moving a shop: export from one browser profile, import into a fresh one, identical data', async () => {
  const from = persistentProfile();
  const to = persistentProfile();
  try {
    const old = await from.open();
    await old.addInitScript(() => delete (window as unknown as Record<string, unknown>).showSaveFilePicker);
    const till = old.pages()[0] ?? (await old.newPage());
    await loadSampleShop(till);
    await showData(till);
    const moved = await exportByDownload(till);
    const before = dumpWithPython(moved.path);
    await old.close();

    const fresh = await to.open();
    await fresh.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w.showSaveFilePicker;
      delete w.showOpenFilePicker;
    });
    const page = fresh.pages()[0] ?? (await fresh.newPage());
    await openData(page);
    await importByChooser(page, moved.path);
    await expect(page.getByTestId('import-file-shop')).toHaveText('Corner Café & Grocery');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-result')).toBeVisible();
    await expect(page.locator('.brand')).toHaveText('Corner Café & Grocery');
    await fresh.close();

    // After a restart of the new computer's browser, the shop is there, row for row.
    const again = await to.open();
    await again.addInitScript(() => delete (window as unknown as Record<string, unknown>).showSaveFilePicker);
    const reopened = again.pages()[0] ?? (await again.newPage());
    await openData(reopened);
    await expect(reopened.locator('.brand')).toHaveText('Corner Café & Grocery');
    const after = dumpWithPython((await exportByDownload(reopened)).path);
    expect(after.integrity).toBe('ok');
    expect(after.tables).toEqual(before.tables);
    await again.close();
  } finally {
    from.dispose();
    to.dispose();
  }
});
