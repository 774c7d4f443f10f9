import { expect, test, type Page } from '@playwright/test';
import { persistentProfile, waitForDb, writeRow } from './helpers';

const role = (page: Page) => page.getByTestId('role');

test('two tabs both write, each write lands once, and closing the leader hands over', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    const first = context.pages()[0] ?? (await context.newPage());
    await first.goto('/status');
    await waitForDb(first);
    await expect(role(first)).toHaveText('holds the database');

    const second = await context.newPage();
    await second.goto('/status');
    await waitForDb(second);
    await expect(role(second)).toHaveText('uses the database held by another tab');

    // Writes from both tabs, interleaved; each tab sees the other's through the change broadcast.
    await writeRow(first, 'from tab one');
    await writeRow(second, 'from tab two');
    await writeRow(first, 'again from tab one');
    await expect(first.getByTestId('tally-total')).toHaveText('3');
    await expect(second.getByTestId('tally-total')).toHaveText('3');
    await expect(first.getByTestId('tally-entries')).toContainText('from tab two');

    // Close the leader: the other tab takes over and keeps writing; nothing committed is lost.
    await first.close();
    await expect(role(second)).toHaveText('holds the database', { timeout: 10_000 });
    await second.reload(); // re-reads everything from the database now held by this tab
    await waitForDb(second);
    await expect(second.getByTestId('tally-total')).toHaveText('3');
    await writeRow(second, 'after the hand-over');
    await expect(second.getByTestId('tally-total')).toHaveText('4');

    const notes = await second.getByTestId('tally-entries').locator('li > span').allTextContents();
    expect(notes.sort()).toEqual(['after the hand-over', 'again from tab one', 'from tab one', 'from tab two']);
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
    await leader.goto('/status');
    await waitForDb(leader);
    const follower = await context.newPage();
    await follower.goto('/status');
    await waitForDb(follower);
    await expect(role(follower)).toHaveText('uses the database held by another tab');

    // Fire many writes from the follower and close the leader while they are in flight.
    const burst = follower.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="tally-add"]')!;
      const input = document.querySelector<HTMLInputElement>('[data-testid="tally-note"]')!;
      for (let i = 0; i < 20; i++) {
        input.value = `burst ${i}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        button.click();
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    });
    await follower.waitForTimeout(60);
    await leader.close();
    await burst;
    await expect(role(follower)).toHaveText('holds the database', { timeout: 10_000 });
    // Every click the follower made is applied once: no row lost, none doubled.
    await expect(follower.getByTestId('tally-total')).toHaveText('20');
  } finally {
    await context.close();
    profile.dispose();
  }
});
