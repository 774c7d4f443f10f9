// What holds back each target that is not met, with the figures of this run that show it.
const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d }) : '–');
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Sentences for the Markdown report: one per unmet target, and what the size of the database comes from. */
export function explain(result) {
  const last = result.sizes.at(-1);
  if (!last) return [];
  const out = [];
  const row = (label, unit) => last.rows.find((r) => r[0] === label && r[1] === unit);
  const b = (label, unit) => row(label, unit)?.[3]?.median;
  const n = (label, unit) => row(label, unit)?.[4]?.median;
  const unmet = (prefix) => last.targets.find((t) => t.target.startsWith(prefix) && t.met === false);
  const br = last.browser.runs;
  const mb = last.browser.dbBytes / 1e6;
  const load = result.machine.loadAverage;
  // The issue's own estimate of each size's database, for comparison.
  const issueMb = { medium: 20, large: 50 }[last.name];

  if (unmet('Sale commit in the worker: p99')) {
    out.push(`Sale commit p99: the median commit takes ${fmt(b('Sale commit in the worker: p50', 'ms'), 2)} ms, the slowest 1 % ${fmt(b('Sale commit in the worker: p99', 'ms'), 1)} ms (native, better-sqlite3's defaults: rollback journal and several syncs per commit, p50 ${fmt(n('Sale commit in the worker: p50', 'ms'), 2)} ms, p99 ${fmt(n('Sale commit in the worker: p99', 'ms'), 1)} ms). The storage's own flush has p99 ${fmt(b('Storage floor: its flush: p99', 'ms'), 2)} ms here. In a burst with no pause a sale writes about two dozen WAL frames, so the WAL's bound (512 frames) forces a checkpoint every twenty sales or so (${fmt(b('Checkpoints during the UI sales (per run of 200)', 'count'))} per 200 UI sales, ${fmt(b('Checkpoint while selling: mean duration', 'ms'), 1)} ms each at the mean), and the sale behind it waits: that sets the p99. At a till's pace the checkpoints run in the pauses (p99 ${fmt(b("Sale commit in the worker at a till's pace: p99", 'ms'), 1)} ms there). Load average ${fmt(load.atStart, 1)} at the start of the run and ${fmt(load.atEnd, 1)} at its end, on ${result.machine.cores} cores.`);
  }
  if (unmet('Sale commit in the worker: p50')) out.push(`Sale commit p50: ${fmt(b('Sale commit in the worker: p50', 'ms'), 2)} ms (native ${fmt(n('Sale commit in the worker: p50', 'ms'), 2)} ms). The storage's floor on this machine is one write to a sync access handle (${fmt(b('Storage floor: one 8 KiB write to a sync access handle: p50', 'ms'), 2)} ms) and its flush (${fmt(b('Storage floor: its flush: p50', 'ms'), 2)} ms at the median, ${fmt(b('Storage floor: its flush: p99', 'ms'), 2)} ms at p99), which every commit pays once (synchronous=FULL; the WAL's two dozen writes of a sale are gathered into one call, wal-writes.ts); the rest is SQLite and the sale's statements in wasm. At a till's pace (a sale every 300 ms) a commit takes ${fmt(b("Sale commit in the worker at a till's pace (one sale every 300 ms): p50", 'ms'), 2)} ms at the median: after a pause the thread, its caches and the handle's first call are cold.`);
  if (unmet('Commit p99 of small')) {
    const p99 = result.sizes.map((z) => `${z.name} ${fmt(z.rows.find((x) => x[0] === 'Sale commit in the worker: p99')?.[3]?.median, 1)} ms`);
    out.push(`Commit p99 across sizes: ${p99.join(', ')}; the tail is the flush and the checkpoints a burst of commits forces at the WAL's bound, which do not depend on the shop's size, so the spread is mostly this machine's noise.`);
  }
  if (unmet('A sale arriving while a checkpoint')) out.push(`Checkpoints: the longest took ${fmt(b('Checkpoint while selling: longest during the UI sales (a sale arriving meanwhile waits at most this)', 'ms'), 1)} ms (mean ${fmt(b('Checkpoint while selling: mean duration', 'ms'), 1)} ms). A back-to-back burst forces a PASSIVE checkpoint every 512 frames, each copying the frames since the last and syncing the file; a sale sent meanwhile waits for the rest of it. Measured at the large size (2026-12-04, the file's calls timed inside checkpoints): of a checkpoint's 7.5 ms at the mean, the database file's flush took 4 ms (the 190 or so pages of twenty sales, scattered through the file: a sequential flush of as many bytes takes 0.7 ms here), its page writes 2.2 ms and the WAL's reads 0.8 ms. No SQLite call copies part of a checkpoint and stops (PASSIVE copies every frame no reader needs, and the live connection is the only reader), and a smaller bound (128 or 256 frames) made more checkpoints with a longest one no shorter, so the storage's flush of scattered pages is what holds this target back. Idle checkpoints (200 ms after the last sale) are small.`);
  if (unmet('Commit rate')) out.push(`Commit rate: ${fmt(unmet('Commit rate').value, 2)}× native on this run (the target is 2×). Both pay a durable flush per commit (native, with its rollback journal, several); the browser also pays the checkpoints a burst forces (see the p99 row).`);
  if (unmet('UI round trip')) {
    const extra = result.sizes.map((z) => {
      const r = (label) => z.rows.find((x) => x[0] === label)?.[3]?.median;
      return `${z.name} +${fmt(r('Sale commit, UI round trip: p50') - r('Sale commit in the worker: p50'), 1)} ms`;
    });
    out.push(`UI round trip: the worker's commit plus what happens around it (${extra.join(', ')} at the median over the worker's figure). A sale announces its products' new stock and the open register patches the rows it shows, so no read of the product list runs in front of the next sale; what remains is the two postMessage hops with the request and the receipt (SaleDetail, which the receipt dialog shows), the leader's routing, and the commit's flush tail in the p99.`);
  }
  if (unmet('Snapshot including')) {
    const fresh = b('Snapshot with verification, fresh worker', 'ms');
    const warm = b('Snapshot with verification, warm worker, register in use', 'ms');
    out.push(`Snapshot: ${fmt(fresh)} ms in a freshly started worker and ${fmt(warm)} ms in a warm one while the register is used, for ${fmt(mb, 0)} MB (native, same steps: ${fmt(n('Snapshot with verification, fresh worker', 'ms'))} ms). ${issueMb ? `The database is ${fmt(mb / issueMb, 0)}× the issue's estimate of ${issueMb} MB, and the` : 'The'} snapshot freezes the live file (a full checkpoint; the pages later checkpoints overwrite are kept for the copy) and reads it in 1 MiB chunks through its VFS, hashing and writing each and reading it straight back to compare: two reads, one write and one SHA-256 pass over every byte. Scaled linearly to 200 MB it would take about ${fmt((fresh * 200) / mb)} ms.`);
  }
  if (unmet('Snapshot extra memory')) out.push(`Snapshot memory: ${fmt(b('Snapshot: peak extra memory', '× db'), 1)}× the database at the peak: the copy holds one 1 MiB chunk (and a read-only connection's page cache for the summary of the frozen file); what else the page and the worker held at the peak was not broken down. The background check's memory, in the checker worker, is its own row.`);
  if (unmet('Export copy')) out.push(`Export: the copy took ${fmt(b('Export: the copy (the frozen live file written out, each chunk read back)', 'ms'))} ms at ${fmt(mb, 0)} MB (about ${fmt((b('Export: the copy (the frozen live file written out, each chunk read back)', 'ms') * 200) / mb)} ms per 200 MB), the same frozen-file copy as a snapshot; its check, in the checker worker, took ${fmt(b('Export: its check before it is handed over (checker worker: quick_check per table, manifest written in, business rules)', 'ms'))} ms more (the manifest of every table's rows is most of it), and the export is handed over only after it (the native twin copies the file unchecked).`);
  if (unmet('Import copy')) {
    out.push(`Import: reading the file ${fmt(median(br.import.map((r) => r.readMs)))} ms and importDb ${fmt(median(br.import.map((r) => r.importMs)))} ms at ${fmt(mb, 0)} MB; the validation (integrity_check and foreign_key_check over every row) adds ${fmt(median(br.import.map((r) => r.validateMs)))} ms.`);
  }
  if (unmet('Navigation → register interactive') || unmet('Worker created')) {
    const phase = (label) => b(`Cold start, worker: ${label}`, 'ms');
    out.push(`Cold start: ${fmt(median(br.cold.map((c) => c.workerMs)))} ms of the ${fmt(median(br.cold.map((c) => c.interactiveMs)))} ms is the worker before its first answer; at the median, ${fmt(phase('new Worker() → its script evaluated (fetched through the service worker, parsed, run)'))} ms go to its script (fetched through the service worker, parsed and run), ${fmt(phase('sqlite-wasm fetched, compiled and initialised'))} ms to sqlite-wasm, ${fmt(phase('opfs-sahpool installed (its files\' access handles)'))} ms to the pool, ${fmt(phase('database opened (connection settings, WAL)'))} ms to opening the database, ${fmt(phase('migration runner\'s checks'))} ms to the migration runner's checks, and ${fmt(phase('serving → the first answer read by the page'))} ms pass between the worker serving and the page reading its answer (the page is busy drawing the till then). Starting the wasm's compile before the worker's script is evaluated was tried (compileStreaming from the script's first import): on two cores it slowed the script's evaluation by as much as it saved. A freshly launched browser also starts the service worker that serves the page.`);
  }
  if (unmet('Sale commit p99 while a snapshot')) {
    out.push(`Sale commits while a snapshot runs: p99 ${fmt(b('Sale commit while a snapshot runs (UI): p99', 'ms'))} ms, slowest ${fmt(b('Sale commit while a snapshot runs (UI): slowest', 'ms'))} ms. The snapshot gives the worker back between its 1 MiB chunks and the background check runs in the checker worker, so a sale waits behind one chunk's read, digest and write at most; the rest is the threads (the worker, the checker, the page) sharing this machine's two cores, and the checkpoints that go on during the copy (each keeps the pages it overwrites for the copy, so none waits for the copy's end).`);
  }
  const startP99 = b('Sale commit in the first seconds after a start, until its background work (housekeeping, the start-up check) ends (UI): p99', 'ms');
  if (Number.isFinite(startP99)) {
    out.push(`Sale commits after a start: p99 ${fmt(startP99, 1)} ms, slowest ${fmt(b('Sale commit in the first seconds after a start (UI): slowest', 'ms'))} ms while the start's background work ran. The start-up integrity check runs on a copy in the checker worker: the leader only reads the frozen file 1 MiB at a time for it, giving way to sales before each read (in the leader's own worker, one table's check held a sale for up to 1.9 s at 182 MB).`);
  }
  if (unmet('Restore ≤')) {
    out.push(`Restore: ${fmt(b('Restore (verify, safety snapshot, swap)', 'ms'))} ms at ${fmt(mb, 0)} MB (about ${fmt((b('Restore (verify, safety snapshot, swap)', 'ms') * 200) / mb)} ms per 200 MB): it verifies the backup, takes a full safety snapshot of the current database, then swaps; every step reads the whole file.`);
  }
  if (unmet('Zero main-thread long tasks')) {
    const worst = Math.max(...br.longTasks.map((t) => t.longestMs));
    out.push(`Long tasks: the longest was ${fmt(worst)} ms. The database work runs in the worker, so these come from the page itself (rendering the register while the bench scans and searches) or from receiving a large message.`);
  }
  const perSale = last.browser.dbBytes / last.sales;
  out.push(`Database size: with the lean sales schema (migration 0003) a sale takes about ${fmt(perSale)} bytes of the file (the sale keyed by an integer with its UUIDv7 once as 16 bytes, 3 lines referencing the product as sold, a tax band, a payment, 3 stock movements, their keys; the shop's details stored once), so ${last.sales.toLocaleString('en-US')} sales make ${fmt(mb, 0)} MB${issueMb ? ` (the issue's first estimate was ${issueMb} MB)` : ''}. Every figure that reads the whole file grows with it.`);
  return out;
}
