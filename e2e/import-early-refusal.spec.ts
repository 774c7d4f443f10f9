/**
 * A file whose header is valid but whose size is not what the header counts, 1 GB of it (a valid Tillite file
 * followed by zeros, sparse on this machine's disk): refused from its first 4 KiB before any byte is copied into
 * the browser. The origin's quota is set to far less than the file, so a copy would fail on a full disk instead.
 */
import { expect, test } from '@playwright/test';
import { truncateSync } from 'node:fs';
import { openData, rows } from './backup-helpers';
import { BASE_URL, opfsFiles } from './helpers';
import { expectProducts, openNewShop, addProductNamed } from './shop-data';
import { importByChooser, makeDb, withoutPickers } from './transfer-helpers';

const GIB = 1024 ** 3;

test('a valid header followed by 1 GB of zeros is refused before it is copied; the data stays', async ({ page, context }) => {
  await withoutPickers(page);
  await openNewShop(page);
  await addProductNamed(page, 'Still here');
  await openData(page);

  const file = makeDb('tillite');
  truncateSync(file.path, GIB);

  // Far less room than the file: copying it in would fail with a full disk, not with the header's refusal.
  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL, quotaSize: usage + 50e6 });
  try {
    await importByChooser(page, file.path);
    const refusal = page.getByTestId('import-refusal');
    await expect(refusal).toHaveAttribute('data-reason', 'size-mismatch');
    await expect(refusal).toContainText(`This file's size (${GIB} bytes) does not match its header`);
    await expect(refusal).toContainText('Nothing was changed');
    expect(await opfsFiles(page, 'staging')).toEqual([]);
    const grown = (await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)) - usage;
    expect(grown).toBeLessThan(10e6);
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL });
  }
  await expect(page.getByTestId('backup-log').locator('li[data-action="import"][data-ok="false"]')).toHaveCount(1);
  await expect(rows(page, 'before-import')).toHaveCount(0);
  await expectProducts(page, ['Still here']);
});
