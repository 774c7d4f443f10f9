import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { persistentProfile } from './helpers';

test('when the browser refuses site storage the app explains it and never runs without a database', async () => {
  const profile = persistentProfile();
  // A real browser setting, not a stub: "Block sites from saving data" in the profile's preferences. OPFS then
  // refuses Tillite, as it does for a shop whose browser blocks site data.
  mkdirSync(join(profile.dir, 'Default'), { recursive: true });
  writeFileSync(
    join(profile.dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await profile.open();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/status');
    const fatal = page.getByTestId('fatal');
    await expect(fatal).toHaveAttribute('data-code', 'storage-unavailable');
    await expect(fatal).toContainText('Tillite cannot store data in this browser');
    // No view of the app is shown: nothing can be sold into a database that would not be kept.
    await expect(page.getByRole('link', { name: 'Catalogue' })).toHaveCount(0);
    await expect(page.getByTestId('shop-save')).toHaveCount(0);
    await expect(page.getByTestId('product-new')).toHaveCount(0);
  } finally {
    await context.close();
    profile.dispose();
  }
});
