// `node bench/sizes.mjs [small|medium|large] [--keep FILE] [--from FILE] [--tail]`: where a sale's bytes go, in
// Node on better-sqlite3, without a browser. It generates the bench's shop with the bench's own generator (the
// same code the browser runs), vacuums it, and prints the bytes per sale of every table and index from `dbstat`.
//   --keep FILE  keeps the generated database at FILE (to migrate it later with --from).
//   --from FILE  starts from a copy of FILE instead of generating, applies the migrations it lacks, times them,
//                and measures the result.
//   --schema N   generates at schema N (an older version, to be migrated later) instead of the latest.
//   --page-size N  pages of N bytes (the browser's database uses 8192; better-sqlite3's default is 4096).
//   --tail       also times 2,000 commits in WAL mode (synchronous=FULL) with wal_autocheckpoint at 1000 pages and
//                at 0, to show where a checkpoint lands on the commit path.
// Figures come from whatever machine runs it; they are for choosing, the browser bench is the measure.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile } from './lib/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizeName = args.find((a) => ['small', 'medium', 'large'].includes(a)) ?? 'small';
const SIZES = { small: { products: 1_000, sales: 5_000 }, medium: { products: 20_000, sales: 100_000 }, large: { products: 100_000, sales: 300_000 } };
const size = { name: sizeName, ...SIZES[sizeName] };
const TILLITE_APPLICATION_ID = 0x54494c4c;
const log = (...a) => console.log('[sizes]', ...a);

const { build } = await import('vite');
const twinDir = join(root, '.tmp', 'sizes-twin');
// The twin's entry moved to bench/app/ with the restructure.
const twinEntry = [join(root, 'bench/app/native-twin.ts'), join(root, 'src/db/worker/bench/native-twin.ts')].find((f) => existsSync(f));
await build({
  configFile: false,
  logLevel: 'warn',
  define: { __APP_VERSION__: '"bench"', __EXTRA_MIGRATIONS__: '""', __BENCH__: 'true' },
  ssr: { noExternal: true },
  build: { ssr: twinEntry, outDir: twinDir, emptyOutDir: true, target: 'node20', rollupOptions: { output: { entryFileNames: 'native-twin.mjs' } } },
});
const { nativeTwin } = await import(pathToFileURL(join(twinDir, 'native-twin.mjs')).href);

const migrationsDir = join(root, 'src/db/migrations');
const migrationFiles = readdirSync(migrationsDir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();

/** Applies the migrations after the file's user_version, each in a transaction; returns ms per migration. */
function migrate(db, upTo = migrationFiles.length) {
  const from = db.pragma('user_version', { simple: true });
  const timings = [];
  db.pragma('foreign_keys = OFF');
  migrationFiles.slice(from, upTo).forEach((file, i) => {
    const t = performance.now();
    db.transaction(() => {
      db.exec(readFileSync(join(migrationsDir, file), 'utf8'));
      if (from + i === 0) db.pragma(`application_id = ${TILLITE_APPLICATION_ID}`);
      db.pragma(`user_version = ${from + i + 1}`);
      const broken = db.pragma('foreign_key_check');
      if (broken.length > 0) throw new Error(`${file} breaks ${broken.length} references, e.g. ${JSON.stringify(broken[0])}`);
    })();
    timings.push({ file, ms: Math.round(performance.now() - t) });
  });
  db.pragma('foreign_keys = ON');
  return timings;
}

const dir = join(tmpdir(), `tillite-sizes-${process.pid}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'tillite.db');
const from = option('--from');
let db;
if (from) {
  copyFileSync(from, file);
  db = new Database(file);
  log(`migrating a copy of ${from}…`);
  for (const { file: f, ms } of migrate(db)) log(`  ${f}: ${ms} ms`);
} else {
  db = new Database(file);
  if (option('--page-size')) db.pragma(`page_size = ${Number(option('--page-size'))}`);
  migrate(db, option('--schema') === undefined ? undefined : Number(option('--schema')));
  log(`generating ${size.name}: ${size.products} products, ${size.sales} sales…`);
  const t = performance.now();
  const made = nativeTwin(db, file).generate(size);
  log(`  ${JSON.stringify(made)} in ${Math.round(performance.now() - t)} ms; ${(statSync(file).size / 1e6).toFixed(1)} MB as generated`);
}
db.exec('VACUUM');
const sales = db.prepare('SELECT count(*) FROM sales').pluck().get();
const bytes = statSync(file).size;
log(`schema ${db.pragma('user_version', { simple: true })}, ${sales} sales, ${(bytes / 1e6).toFixed(1)} MB vacuumed, ${(bytes / sales).toFixed(0)} bytes per sale (whole file)`);
const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all();
for (const r of rows) if (r.bytes / sales >= 1) log(`  ${r.name.padEnd(34)} ${(r.bytes / sales).toFixed(0).padStart(5)} bytes per sale`);
log(`  ${'(all objects)'.padEnd(34)} ${(rows.reduce((a, r) => a + r.bytes, 0) / sales).toFixed(0).padStart(5)}`);

if (args.includes('--tail')) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const pages of [1000, 0]) {
    db.pragma(`wal_autocheckpoint = ${pages}`);
    const twin = nativeTwin(db, file);
    const { latencies } = await twin.commits(2000, 7 + pages);
    const slow = latencies.filter((ms) => ms > 4 * percentile(latencies, 50)).length;
    log(`wal_autocheckpoint=${pages}: 2000 commits p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms, ${slow} over 4× p50; WAL ${(statSync(`${file}-wal`).size / 1e6).toFixed(1)} MB`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
db.close();
const keep = option('--keep');
if (keep) copyFileSync(file, keep);
rmSync(dir, { recursive: true, force: true });
