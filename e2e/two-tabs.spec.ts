import { expect, test, type Page } from '@playwright/test';
import { persistentProfile, waitForDb } from './helpers';
import { addProductNamed, expectProducts, openNewShop, showCatalogue } from './shop-data';

const role = (page: Page) => page.getByTestId('role');

/** Goes to the status page through the navigation and returns what it says about this tab. */
async function roleOf(page: Page) {
  await page.getByRole('link', { name: 'Status' }).click();
  return role(page);
}

test('two tabs both write, each write lands once, and closing the leader hands over', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    const first = context.pages()[0] ?? (await context.newPage());
    await openNewShop(first);
    await expect(await roleOf(first)).toHaveText('holds the database');

    const second = await context.newPage();
    await second.goto('/status');
    await waitForDb(second);
    await expect(role(second)).toHaveText('uses the database held by another tab');

    // Writes from both tabs, interleaved; each tab sees the other's through the change broadcast.
    await addProductNamed(first, 'from tab one');
    await addProductNamed(second, 'from tab two');
    await addProductNamed(first, 'again from tab one');
    await expectProducts(first, ['from tab one', 'from tab two', 'again from tab one']);
    await expectProducts(second, ['from tab one', 'from tab two', 'again from tab one']);

    // Close the leader: the other tab takes over and keeps writing; nothing committed is lost.
    await first.close();
    await expect(await roleOf(second)).toHaveText('holds the database', { timeout: 10_000 });
    await second.reload(); // re-reads everything from the database now held by this tab
    await waitForDb(second);
    await expectProducts(second, ['from tab one', 'from tab two', 'again from tab one']);
    await addProductNamed(second, 'after the hand-over');
    await expectProducts(second, ['after the hand-over', 'again from tab one', 'from tab one', 'from tab two']);
  } finally {
    await context.close();
    profile.dispose();
  }
});

test('a write in flight when the leader closes is applied exactly once by the next leader', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    const leader = context.pages()[0] ?? (await context.newPage());
    await openNewShop(leader);
    const follower = await context.newPage();
    await follower.goto('/status');
    await waitForDb(follower);
    await expect(role(follower)).toHaveText('uses the database held by another tab');
    await showCatalogue(follower);

    // Fire many writes from the follower and close the leader while they are in flight: new categories, typed
    // and added one after another without waiting for the answers, as a quick typist would.
    const burst = follower.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="category-name"]')!;
      const button = document.querySelector<HTMLButtonElement>('[data-testid="category-add"]')!;
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < 20; i++) {
        const name = `burst ${i}`;
        // Click only once the form has rendered this name (an answer arriving clears the field).
        do {
          input.value = name;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await tick();
        } while (input.value !== name || button.disabled);
        button.click();
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    });
    await follower.waitForTimeout(60);
    await leader.close();
    await burst;
    await expect(await roleOf(follower)).toHaveText('holds the database', { timeout: 10_000 });
    // Every click the follower made is applied once: no category lost, none doubled (a second attempt would
    // have been refused as "already a category" and shown as an error).
    await showCatalogue(follower);
    const names = Array.from({ length: 20 }, (_, i) => `burst ${i}`).sort();
    await expect(follower.getByTestId('categories').locator('li')).toHaveText(names);
    await expect(follower.locator('.catalog-side .error')).toHaveCount(0);
    await follower.reload();
    await waitForDb(follower);
    await expect(follower.getByTestId('categories').locator('li')).toHaveText(names);
  } finally {
    await context.close();
    profile.dispose();
  }
});
