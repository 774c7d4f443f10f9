/**
 * Three tabs selling at once while the tab holding the database goes away (issue 13): closed in one run, its
 * renderer crashed in the other. Every sale the surviving tabs ring up completes (each call settles: a hang
 * would never show the receipt), every acknowledged sale is recorded exactly once with its own items, no two
 * receipts share a number, and the export opened with Python's SQLite is whole, gapless and consistent.
 */
import { expect, test, type Page } from '@playwright/test';
import { persistentProfile, waitForDb } from './helpers';
import { crashPage, expectRegister, reportFigures } from './kill-helpers';
import { addByName, exportFacts, expectHealthy, payWith, receiptNumber } from './till-helpers';

test.setTimeout(180_000);
let started = 0;
test.beforeEach(() => void (started = Date.now()));

const SALES_PER_SURVIVOR = 5;

/** Sells `count` sales of `item`; returns the receipt numbers. `after(i)` runs after the i-th sale. */
async function sellLoop(page: Page, item: string, count: number, acknowledged: Map<number, string>, after?: (i: number) => Promise<boolean>) {
  for (let i = 0; i < count; i++) {
    await addByName(page, item);
    await payWith(page, 'card');
    const number = await receiptNumber(page);
    // A receipt number given to two sales would be another sale's receipt.
    expect(acknowledged.has(number)).toBe(false);
    acknowledged.set(number, item);
    if (after && (await after(i))) return;
  }
}

for (const how of ['closed', 'crashed'] as const) {
  test(`three tabs sell at once and the leader tab is ${how}: every acknowledged sale exactly once`, async () => {
    const profile = persistentProfile();
    const context = await profile.open();
    try {
      await context.addInitScript(() => delete (window as unknown as Record<string, unknown>).showSaveFilePicker);
      const leader = context.pages()[0] ?? (await context.newPage());
      await leader.goto('/');
      await waitForDb(leader);
      await leader.getByTestId('load-sample').click();
      await expectRegister(leader);
      const tabs: Page[] = [];
      for (let i = 0; i < 2; i++) {
        const tab = await context.newPage();
        await tab.goto('/');
        await waitForDb(tab);
        await expectRegister(tab);
        tabs.push(tab);
      }
      const [b, c] = tabs as [Page, Page];
      const acknowledged = new Map<number, string>();
      // The leader sells too, and goes away after its second sale while the others are in the middle of theirs.
      const leaderLoop = sellLoop(leader, 'Espresso', 5, acknowledged, async (i) => {
        if (i < 1) return false;
        if (how === 'closed') await leader.close();
        else await crashPage(leader);
        return true;
      });
      await Promise.all([leaderLoop, sellLoop(b, 'Croissant', SALES_PER_SURVIVOR, acknowledged), sellLoop(c, 'Cola 330 ml', SALES_PER_SURVIVOR, acknowledged)]);

      const facts = await exportFacts(b);
      expectHealthy(facts);
      const byNumber = new Map(facts.sales.map((s) => [s.number, (facts.lines[s.id] ?? []).join()]));
      const lost = [...acknowledged.keys()].filter((n) => !byNumber.has(n));
      expect(lost).toEqual([]);
      expect([...acknowledged].filter(([n, item]) => byNumber.get(n) !== `${item}x1`)).toEqual([]);
      // Only acknowledged sales after the sample's 15: nothing recorded that no tab was told about.
      expect(facts.sales.length).toBe(15 + acknowledged.size);
      // Hung: 0, since every send of the surviving tabs settled (the test waits for each, within its bound).
      const figures = { acknowledged: acknowledged.size, found: acknowledged.size - lost.length, lost: lost.length, doubled: facts.doubledIds.length + facts.doubledNumbers.length, hung: 0, refused: 0 };
      reportFigures(`tabs-three: leader ${how}`, figures, started);
    } finally {
      await context.close();
      profile.dispose();
    }
  });
}
