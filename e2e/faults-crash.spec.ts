/**
 * The renderer crashed (CDP `Page.crash`) in the middle of writes (issue 13's fault suite): the crash lands while
 * a sale is being completed. After each crash a new tab opens the register (no recovery screen); the sale that was
 * in flight is either recorded once or its cart is offered back and completed once; at the end an export opened
 * with Python's SQLite holds every acknowledged sale once, numbers without gaps, stock equal to its movements.
 */
import { expect, test } from '@playwright/test';
import { persistentProfile, waitForDb } from './helpers';
import { crashPage, expectRegister, reportFigures } from './kill-helpers';
import { addByName, exportFacts, expectHealthy, payWith, receiptNumber } from './till-helpers';

test.setTimeout(180_000);
let started = 0;
test.beforeEach(() => void (started = Date.now()));

test('renderer crashes in the middle of completing a sale, 8 rounds: nothing acknowledged lost, nothing doubled', async () => {
  const profile = persistentProfile();
  const context = await profile.open();
  try {
    await context.addInitScript(() => delete (window as unknown as Record<string, unknown>).showSaveFilePicker);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForDb(page);
    await page.getByTestId('load-sample').click();
    await expectRegister(page);
    const acknowledged = new Map<number, string>();
    let landedUnacknowledged = 0;
    let offeredBack = 0;
    let neverSaved = 0;
    let last = 15;
    for (let round = 0; round < 8; round++) {
      for (const item of ['Espresso']) {
        await addByName(page, item);
        await payWith(page, 'card');
        const number = await receiptNumber(page);
        expect(number).toBe(last + 1);
        acknowledged.set(number, item);
        last = number;
      }
      // A third sale: the renderer crashes as "Complete sale" is pressed (even rounds), or while the item just
      // added is being saved (odd rounds).
      await addByName(page, 'Green tea');
      if (round % 2 === 0) {
        await page.getByTestId('pay').click();
        await page.getByTestId('tender-card').click();
        await page.getByTestId('complete-sale').click();
      }
      await test.step(`round ${round}: the renderer crashes`, () => crashPage(page));

      // Steps name where a round stands in the report and the trace, should one ever hang (once in a full run
      // on a loaded machine the test ran out of time with no step named; the retry passed).
      page = await test.step(`round ${round}: a new tab opens the register`, async () => {
        const next = await context.newPage();
        await next.goto('/');
        await waitForDb(next);
        await expectRegister(next);
        return next;
      });
      // The cart shows once the register has looked for carts closed tabs left: from then on the offer is there or not.
      await expect(page.getByTestId('cart-saved')).toBeVisible();
      const offer = page.getByTestId('left-cart');
      // Either the commit landed (its cart went with it) or it did not (its cart is offered back): never both.
      await page.getByTestId('register-search').fill('Green tea');
      if (await offer.isVisible()) {
        offeredBack++;
        await page.getByTestId('left-cart-resume').click();
        await page.getByTestId('register-search').fill('');
        await payWith(page, 'card');
        const number = await receiptNumber(page);
        expect(number).toBe(last + 1);
        acknowledged.set(number, 'Green tea');
        last = number;
      } else {
        await page.getByTestId('register-search').fill('');
        // The next receipt shows whether the crashed sale took a number (it landed) or not (it was never saved).
        await addByName(page, 'Espresso');
        await payWith(page, 'card');
        const number = await receiptNumber(page);
        if (number === last + 2) {
          landedUnacknowledged++;
          acknowledged.set(last + 1, 'Green tea');
        } else {
          expect(number).toBe(last + 1);
          neverSaved++;
        }
        acknowledged.set(number, 'Espresso');
        last = number;
      }
    }
    const facts = await test.step('the export is read with Python', () => exportFacts(page));
    expectHealthy(facts);
    const byNumber = new Map(facts.sales.map((s) => [s.number, (facts.lines[s.id] ?? []).join()]));
    const lost = [...acknowledged.keys()].filter((n) => !byNumber.has(n));
    expect(lost).toEqual([]);
    expect([...acknowledged].filter(([n, item]) => byNumber.get(n) !== `${item}x1`)).toEqual([]);
    expect(Math.max(...byNumber.keys())).toBe(last);
    // Every crash was survived one way or another, and each counted once.
    expect(offeredBack + landedUnacknowledged + neverSaved).toBe(8);
    const figures = { acknowledged: acknowledged.size, found: acknowledged.size - lost.length, lost: lost.length, doubled: facts.doubledIds.length + facts.doubledNumbers.length, hung: 0, refused: 0 };
    reportFigures('crash', { ...figures, crashes: 8, offeredBack, landedUnacknowledged, neverSaved }, started);
  } finally {
    await context.close();
    profile.dispose();
  }
});
