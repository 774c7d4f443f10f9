/**
 * Restore and its undo, seen from two tabs; emptying the database and getting it back from the before-empty
 * backup. What is kept intact: every row written before the backup, and (through undo) every row after it.
 */
import { expect, test } from '@playwright/test';
import { waitForDb, writeRow } from './helpers';
import { backUpNow, restore, row, rows, showData, showStatus } from './backup-helpers';

test('restore a backup in one tab: both tabs show the restored data; undo brings the newer data back', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/status');
  await waitForDb(first);
  await writeRow(first, 'kept 1');
  await writeRow(first, 'kept 2');
  await showData(first);
  const backup = await backUpNow(first, 'two rows');

  await showStatus(first);
  for (const note of ['later 1', 'later 2', 'later 3']) await writeRow(first, note);
  const second = await context.newPage();
  await second.goto('/status');
  await waitForDb(second);
  await expect(second.getByTestId('tally-total')).toHaveText('5');

  await showData(first);
  const seen = await restore(first, backup);
  // The confirmation showed what the backup holds and what it replaces.
  expect(seen.backup).toContain('2 rows');
  expect(seen.current).toContain('5 rows');
  await expect(rows(first, 'before-restore')).toHaveCount(1);
  await expect(rows(first, 'before-restore').first().getByTestId('backup-holds')).toContainText('5 rows');

  // The other tab refreshes on its own.
  await expect(second.getByTestId('tally-total')).toHaveText('2');
  await expect(second.getByTestId('tally-entries')).not.toContainText('later');

  // Writes work on the restored database, from either tab.
  await writeRow(second, 'after restore');
  await expect(second.getByTestId('tally-total')).toHaveText('3');

  await first.getByTestId('undo-restore').click();
  await expect(first.getByTestId('data-message')).toContainText('Restore undone');
  await expect(second.getByTestId('tally-total')).toHaveText('5');
  await expect(second.getByTestId('tally-entries')).toContainText('later 3');

  // And it survives a restart of the tab that holds the database.
  await first.reload();
  await waitForDb(first);
  await showStatus(first);
  await expect(first.getByTestId('tally-total')).toHaveText('5');
});

test('empty the database after a typed confirmation, then recover everything from the before-empty backup', async ({ page }) => {
  await page.goto('/status');
  await waitForDb(page);
  for (const note of ['x', 'y', 'z', 'w']) await writeRow(page, note);
  await showData(page);

  const confirm = page.getByTestId('empty-confirm');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('empty-confirm-input').fill('empty');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('empty-confirm-input').fill('EMPTY');
  await confirm.click();
  const result = page.getByTestId('empty-result');
  await expect(result).toContainText('tally: 4 rows removed');
  await expect(rows(page, 'before-empty')).toHaveCount(1);
  const snapshot = await rows(page, 'before-empty').first().getAttribute('data-name');
  await expect(row(page, snapshot!).getByTestId('backup-holds')).toContainText('4 rows');

  await showStatus(page);
  await expect(page.getByTestId('tally-total')).toHaveText('0');

  await showData(page);
  await restore(page, snapshot!);
  await showStatus(page);
  await expect(page.getByTestId('tally-total')).toHaveText('4');
  await expect(page.getByTestId('tally-entries')).toContainText('w');
});
