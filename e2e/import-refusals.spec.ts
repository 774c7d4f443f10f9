/**
 * Bad files picked for import, each refused with its own message. Kept intact: the current database, row by row
 * (Python dumps every business table of an export before and after), no before-import backup is taken, and the
 * staging copy of each refused file is removed.
 */
import { expect, test } from '@playwright/test';
import { openData, rows } from './backup-helpers';
import { opfsFiles } from './helpers';
import { dumpWithPython, exportByDownload, importByChooser, loadSampleShop, makeDb, withoutPickers } from './transfer-helpers';

/** Each bad file, the reason the app gives, and words its message must contain. */
const BAD_FILES: { kind: string; reason: string; says: string | ((printed: string) => string) }[] = [
  { kind: 'empty', reason: 'empty', says: 'This file is empty' },
  { kind: 'text', reason: 'not-sqlite', says: 'it is a text file' },
  { kind: 'png', reason: 'not-sqlite', says: 'it is a PNG image' },
  { kind: 'truncated', reason: 'size-mismatch', says: 'This file is incomplete' },
  { kind: 'damaged', reason: 'damaged', says: (page) => `This file is damaged at page ${page}` },
  { kind: 'other-app', reason: 'not-tillite', says: 'This is not a Tillite database' },
  { kind: 'newer', reason: 'newer-schema', says: 'This backup comes from a newer version of Tillite (schema 999); update the app first' },
  { kind: 'trigger', reason: 'unexpected-schema', says: 'an extra trigger “wipe_sales”' },
  // Taken while its -wal file held a commit, and after a checkpoint: a lone WAL-mode file cannot be known whole.
  { kind: 'wal-live', reason: 'wal', says: 'journal_mode=DELETE' },
  { kind: 'wal-checkpointed', reason: 'wal', says: 'journal_mode=DELETE' },
];

test('bad files are refused, each with its own message, and the current database stays exactly as it was', async ({ page }) => {
  test.setTimeout(120_000);
  await withoutPickers(page);
  await loadSampleShop(page);
  await openData(page);
  const before = dumpWithPython((await exportByDownload(page)).path);
  expect(before.tables.sales!.length).toBeGreaterThan(0);

  const messages = new Set<string>();
  for (const bad of BAD_FILES) {
    const file = makeDb(bad.kind);
    await importByChooser(page, file.path);
    const refusal = page.getByTestId('import-refusal');
    await expect(refusal, bad.kind).toHaveAttribute('data-reason', bad.reason);
    const says = typeof bad.says === 'string' ? bad.says : bad.says(file.printed);
    await expect(refusal, bad.kind).toContainText(says);
    await expect(refusal).toContainText('Nothing was changed');
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    messages.add((await refusal.textContent()) ?? '');
    expect(await opfsFiles(page, 'staging'), `${bad.kind} leaves no staged copy`).toEqual([]);
  }
  // Own messages: only the two WAL-mode files share one (nothing in a lone file tells them apart).
  expect(messages.size).toBe(BAD_FILES.length - 1);

  await expect(rows(page, 'before-import')).toHaveCount(0);
  await expect(page.getByTestId('backup-log').locator('li[data-action="import"][data-ok="false"]')).toHaveCount(BAD_FILES.length);
  await expect(page.locator('.brand')).toHaveText('Corner Café & Grocery');
  const after = dumpWithPython((await exportByDownload(page)).path);
  expect(after.tables).toEqual(before.tables);
});
