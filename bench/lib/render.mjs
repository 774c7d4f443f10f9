// Renders a bench run's raw figures: the table rows and targets of each size, latest.json (without the raw
// per-operation latencies), latest.md and the README's Performance section. Used by run.mjs at the end of a run
// and by render.mjs to render a stored run again.
import { readFileSync, writeFileSync } from 'node:fs';
import { explain } from './explain.mjs';
import { compact, markdown, readmeSection, sizeRows, targets, withPerformanceSection } from './report.mjs';

/** What the figures mean and how they were taken, for the report. */
function notesFor(raw) {
  return [
    `${raw.runs} runs of every figure (fewer where the table's runs column says so: at the large size the file operations run 3 times, long tasks are watched during 1 run of each operation, restore runs twice); per run: ${raw.plan.commits} sale commits in the worker, ${raw.plan.uiCommits} from the UI, ${raw.plan.barcodes} barcode lookups, ${raw.plan.searches} name searches. Generating each shop is timed once.`,
    'Browser: the production build with the bench calls, served on localhost and controlled by its service worker, persistent Chromium profile, OPFS (opfs-sahpool), WAL + exclusive locking, synchronous=FULL, 8 KiB pages.',
    `Native: better-sqlite3 defaults (journal_mode=${raw.sizes[0]?.native.journalMode}, synchronous=${raw.sizes[0]?.native.synchronous}, page size ${raw.sizes[0]?.native.pageSize}), a file on local disk, in the Node process; it runs the same handler code (sale commit through the app's processor, catalogue lookups) through a thin adapter.`,
    'The UI round trip has no native twin (an Electron app would add its own IPC): its ratio is against the native in-process commit.',
    'Snapshot = the Data view\'s "Back up now" through the backup service (a full checkpoint, then the live file read in 1 MiB chunks through its VFS while checkpoints go on, the pages they overwrite kept for the copy; each chunk hashed and written, read back and compared; catalogued as copied); its background check (in the checker worker: quick_check per table, then the manifest of its rows written in, the file written out again and read back; the business rules are the export\'s and the daily full check\'s) is timed apart. Restore = `backup.restore` (check the backup, a before-restore snapshot, the streamed swap, reopen, migrate), then the page reloads and the worker reopens the file. Export = `transfer.snapshot` (the same frozen-file copy as a snapshot, then at once its check in the checker worker, which writes the manifest of every table\'s rows into it; the copy and the check are also timed apart). Import = the picked file staged in OPFS, then `transfer.inspect`\'s checks (header, integrity and foreign keys, schema, manifest, business rules); the swap is what restore times. The native twin runs the previous pipeline\'s steps (VACUUM INTO, exportFile, integrity_check) as its baseline.',
    'Peak memory: extra resident memory of the renderer processes (the page and its worker) from /proc (VmHWM after minus VmRSS before), each run in a freshly started worker; native: the Node process, a lower bound (Node reuses memory the previous operation freed, so an import that holds the whole file once can show 0).',
    'The bench server sends COOP/COEP so that performance.now() has 5 µs resolution (100 µs otherwise). sqlite-wasm would then also install its own `opfs` VFSes at start; the app turns them off (src/db/worker/drivers/sqlite.ts), so start-up is the same as without the headers.',
    `Load average (1 min) ${raw.machine.loadAverage.atStart.toFixed(1)} at the start and ${raw.machine.loadAverage.atEnd.toFixed(1)} at the end on ${raw.machine.cores} cores: other work shared the machine, so tails (p99, max) are noisier than on an idle machine.`,
    'Cold starts launch a fresh headless Chromium on the profile each run (the app already installed); times are from navigation start, and worker figures from `new Worker()` to the first answered call.',
  ];
}

/** Writes bench/results/latest.{json,md} and the README section for `raw`; returns the Markdown. */
export function render(raw) {
  const sizes = raw.sizes.map((size) => ({ ...size, rows: sizeRows(size.browser, size.native, size.sales) }));
  // Targets are judged at the largest size, with every size's rows for the ones across sizes.
  sizes.forEach((size, i) => (size.targets = targets(sizes.slice(0, i + 1))));
  const result = { ...raw, notes: notesFor(raw), sizes };
  result.explanations = explain(result);
  writeFileSync('bench/results/latest.json', `${JSON.stringify(compact(result), null, 1)}\n`);
  const md = markdown(result);
  writeFileSync('bench/results/latest.md', md);
  writeFileSync('README.md', withPerformanceSection(readFileSync('README.md', 'utf8'), readmeSection(result, md)));
  return md;
}
