// The browser side: the bench build served on localhost, driven in headless Chromium with a persistent profile
// (OPFS in incognito-like contexts is about ten times slower and is not what a shop runs).
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendererPids, watchPeak } from './memory.mjs';

/** The flags the end-to-end tests use (playwright.config.ts): quiet headless Chromium without a network. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic'];
const REGISTER = '01940000-0000-7000-8000-00000000be9c';

/**
 * Sales at a till's pace: one every 300 ms, the worker idle in between (a cashier rings a sale every few
 * seconds). A commit after a pause costs more than one in a burst (measured: p50 8 ms against 4 ms before the
 * WAL's writes were gathered), so the bench times both.
 */
export const PACED = { count: 40, gapMs: 300 };

/** In every page: collect main-thread long tasks, and note when the register became interactive. */
function pageProbes() {
  const w = window;
  w.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => document.querySelector('[data-testid=product-tile]') && document.querySelector('[data-testid=register-search]');
  const observer = new MutationObserver(() => {
    if (!w.__interactive && seen()) {
      w.__interactive = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

const launch = async (profile, executablePath, baseURL) => {
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: ARGS, baseURL, viewport: { width: 1024, height: 768 } });
  await context.addInitScript(pageProbes);
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
};
const send = (page, name, args = {}) => page.evaluate(([n, a]) => window.__tillite.send(n, a), [name, args]);
const ready = (page) => page.waitForFunction(() => document.querySelector('[data-testid=db-state]')?.getAttribute('data-state') === 'ready' && window.__tillite);
const interactive = (page) => page.waitForFunction(() => window.__interactive && window.__tillite?.times.firstAnswer, null, { timeout: 120_000 });

/** Runs `op` (a bench call) while Playwright uses the register: scans barcodes into the cart and searches. */
async function whileRegisterInUse(page, op, codes, terms) {
  const search = page.getByTestId('register-search');
  const t0 = await page.evaluate(() => performance.now());
  let done = false;
  const result = send(page, op.name, op.args).finally(() => (done = true));
  let actions = 0;
  for (; !done || actions < 4; actions++) {
    await search.fill(actions % 2 ? terms[actions % terms.length] : codes[actions % codes.length]);
    if (actions % 2 === 0) await search.press('Enter');
    await page.waitForTimeout(20);
  }
  const value = await result;
  const t1 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(([a, b]) => window.__longtasks.filter((e) => e.start + e.duration >= a && e.start <= b), [t0, t1]);
  return { value, actions, longTasks: tasks.length, longestMs: Math.max(0, ...tasks.map((e) => e.duration)) };
}

/**
 * Starts `op` (a bench call) and, until it ends, commits `sales` from the page one after another as the register
 * does (`send('sales.commit')`), a short pause between them; returns each commit's round trip and the op's time.
 */
function commitsDuring(page, op, sales) {
  return page.evaluate(
    async ([o, list, registerId]) => {
      let done = false;
      const running = window.__tillite.send(o.name, o.args).finally(() => (done = true));
      const latencies = [];
      for (const s of list) {
        if (done) break;
        const t = performance.now();
        await window.__tillite.send('sales.commit', { registerId, cart: s.cart, expectedTotal: s.expectedTotal });
        latencies.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const value = await running;
      return { latencies, opMs: value.ms };
    },
    [op, sales, REGISTER],
  );
}

/** Runs every browser measurement for one shop size; returns raw figures per run. */
export async function browserSuite({ size, runs, plan, baseURL, executablePath, log }) {
  const n = { ...{ file: runs, longTasks: runs, restore: runs, cold: runs }, ...plan.runs };
  const profile = mkdtempSync(join(tmpdir(), 'tillite-bench-profile-'));
  const out = { runs: {} };
  try {
    let { context, page } = await launch(profile, executablePath, baseURL);
    await page.goto('/');
    await ready(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    out.info = await send(page, 'bench.info');
    log(`  browser: generating ${size.name}…`);
    out.generated = await send(page, 'bench.generate', size);
    out.dbBytes = out.generated.dbBytes;
    await page.reload();
    await interactive(page);
    const r = (out.runs = { lookups: [], snapshot: [], export: [], import: [], commits: [], paced: [], floor: [], ui: [], longTasks: [], during: [], checkpoints: [], restore: [], cold: [], reportYear: null });
    log('  browser: lookups, snapshot, export, import…');
    for (let i = 0; i < runs; i++) r.lookups.push(await send(page, 'bench.lookups', { count: plan.barcodes, searches: plan.searches, seed: 100 + i }));
    // The Reports page's call for the year up to the newest sale (issue 15: "a year's report within a second").
    r.reportYear = await send(page, 'bench.reportYear', { runs });
    for (const [name, args] of [['snapshot', { keep: false }], ['export', {}], ['import', {}]]) {
      for (let i = 0; i < n.file; i++) {
        // A fresh worker each run: its wasm heap never shrinks, so only a fresh one shows what the operation needs.
        await page.reload();
        await interactive(page);
        // Once the start's background work has ended (as before the commit rows): its start-up check copies the
        // live file into the checker, and a snapshot or an export started meanwhile waited for that copy and its
        // check (about 0.3 s of a snapshot at 182 MB, and the whole start-up check before the new backup's check).
        await send(page, 'bench.idle', {});
        const pids = rendererPids(profile);
        out.rendererProcesses = pids.length;
        const peak = watchPeak(pids);
        if (name === 'snapshot') {
          // The snapshot, then its background check (in the checker worker), each one's peak memory apart.
          const value = await send(page, 'bench.snapshot', { ...args, separately: true });
          const extraBytes = peak.split();
          const checked = await send(page, 'bench.checked', { name: value.name, since: value.endedAt, keep: args.keep });
          r[name].push({ ...value, ...checked, extraBytes, checkExtraBytes: peak.stop() });
          continue;
        }
        const value = await send(page, `bench.${name}`, name === 'import' ? { name: r.export.at(-1)?.name } : args);
        r[name].push({ ...value, extraBytes: peak.stop() });
      }
    }
    log('  browser: commits in the worker and from the UI…');
    // The idle till: the reload's housekeeping and any backup's first check have ended (their commits are the
    // "while a snapshot runs" rows below).
    r.idle = [];
    for (let i = 0; i < runs; i++) {
      r.idle.push(await send(page, 'bench.idle', {}));
      r.commits.push(await send(page, 'bench.commits', { count: plan.commits, seed: 200 + i }));
    }
    r.idle.push(await send(page, 'bench.idle', {}));
    r.paced = [await send(page, 'bench.commits', { count: PACED.count, seed: 250, gapMs: PACED.gapMs })];
    // The storage's floor: one WAL frame's write and the flush of a sync access handle, on a file of its own.
    r.floor = [await send(page, 'bench.flushProbe', { gapMs: 0, count: 200, bytes: 8216, prealloc: true })];
    for (let i = 0; i < runs; i++) {
      const sales = await send(page, 'bench.sales', { count: plan.uiCommits, seed: 300 + i });
      r.idle.push(await send(page, 'bench.idle', {}));
      // The checkpoints this burst forces at the WAL's bound (and idle ones): how long a sale may wait behind one.
      const before = await send(page, 'bench.wal', { resetLongest: true });
      r.ui.push(
        await page.evaluate(async ([list, registerId]) => {
          const latencies = [];
          const started = performance.now();
          for (const s of list) {
            const t = performance.now();
            await window.__tillite.send('sales.commit', { registerId, cart: s.cart, expectedTotal: s.expectedTotal });
            latencies.push(performance.now() - t);
          }
          return { latencies, totalMs: performance.now() - started };
        }, [sales, REGISTER]),
      );
      const after = await send(page, 'bench.wal', {});
      const count = after.forced + after.idle - before.forced - before.idle;
      r.checkpoints.push({ count, totalMs: after.totalMs - before.totalMs, longestMs: after.longestMs });
    }
    log('  browser: long tasks while the register is used…');
    const sample = await send(page, 'bench.sales', { count: 2, seed: 400 });
    const codes = sample.flatMap((s) => s.cart.lines.map((l) => l.barcode)).slice(0, 5);
    const terms = sample.flatMap((s) => s.cart.lines.map((l) => l.name.split(' ')[1]));
    for (const name of ['snapshot', 'export', 'import']) {
      for (let i = 0; i < n.longTasks; i++) {
        const { value, ...seen } = await whileRegisterInUse(page, { name: `bench.${name}`, args: name === 'snapshot' ? { keep: false } : {} }, codes, terms);
        r.longTasks.push({ op: name, opMs: value.ms, ...seen });
        log(`    ${name} with the register in use: ${Math.round(value.ms)} ms, ${seen.actions} register actions, ${seen.longTasks} long tasks`);
      }
    }
    log('  browser: sale commits from the UI while a snapshot or an export runs…');
    for (const name of ['snapshot', 'export']) {
      for (let i = 0; i < n.longTasks; i++) {
        const sales = await send(page, 'bench.sales', { count: plan.uiCommits, seed: 500 + i });
        const seen = await commitsDuring(page, { name: `bench.${name}`, args: name === 'snapshot' ? { keep: false } : {} }, sales);
        r.during.push({ op: name, ...seen });
        log(`    ${name}: ${Math.round(seen.opMs)} ms, ${seen.latencies.length} sales committed meanwhile, slowest ${Math.round(Math.max(0, ...seen.latencies))} ms`);
      }
    }
    log('  browser: sale commits from the UI in the first seconds after a start…');
    for (let i = 0; i < n.longTasks; i++) {
      // Enough sales to last until the start's background work (housekeeping, the start-up check) has ended.
      const sales = await send(page, 'bench.sales', { count: 1500, seed: 600 + i });
      await page.reload();
      await interactive(page);
      const seen = await commitsDuring(page, { name: 'bench.idle', args: {} }, sales);
      r.during.push({ op: 'start', ...seen });
      log(`    after a start: ${seen.latencies.length} sales committed until its background work ended, slowest ${Math.round(Math.max(0, ...seen.latencies))} ms`);
    }
    log('  browser: restore and reopen…');
    for (let i = 0; i < n.restore; i++) {
      const snap = await send(page, 'bench.snapshot', { keep: true });
      const peak = watchPeak(rendererPids(profile));
      const restored = await send(page, 'bench.restore', { name: snap.name });
      const extraBytes = peak.stop();
      await page.reload();
      await interactive(page);
      const times = await page.evaluate(() => ({ ...window.__tillite.times, interactive: window.__interactive }));
      r.restore.push({ ms: restored.ms, extraBytes, reopenMs: times.firstAnswer - times.workerCreated, interactiveMs: times.interactive });
      await send(page, 'bench.cleanup', {});
    }
    out.dbBytesAfter = (await send(page, 'bench.info')).dbBytes;
    await context.close();
    log('  browser: cold starts…');
    for (let i = 0; i < n.cold; i++) {
      ({ context, page } = await launch(profile, executablePath, baseURL));
      await page.goto('/');
      await interactive(page);
      r.cold.push(
        await page.evaluate(async () => {
          const times = window.__tillite.times;
          // The worker's start marks (start-marks.ts) as ms since `new Worker()`: where its start went.
          const { marks } = await window.__tillite.send('bench.startMarks', {});
          const created = performance.timeOrigin + times.workerCreated;
          const phases = {};
          for (const { phase, at } of marks) if (!(phase in phases)) phases[phase] = at - created;
          return {
            interactiveMs: window.__interactive,
            workerMs: times.firstAnswer - times.workerCreated,
            phases,
            servedByServiceWorker: !!navigator.serviceWorker.controller,
          };
        }),
      );
      await context.close();
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
