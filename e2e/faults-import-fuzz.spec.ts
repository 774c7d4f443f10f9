/**
 * The import fuzz through the real app (issue 13): mutated copies of a real export, picked through the file
 * chooser. Each one settles (a refusal or a preview: never a hang); after a refusal the live data is row for row
 * what it was and nothing is left in staging; a file that is accepted is imported, and what the till then holds
 * is exactly what the file held and what the preview said. The unit-level fuzz runs every case of the same
 * mutations through the check; this runs one of each kind, seeded, end to end.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openData } from './backup-helpers';
import { FUZZ_SEED, MUTATIONS, random } from './fixtures/file-mutations';
import { opfsFiles } from './helpers';
import { reportFigures } from './kill-helpers';
import { dumpWithPython, exportByDownload, importByChooser, loadSampleShop, withoutPickers } from './transfer-helpers';

test('mutated copies of an export: each refused with nothing changed, or imported exactly as previewed', async ({ page }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  await withoutPickers(page);
  await loadSampleShop(page);
  await openData(page);
  const base = await exportByDownload(page);
  const bytes = new Uint8Array(readFileSync(base.path));
  const pageSize = ((bytes[16]! << 8) | bytes[17]!) === 1 ? 65536 : (bytes[16]! << 8) | bytes[17]!;
  let live = dumpWithPython(base.path);

  const next = random(FUZZ_SEED + 1);
  const tally = { cases: 0, refused: 0, accepted: 0 };
  for (const [kind, mutate] of Object.entries(MUTATIONS)) {
    for (let i = 0; i < 1; i++) {
      const label = `${kind} #${i} (seed ${(FUZZ_SEED + 1).toString(16)})`;
      const path = join(dirname(base.path), `fuzz-${tally.cases++}.db`);
      writeFileSync(path, mutate(bytes.slice(), next, pageSize));
      await importByChooser(page, path);
      const refusal = page.getByTestId('import-refusal');
      const preview = page.getByTestId('import-preview');
      await expect(refusal.or(preview), label).toBeVisible();
      if (await refusal.isVisible()) {
        tally.refused++;
        await expect(refusal, label).toContainText('Nothing was changed');
        expect(await opfsFiles(page, 'staging'), label).toEqual([]);
        continue;
      }
      tally.accepted++;
      // The refusals before this one changed nothing.
      expect(dumpWithPython((await exportByDownload(page)).path).tables, label).toEqual(live.tables);
      // The preview says what the file holds, as Python's SQLite reads it.
      const file = dumpWithPython(path);
      expect(file.integrity, label).toBe('ok');
      await expect(page.getByTestId('import-file-products'), label).toHaveText(String(file.tables.products?.length ?? 0));
      await expect(page.getByTestId('import-file-sales'), label).toHaveText(String(file.tables.sales?.length ?? 0));
      await page.getByTestId('import-confirm').click();
      await expect(page.getByTestId('import-result'), label).toBeVisible();
      // What the till holds now is exactly the file.
      const after = dumpWithPython((await exportByDownload(page)).path);
      expect(after.tables, label).toEqual(file.tables);
      live = after;
    }
  }
  // The refusals after the last import changed nothing either.
  const end = dumpWithPython((await exportByDownload(page)).path);
  expect(end.tables).toEqual(live.tables);
  expect(tally.refused + tally.accepted).toBe(tally.cases);
  // No sale is made here: "lost" counts refusals after which the live data differed (each would fail above).
  reportFigures('import-fuzz', { acknowledged: 0, found: 0, lost: 0, doubled: 0, hung: 0, ...tally }, started);
});
