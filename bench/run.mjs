// `npm run bench`: builds the app with the bench calls (TILLITE_BENCH=1), serves it on localhost, drives it in
// headless Chromium with a persistent profile at three shop sizes, runs the same workloads on native SQLite
// (better-sqlite3, default settings, a file on local disk), and writes bench/results/latest.{json,md}.
// Benchmarks report; they never fail the test suite and never run in `npm test`.
//
// Environment: TILLITE_BENCH_PORT (default 4361), TILLITE_BENCH_RUNS (default 5), TILLITE_BENCH_SIZES
// (comma-separated subset of small,medium,large), PLAYWRIGHT_CHROMIUM (else Debian's chromium is found).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDeps } from '../scripts/ensure-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
ensureDeps();
const { ensureChromium } = await import('../scripts/ensure-chromium.mjs');
const { serve } = await import('./lib/server.mjs');
const { browserSuite } = await import('./lib/browser.mjs');
const { nativeSuite } = await import('./lib/native.mjs');
const { render } = await import('./lib/render.mjs');

const log = (...a) => console.log('[bench]', ...a);
const started = Date.now();
const loadAtStart = loadavg()[0];
const RUNS = Math.max(5, Number(process.env.TILLITE_BENCH_RUNS ?? 5));
const PORT = Number(process.env.TILLITE_BENCH_PORT ?? 4361);
// With the app's schema a sale takes about 1.6–1.9 KB (see the notes in the results), so the large shop is
// about 570 MB rather than the estimated 50 MB: the file operations (snapshot, export, import, restore)
// then take seconds each, and the large size runs them fewer times to keep the whole bench near 15 minutes.
const SIZES = [
  { name: 'small', products: 1_000, sales: 5_000 },
  { name: 'medium', products: 20_000, sales: 100_000 },
  { name: 'large', products: 100_000, sales: 300_000, runs: { file: 3, longTasks: 1, restore: 2 } },
].filter((s) => !process.env.TILLITE_BENCH_SIZES || process.env.TILLITE_BENCH_SIZES.split(',').includes(s.name));
/** Operations per run. Same counts on both sides. */
const PLAN = { commits: 500, uiCommits: 200, barcodes: 2000, searches: 300 };

const chromium = await ensureChromium();
log('building the bench app (TILLITE_BENCH=1 → dist-bench/)…');
const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
  env: { ...process.env, TILLITE_BENCH: '1', TILLITE_OUT_DIR: 'dist-bench' },
});
if (built.status !== 0) process.exit(built.status ?? 1);
log('bundling the native twin (the same handler code for Node)…');
const { build } = await import('vite');
const twinDir = join(root, '.tmp', 'bench-twin');
await build({
  configFile: false,
  logLevel: 'warn',
  define: { __APP_VERSION__: '"bench"', __EXTRA_MIGRATIONS__: '""' },
  ssr: { noExternal: true },
  build: { ssr: 'bench/app/native-twin.ts', outDir: twinDir, emptyOutDir: true, target: 'node20', rollupOptions: { output: { entryFileNames: 'native-twin.mjs' } } },
});

mkdirSync('bench/results', { recursive: true });
const server = await serve(join(root, 'dist-bench'), PORT);
const sizes = [];
try {
  for (const size of SIZES) {
    log(`${size.name}: ${size.products} products, ${size.sales} sales`);
    const plan = { ...PLAN, runs: size.runs ?? {} };
    const { runs: _fewer, ...shop } = size;
    const browser = await browserSuite({ size: shop, runs: RUNS, plan, baseURL: server.url, executablePath: chromium, log });
    log('  native twin…');
    const native = await nativeSuite({
      size: shop, runs: RUNS, plan, dir: join(tmpdir(), `tillite-bench-native-${size.name}`),
      migrationsDir: join(root, 'src/db/migrations'), twinModule: pathToFileURL(join(twinDir, 'native-twin.mjs')).href,
    });
    sizes.push({ ...shop, runsOverride: size.runs ?? null, browser, native });
    writeFileSync('bench/results/partial.tmp', JSON.stringify(sizes));
    log(`  ${size.name} done (${Math.round((Date.now() - started) / 1000)} s so far)`);
  }
} finally {
  await server.close();
}

const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const first = sizes[0];
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  chromium: chromiumVersion,
  node: process.version,
  sqliteWasm: `@sqlite.org/sqlite-wasm ${pkg('@sqlite.org/sqlite-wasm')} (SQLite ${first?.browser.info.sqliteVersion})`,
  native: `better-sqlite3 ${pkg('better-sqlite3')} (SQLite ${first?.native.sqliteVersion})`,
};
machine.loadAverage = { atStart: loadAtStart, atEnd: loadavg()[0] };
machine.summary = `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.chromium} headless, ${machine.sqliteWasm}; native: ${machine.native}, Node ${machine.node}`;
const raw = { finishedAt: new Date().toISOString(), durationS: Math.round((Date.now() - started) / 1000), machine, runs: RUNS, plan: PLAN, sizes };
// Every raw figure, so that the report can be rendered again (`node bench/render.mjs`) without measuring again.
writeFileSync('bench/results/raw.tmp', JSON.stringify(raw));
console.log(`\n${render(raw)}`);
log(`finished in ${raw.durationS} s; wrote bench/results/latest.json, latest.md and the README's Performance section`);
