/**
 * The benchmark's calls (`bench.*`, which can generate data into the shop's database) and its page hook exist
 * only in bench builds (`TILLITE_BENCH=1`, `npm run bench`). The build these tests serve is a normal one: none
 * of that may be in it, neither in the files shipped nor reachable from the running app.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForDb } from './helpers';

const ASSETS = join(process.cwd(), 'dist', 'assets');
const BENCH_MARKERS = ['bench.generate', 'bench.commits', 'bench.restore', '__tillite', 'Bench Grocery'];

test('a normal build ships no benchmark code', async () => {
  const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
  // The database worker's chunk is among them (it holds the handler map the bench would extend).
  const worker = scripts.filter((name) => readFileSync(join(ASSETS, name), 'utf8').includes('sales.commit'));
  expect(worker.length).toBeGreaterThan(0);
  for (const name of scripts) {
    const text = readFileSync(join(ASSETS, name), 'utf8');
    expect(BENCH_MARKERS.filter((marker) => text.includes(marker)), name).toEqual([]);
  }
});

test('the running app exposes no database client on window', async ({ page }) => {
  await page.goto('/status');
  await waitForDb(page);
  expect(await page.evaluate(() => 'tillite' in window || '__tillite' in window)).toBe(false);
});
