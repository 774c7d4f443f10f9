/**
 * Sales go on while a backup runs (real Chromium, real OPFS, the real worker; a shop of more than 20 MB): every
 * sale rung up during the backup is acknowledged, and each is in the backup whole (its lines, tax bands and
 * payments all there) or not in it at all, the ones in it being exactly the earliest ones. The backup file is
 * read out of OPFS and opened with Python's own SQLite.
 *
 * The test serves a bench build (`TILLITE_BENCH=1`) for its page hook, which sends calls exactly as a view does,
 * and for `bench.generate` (the shop) and `bench.sales` (carts priced with the app's code). Sales go through the
 * app's own `sales.commit` and the backup through `backup.create`, as "Back up now" sends it.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PORT } from '../playwright.config';
import { buildApp, removeBuilds, serveBuild, type SwitchableServer } from './app-builds';
import { copyOutOfOpfs } from './transfer-helpers';

const REGISTER = '0194a1b2-0000-7000-8000-00000000e2e7';
let server: SwitchableServer;
let profile: string;

test.use({ trace: 'off' });
test.beforeAll(async () => {
  test.setTimeout(240_000);
  profile = mkdtempSync(join(tmpdir(), 'tillite-backup-sales-'));
  server = await serveBuild(PORT + 7, buildApp('bench', '0.0.0-backup-sales', '', { TILLITE_BENCH: '1' }));
});
test.afterAll(async () => {
  await server?.close();
  removeBuilds();
  rmSync(profile, { recursive: true, force: true });
});

type Send = (name: string, args?: unknown) => Promise<unknown>;
const send = (page: Page, name: string, args: unknown = {}): Promise<any> =>
  page.evaluate(([n, a]) => (window as unknown as { __tillite: { send: Send } }).__tillite.send(n as string, a), [name, args] as const);

/** What Python's SQLite finds in the backup for each sale number: null when absent, else its rows' counts. */
function salesInBackup(path: string, numbers: number[]): Record<string, { lines: number; taxes: number; payments: number } | null> {
  const script = [
    'import json, sqlite3, sys',
    'c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)',
    'assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"',
    'out = {}',
    'for n in json.loads(sys.argv[2]):',
    '  row = c.execute("SELECT id FROM sales WHERE number = ?", (n,)).fetchone()',
    '  out[str(n)] = None if row is None else {t: c.execute(f"SELECT count(*) FROM {s} WHERE sale_id = ?", (row[0],)).fetchone()[0]',
    '    for t, s in (("lines", "sale_lines"), ("taxes", "sale_taxes"), ("payments", "sale_payments"))}',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path, JSON.stringify(numbers)], { encoding: 'utf8' }));
}

test('a sale rung up while a backup runs completes, and its commit is in the backup or after it, never half', async () => {
  test.setTimeout(300_000);
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid=db-state]')?.getAttribute('data-state') === 'ready' && '__tillite' in window, null, { timeout: 60_000 });
    const shop = await send(page, 'bench.generate', { name: 'e2e', products: 20_000, sales: 40_000 });
    expect(shop.dbBytes).toBeGreaterThan(20e6);
    const sales = await send(page, 'bench.sales', { count: 2_000, seed: 7 });

    // The backup starts; the register goes on ringing up sales one after another until it is done.
    const run = await page.evaluate(
      async ({ sales, register }) => {
        const hook = (window as unknown as { __tillite: { send: (name: string, args: unknown) => Promise<any> } }).__tillite;
        let finished = false;
        const backup = hook.send('backup.create', { description: 'during-sales' }).then((record: { name: string }) => {
          finished = true;
          return record;
        });
        const rung: { number: number; during: boolean }[] = [];
        for (const sale of sales as { cart: unknown; expectedTotal: number }[]) {
          if (finished) break;
          const receipt = await hook.send('sales.commit', { registerId: register, cart: sale.cart, expectedTotal: sale.expectedTotal });
          rung.push({ number: receipt.number, during: !finished });
        }
        return { backup: await backup, rung };
      },
      { sales, register: REGISTER },
    );
    const during = run.rung.filter((s: { during: boolean }) => s.during);
    test.info().annotations.push({ type: 'sales acknowledged while the backup ran', description: String(during.length) });
    expect(during.length).toBeGreaterThan(0);

    // The backup is listed at once and becomes verified when SQLite's check has passed on it.
    await expect
      .poll(async () => ((await send(page, 'backup.list', {})).backups as { name: string; state: string }[]).find((b) => b.name === run.backup.name)?.state, { timeout: 120_000 })
      .toBe('verified');

    const numbers = run.rung.map((s: { number: number }) => s.number);
    const path = await copyOutOfOpfs(page, 'backups', run.backup.name);
    const found = salesInBackup(path, numbers);
    const inBackup = numbers.filter((n: number) => found[String(n)] !== null);
    // The sales in the backup are the earliest ones: those committed before the copy's last step.
    expect(inBackup).toEqual(numbers.slice(0, inBackup.length));
    for (const number of inBackup) {
      const detail = await send(page, 'sales.get', { number });
      expect(found[String(number)], `sale ${number}`).toEqual({ lines: detail.lines.length, taxes: detail.taxes.length, payments: detail.payments.length });
    }
    // Every sale rung up is kept by the live database, whether or not the backup has it.
    for (const number of numbers.slice(inBackup.length)) expect((await send(page, 'sales.get', { number }))?.number).toBe(number);
  } finally {
    await context.close();
  }
});
