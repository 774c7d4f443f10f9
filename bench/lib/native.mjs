// The native twin: the same shop, schema and workloads on better-sqlite3 with its default settings (rollback
// journal, synchronous=FULL) on a file on local disk, in this Node process. Commits and lookups run the app's
// own handler code (bundled from bench/app/native-twin.ts); the file operations mirror, step by step,
// what the worker does with OPFS.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PACED } from './browser.mjs';
import { watchPeak } from './memory.mjs';

const TILLITE_APPLICATION_ID = 0x54494c4c;
const now = () => performance.now();
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Writes `bytes` to `file` and syncs it to disk (as the worker flushes its sync access handle). */
function writeDurably(file, bytes) {
  const fd = openSync(file, 'w');
  try {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, Math.min(1 << 20, bytes.length - offset));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The app's migrations (`src/db/migrations/NNNN_*.sql`) in order, each in a transaction, as the runner does. */
function migrate(db, migrationsDir) {
  const files = readdirSync(migrationsDir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  files.forEach((file, index) => {
    db.transaction(() => {
      db.exec(readFileSync(join(migrationsDir, file), 'utf8'));
      if (index === 0) db.pragma(`application_id = ${TILLITE_APPLICATION_ID}`);
      db.pragma(`user_version = ${index + 1}`);
    })();
  });
  return files.length;
}

const integrityOf = (file) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

/**
 * The worker's `takeSnapshot`, natively: VACUUM INTO a staging file, integrity_check it, read it, SHA-256, write
 * `backups/<name>.tmp` durably, read back and compare, rename.
 */
function snapshot(db, dir, name) {
  const staging = join(dir, 'snapshot-staging.db');
  const backups = join(dir, 'backups');
  mkdirSync(backups, { recursive: true });
  rmSync(staging, { force: true });
  db.prepare('VACUUM INTO ?').run(staging);
  if (integrityOf(staging) !== 'ok') throw new Error('native snapshot failed its integrity check');
  const bytes = readFileSync(staging);
  const digest = sha256(bytes);
  writeDurably(join(backups, `${name}.tmp`), bytes);
  if (sha256(readFileSync(join(backups, `${name}.tmp`))) !== digest) throw new Error('native snapshot read back differs');
  renameSync(join(backups, `${name}.tmp`), join(backups, name));
  rmSync(staging, { force: true });
  return { bytes: bytes.length, path: join(backups, name) };
}

/** Runs every native measurement for one shop size; returns raw figures per run. */
export async function nativeSuite({ size, runs, plan, dir, migrationsDir, twinModule }) {
  const { nativeTwin } = await import(twinModule);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tillite.db');
  let db = new Database(file);
  const out = { sqliteVersion: db.prepare('SELECT sqlite_version()').pluck().get(), journalMode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }), pageSize: db.pragma('page_size', { simple: true }), runs: {} };
  migrate(db, migrationsDir);
  let twin = nativeTwin(db, file);
  const t0 = now();
  out.generated = twin.generate(size);
  out.generateMs = now() - t0;
  out.dbBytes = statSync(file).size;
  const n = { ...{ file: runs, restore: runs, cold: runs }, ...plan.runs };
  const r = (out.runs = { lookups: [], commits: [], paced: [], snapshot: [], export: [], import: [], restore: [], coldOpen: [] });

  for (let i = 0; i < runs; i++) r.lookups.push(await twin.lookups(plan.barcodes, plan.searches, 100 + i));
  r.reportYear = await twin.reportYear(runs);
  for (let i = 0; i < n.file; i++) {
    const peak = watchPeak([process.pid]);
    const t = now();
    const { bytes, path } = snapshot(db, dir, `bench-${i}.db`);
    r.snapshot.push({ ms: now() - t, bytes, extraBytes: peak.stop() });
    rmSync(path);
  }
  const exported = join(dir, 'tillite-export.db');
  for (let i = 0; i < n.file; i++) {
    const peak = watchPeak([process.pid]);
    const t = now();
    const bytes = readFileSync(file);
    writeDurably(exported, bytes);
    r.export.push({ ms: now() - t, bytes: bytes.length, extraBytes: peak.stop() });
  }
  for (let i = 0; i < n.file; i++) {
    const peak = watchPeak([process.pid]);
    const t = now();
    const bytes = readFileSync(exported);
    const staging = join(dir, 'import-staging.db');
    writeDurably(staging, bytes);
    const staged = new Database(staging, { readonly: true });
    const checks = nativeTwin(staged, staging).validate();
    staged.close();
    rmSync(staging);
    if (checks.integrity !== 'ok' || checks.foreignKeyProblems > 0) throw new Error(`native import checks failed: ${JSON.stringify(checks)}`);
    r.import.push({ ms: now() - t, bytes: bytes.length, extraBytes: peak.stop() });
  }
  for (let i = 0; i < runs; i++) r.commits.push(await twin.commits(plan.commits, 200 + i));
  // A till's pace: a sale every 300 ms or so, the worker idle between them (see browser.mjs).
  r.paced.push(await twin.commits(PACED.count, 250, PACED.gapMs));
  for (let i = 0; i < n.restore; i++) {
    const { path } = snapshot(db, dir, `restore-${i}.db`);
    const t = now();
    // restoreSnapshot, natively: read and verify the snapshot, take a safety snapshot, close, remove, replace.
    const bytes = readFileSync(path);
    const staging = join(dir, 'restore-staging.db');
    writeDurably(staging, bytes);
    if (integrityOf(staging) !== 'ok') throw new Error('native restore: snapshot damaged');
    rmSync(staging);
    snapshot(db, dir, `pre-restore-${i}.db`);
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-journal`]) rmSync(f, { force: true });
    writeDurably(file, bytes);
    const restoreMs = now() - t;
    const t2 = now();
    db = new Database(file);
    db.prepare('SELECT name FROM shop').get();
    r.restore.push({ ms: restoreMs, reopenMs: now() - t2 });
    twin = nativeTwin(db, file);
  }
  for (let i = 0; i < n.cold; i++) {
    db.close();
    const t = now();
    db = new Database(file);
    db.pragma('user_version', { simple: true });
    db.prepare('SELECT name FROM shop').get();
    r.coldOpen.push({ ms: now() - t });
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return out;
}
