import { expect, test } from '@playwright/test';
import { persistentProfile } from './helpers';
import { addProductNamed, expectProducts, openNewShop } from './shop-data';

test('without Web Locks a second window says Tillite is open elsewhere, and the first keeps its data', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    // Simulate a browser without Web Locks. The main thread detects features and tells its worker, so hiding
    // `navigator.locks` from the page is enough; the OPFS handles, the pool and the worker stay real.
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
    });
    const first = context.pages()[0] ?? (await context.newPage());
    await openNewShop(first);
    await addProductNamed(first, 'kept safe');

    const second = await context.newPage();
    await second.goto('/status');
    const fatal = second.getByTestId('fatal');
    await expect(fatal).toHaveAttribute('data-code', 'open-elsewhere');
    await expect(fatal).toContainText('Tillite is open in another window');

    // The first window is untouched and still writes.
    await addProductNamed(first, 'still working');
    await expectProducts(first, ['kept safe', 'still working']);
  } finally {
    await context.close();
    profile.dispose();
  }
});
