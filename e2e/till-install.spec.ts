/**
 * Installing: the manifest carries screenshots (wide and narrow) the install dialog shows, and where the
 * browser offers installation the app shows its own "Install app" button, which opens the browser's prompt.
 */
import { expect, test } from '@playwright/test';
import { persistentProfile, waitForDb } from './helpers';

// Several real sales, prints or restores per test, on a machine that may be shared: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): string {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

test('the manifest shows the register in the install dialog, wide and narrow, at the sizes it declares', async ({ page, request }) => {
  await page.goto('/');
  await waitForDb(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(new URL(href!, page.url()).href)).json()) as { screenshots: { src: string; sizes: string; form_factor: string; label: string }[] };
  expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const shot of manifest.screenshots) {
    const response = await request.get(new URL(shot.src, page.url()).href);
    expect(response.ok(), shot.src).toBe(true);
    expect(pngSize(await response.body()), shot.src).toBe(shot.sizes);
    expect(shot.label.length).toBeGreaterThan(0);
  }
});

test('where the browser offers installation, the app’s own button opens its prompt', async () => {
  // A browser profile on disk, as a shop runs it: Chromium offers installation there (not in a throwaway one).
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForDb(page);
    const button = page.getByTestId('install-app');
    await expect(button).toBeVisible();
    await expect(button).toHaveText('Install app');
    await button.click();
    // The browser's prompt took over: the app's button is gone (a prompt can be shown only once).
    await expect(button).toHaveCount(0);
  } finally {
    await context.close();
    profile.dispose();
  }
});
