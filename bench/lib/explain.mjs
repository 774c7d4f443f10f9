// What holds back each target that is not met, with the figures of this run that show it.
const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d }) : '–');

/** Sentences for the Markdown report, one per unmet target. */
export function explain(result) {
  const last = result.sizes.at(-1);
  if (!last) return [];
  const out = [];
  const unmet = (prefix) => last.targets.find((t) => t.target.startsWith(prefix) && t.met === false);
  const br = last.browser.runs;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  if (unmet('Sale commit p99 in the worker') || unmet('Commit rate')) {
    out.push('Sale commit: each commit is one IMMEDIATE transaction that syncs the WAL (synchronous=FULL) through an OPFS sync access handle `flush()`, which costs more than an fsync of the native rollback journal on this disk; the handler itself (re-pricing, ~17 statements, readSale for the receipt) runs in wasm about 1.5–2× slower than native.');
  }
  if (unmet('Sale commit p99 for the UI')) out.push('UI round trip: the worker commit plus two postMessage hops and the structured clone of the whole receipt (SaleDetail).');
  if (unmet('Barcode lookup')) out.push('Barcode lookup: the processor\'s async dispatch and the `selectObject` wrapper cost microseconds of JS per call on top of one unique-index probe.');
  if (unmet('Name search')) out.push('Name search: short prefixes ("Org", "Tea") match tens of thousands of products; the query sorts up to 1,000 FTS5 candidates by name for each keystroke.');
  if (unmet('Snapshot with verification <')) {
    const s = median(br.snapshot.map((r) => r.ms));
    out.push(`Snapshot: ${fmt(s)} ms for ${fmt(last.browser.dbBytes / 1e6, 1)} MB. It does five passes over the data: VACUUM INTO (rebuilds every table and index), integrity_check of the copy, exportFile into the wasm heap, write, and read back for the SHA-256 comparison; the time grows with the database size, so a database larger than the issue's 50 MB misses a target set for 50 MB.`);
  }
  if (unmet('Snapshot extra memory')) out.push('Snapshot memory: `exportFile` copies the whole staging file into the wasm heap and the read-back holds a second copy in JS; streaming both in chunks would keep it near zero.');
  if (unmet('Export')) out.push('Export: exportFile reads the whole file into memory before writing it; a chunked copy through the sync access handles would stream it.');
  if (unmet('Import')) {
    const read = median(br.import.map((r) => r.readMs));
    const imp = median(br.import.map((r) => r.importMs));
    out.push(`Import: reading the file ${fmt(read)} ms, importDb ${fmt(imp)} ms.`);
  }
  if (unmet('Register interactive')) {
    const w = median(br.cold.map((c) => c.workerMs));
    out.push(`Cold start: ${fmt(w)} ms of it is the worker (wasm instantiation, installing the pool, opening and checking the database, the migration check) before the first query is answered; a freshly launched browser also starts its service worker first.`);
  }
  if (unmet('Zero long tasks')) {
    const worst = Math.max(...br.longTasks.map((t) => t.longestMs));
    out.push(`Long tasks: the longest was ${fmt(worst)} ms; the database work runs in the worker, so these come from the page itself (rendering the register and its cart while the bench scans and searches) or from receiving a large message.`);
  }
  return out;
}
