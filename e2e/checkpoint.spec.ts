/**
 * The WAL and its checkpoints in the real worker on real OPFS (see src/db/worker/storage/checkpoint.ts): under a
 * burst of sales with no quiet moment the WAL stays within its bound, and sales acknowledged while checkpoints
 * run survive the browser being killed the next instant.
 *
 * These tests serve a bench build (`TILLITE_BENCH=1`): its page hook sends calls exactly as a view does, and its
 * `bench.*` calls generate a shop and read the WAL file's size from the pool. Sales go through the app's own
 * `sales.commit`; nothing else differs from a normal build.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PORT } from '../playwright.config';
import { buildApp, removeBuilds, serveBuild, type SwitchableServer } from './app-builds';

const REGISTER = '0194a1b2-0000-7000-8000-00000000e2e1';
let server: SwitchableServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await serveBuild(PORT + 4, buildApp('bench', '0.0.0-checkpoint', '', { TILLITE_BENCH: '1' }));
});
test.afterAll(async () => {
  await server?.close();
  removeBuilds();
});

type Send = (name: string, args?: unknown) => Promise<unknown>;
const send: (page: Page, ...a: Parameters<Send>) => Promise<unknown> = (page, name, args = {}) =>
  page.evaluate(([n, a]) => (window as unknown as { __tillite: { send: Send } }).__tillite.send(n as string, a), [name, args] as const);

async function open(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('[data-testid=db-state]')?.getAttribute('data-state') === 'ready' && '__tillite' in window);
  return { context, page };
}

/** The browser's main process for `profile` (the one process without `--type=`), found through /proc. */
function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmdline.some((a) => a === `--user-data-dir=${profile}`) && !cmdline.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process runs the profile ${profile}`);
}

/**
 * Commits `sales` (made by `bench.sales`) all at once, so that the worker goes from one to the next with no idle
 * time, and reads the WAL's size after every 50th; returns the acknowledged numbers and the sizes seen.
 */
async function burst(page: Page, count: number): Promise<{ numbers: number[]; walSizes: number[]; bound: number }> {
  const sales = await send(page, 'bench.sales', { count, seed: 11 });
  return page.evaluate(
    async ({ sales, register }) => {
      const hook = (window as unknown as { __tillite: { send: (name: string, args: unknown) => Promise<any> } }).__tillite;
      const commits: Promise<{ number: number }>[] = [];
      const samples: Promise<{ walBytes: number; boundBytes: number }>[] = [];
      (sales as { cart: unknown; expectedTotal: number }[]).forEach((sale, i) => {
        commits.push(hook.send('sales.commit', { registerId: register, cart: sale.cart, expectedTotal: sale.expectedTotal }));
        if (i % 50 === 49) samples.push(hook.send('bench.wal', {}));
      });
      const done = await Promise.all(commits);
      const seen = await Promise.all(samples);
      return { numbers: done.map((d) => d.number), walSizes: seen.map((s) => s.walBytes), bound: seen[0]?.boundBytes ?? 0 };
    },
    { sales, register: REGISTER },
  );
}

test('the WAL stays within its bound under a burst of 2,000 sales with no idle time', async () => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'tillite-checkpoint-'));
  try {
    const { context, page } = await open(profile);
    await send(page, 'bench.generate', { name: 'tiny', products: 300, sales: 50 });
    const { numbers, walSizes, bound } = await burst(page, 2000);
    expect(numbers).toHaveLength(2000);
    expect(new Set(numbers).size).toBe(2000);
    expect(walSizes).toHaveLength(40);
    expect(bound).toBeGreaterThan(0);
    // Without the bound the WAL of 2,000 sales would hold every page each wrote (well over 100 MB).
    for (const size of walSizes) expect(size).toBeLessThanOrEqual(bound);
    const stats = (await send(page, 'bench.wal', {})) as { forced: number };
    expect(stats.forced).toBeGreaterThan(0);
    expect(((await send(page, 'sales.list', { limit: 1 })) as { count: number }).count).toBe(2050);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('sales acknowledged while checkpoints run survive a killed browser', async () => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'tillite-checkpoint-'));
  try {
    let { context, page } = await open(profile);
    await send(page, 'bench.generate', { name: 'tiny', products: 300, sales: 50 });
    const { numbers } = await burst(page, 600);
    const stats = (await send(page, 'bench.wal', {})) as { forced: number; idle: number };
    expect(stats.forced + stats.idle).toBeGreaterThan(0);
    // Killed the instant the last sale was acknowledged: no close, no unload, nothing flushed on the way out.
    process.kill(browserPid(profile), 'SIGKILL');
    await context.close().catch(() => undefined);

    ({ context, page } = await open(profile));
    const list = (await send(page, 'sales.list', { limit: 1000 })) as { count: number; sales: { number: number }[] };
    expect(list.count).toBe(650);
    const kept = new Set(list.sales.map((s) => s.number));
    expect(numbers.filter((n) => !kept.has(n))).toEqual([]);
    const last = (await send(page, 'sales.get', { number: Math.max(...numbers) })) as { lines: unknown[] } | null;
    expect(last?.lines.length).toBe(3);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
