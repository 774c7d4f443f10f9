// Turns raw per-run figures into the results table: each browser figure beside its native twin with the ratio,
// and the targets marked met or not met.
import { latencyFigures, spread } from './stats.mjs';

const MB = 1e6;
const fmt = (v, digits) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const cell = (s, d) => (s ? `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})` : '–');
const ratio = (b, n) => (b && n && n.median ? `${fmt(b.median / n.median, 2)}×` : '–');
const pick = (runs, f) => (runs?.length ? spread(runs.map(f)) : null);
const rate = (runs) => pick(runs, (r) => (r.latencies.length / r.totalMs) * 1000);

/** One size's rows: [label, unit, digits, browser spread, native spread]. */
export function sizeRows(b, n) {
  const br = b.runs;
  const nr = n.runs;
  const lat = (runs, key, scale = 1) => {
    if (!runs?.length) return { p50: null, p99: null };
    const f = latencyFigures(runs.map((r) => r[key].map((v) => v * scale)));
    return f;
  };
  const bc = lat(br.commits, 'latencies');
  const nc = lat(nr.commits, 'latencies');
  const bu = lat(br.ui, 'latencies');
  const bb = lat(br.lookups, 'barcode', 1000);
  const nb = lat(nr.lookups, 'barcode', 1000);
  const bs = lat(br.lookups, 'search');
  const ns = lat(nr.lookups, 'search');
  const mbps = (runs) => pick(runs, (r) => r.bytes / MB / (r.ms / 1000));
  const times = (runs, db) => pick(runs, (r) => r.extraBytes / db);
  const once = (v) => ({ median: v, min: v, max: v, runs: 1 });
  const lt = (op) => pick(br.longTasks?.filter((t) => t.op === op), (t) => t.longTasks);
  return [
    ['Generate the shop (1 run)', 's', 1, once(b.generated.totalMs / 1000), once(n.generateMs / 1000)],
    ['Database size after generating', 'MB', 1, once(b.dbBytes / MB), once(n.dbBytes / MB)],
    ['Sale commit in the worker: rate', 'commits/s', 0, rate(br.commits), rate(nr.commits)],
    ['Sale commit in the worker: p50', 'ms', 3, bc.p50, nc.p50],
    ['Sale commit in the worker: p99', 'ms', 3, bc.p99, nc.p99],
    ['Sale commit, UI round trip (`send`): rate', 'commits/s', 0, rate(br.ui), rate(nr.commits)],
    ['Sale commit, UI round trip: p50', 'ms', 3, bu.p50, nc.p50],
    ['Sale commit, UI round trip: p99', 'ms', 3, bu.p99, nc.p99],
    ['Barcode lookup: p50', 'µs', 0, bb.p50, nb.p50],
    ['Barcode lookup: p99', 'µs', 0, bb.p99, nb.p99],
    ['Name search (24 results): p50', 'ms', 2, bs.p50, ns.p50],
    ['Name search (24 results): p99', 'ms', 2, bs.p99, ns.p99],
    ['Cold start: navigation → register interactive (SW-served)', 'ms', 0, pick(br.cold, (c) => c.interactiveMs), null],
    ['Cold start: worker created → first answered query', 'ms', 1, pick(br.cold, (c) => c.workerMs), pick(nr.coldOpen, (c) => c.ms)],
    ['Snapshot with verification, fresh worker', 'ms', 0, pick(br.snapshot, (r) => r.ms), pick(nr.snapshot, (r) => r.ms)],
    ['Snapshot with verification, fresh worker', 'MB/s', 0, mbps(br.snapshot), mbps(nr.snapshot)],
    ['Snapshot: peak extra memory', '× db', 2, times(br.snapshot, b.dbBytes), times(nr.snapshot, n.dbBytes)],
    ['Snapshot with verification, warm worker, register in use', 'ms', 0, pick(br.longTasks?.filter((t) => t.op === 'snapshot'), (t) => t.opMs), null],
    ['Export to a file (checkpoint + exportFile + write)', 'ms', 0, pick(br.export, (r) => r.ms), pick(nr.export, (r) => r.ms)],
    ['Export', 'MB/s', 0, mbps(br.export), mbps(nr.export)],
    ['Export: peak extra memory', '× db', 2, times(br.export, b.dbBytes), times(nr.export, n.dbBytes)],
    ['Export, warm worker, register in use', 'ms', 0, pick(br.longTasks?.filter((t) => t.op === 'export'), (t) => t.opMs), null],
    ['Import: read + importDb into staging', 'ms', 0, pick(br.import, (r) => r.readMs + r.importMs), null],
    ['Import with validation (integrity + foreign keys)', 'ms', 0, pick(br.import, (r) => r.ms), pick(nr.import, (r) => r.ms)],
    ['Import with validation', 'MB/s', 0, mbps(br.import), mbps(nr.import)],
    ['Import: peak extra memory', '× db', 2, times(br.import, b.dbBytes), times(nr.import, n.dbBytes)],
    ['Import with validation, warm worker, register in use', 'ms', 0, pick(br.longTasks?.filter((t) => t.op === 'import'), (t) => t.opMs), null],
    ['Restore (verify, safety snapshot, swap)', 'ms', 0, pick(br.restore, (r) => r.ms), pick(nr.restore, (r) => r.ms)],
    ['Restore (size as generated)', 'MB/s', 0, pick(br.restore, (r) => b.dbBytes / MB / (r.ms / 1000)), pick(nr.restore, (r) => n.dbBytes / MB / (r.ms / 1000))],
    ['Restore: reopen to first answered query', 'ms', 1, pick(br.restore, (r) => r.reopenMs), pick(nr.restore, (r) => r.reopenMs)],
    ['Long tasks (>50 ms) on the main thread during a snapshot, register in use', 'count', 0, lt('snapshot'), null],
    ['Long tasks during an export, register in use', 'count', 0, lt('export'), null],
    ['Long tasks during an import, register in use', 'count', 0, lt('import'), null],
  ];
}

/** The targets, judged at the largest size measured. */
export function targets(rows, b) {
  const get = (label, unit) => rows.find((r) => r[0] === label && r[1] === unit);
  const med = (label, unit, side = 3) => get(label, unit)?.[side]?.median;
  const importOnly = med('Import: read + importDb into staging', 'ms');
  const lts = ['snapshot', 'export', 'import'].map((op) => b.runs.longTasks.filter((t) => t.op === op).reduce((a, t) => a + t.longTasks, 0));
  const list = [
    ['Sale commit p99 in the worker < 1 ms', med('Sale commit in the worker: p99', 'ms'), (v) => v < 1, 'ms'],
    ['Sale commit p99 for the UI round trip < 4 ms', med('Sale commit, UI round trip: p99', 'ms'), (v) => v < 4, 'ms'],
    ['Commit rate ≥ 1× native (better-sqlite3 defaults)', med('Sale commit in the worker: rate', 'commits/s') / med('Sale commit in the worker: rate', 'commits/s', 4), (v) => v >= 1, '×'],
    ['Barcode lookup p99 < 100 µs', med('Barcode lookup: p99', 'µs'), (v) => v < 100, 'µs'],
    ['Name search p99 < 10 ms', med('Name search (24 results): p99', 'ms'), (v) => v < 10, 'ms'],
    ['Snapshot with verification < 1 s', med('Snapshot with verification, fresh worker', 'ms'), (v) => v < 1000, 'ms'],
    ['Snapshot extra memory ≤ 1× the database', med('Snapshot: peak extra memory', '× db'), (v) => v <= 1, '× db'],
    ['Export < 1 s', med('Export to a file (checkpoint + exportFile + write)', 'ms'), (v) => v < 1000, 'ms'],
    ['Import < 1 s plus validation', importOnly, (v) => v < 1000, 'ms'],
    ['Register interactive < 500 ms after navigation (installed)', med('Cold start: navigation → register interactive (SW-served)', 'ms'), (v) => v < 500, 'ms'],
    ['Zero long tasks during snapshot, export and import', lts.reduce((a, v) => a + v, 0), (v) => v === 0, 'long tasks in all runs'],
  ];
  // File operations scale with the database: their time scaled linearly to the 50 MB, as an estimate.
  const scalable = ['Snapshot with verification < 1 s', 'Export < 1 s', 'Import < 1 s plus validation'];
  return list.map(([target, value, ok, unit]) => ({
    target, value, unit, met: Number.isFinite(value) ? ok(value) : null,
    at50MB: scalable.includes(target) ? (value * 50e6) / b.dbBytes : null,
  }));
}

/** The Markdown report. */
export function markdown(result) {
  const lines = [`# Tillite benchmark results`, '', `Run ${result.finishedAt} on ${result.machine.summary}.`, ''];
  for (const note of result.notes) lines.push(`- ${note}`);
  for (const size of result.sizes) {
    lines.push('', `## ${size.name}: ${size.products.toLocaleString('en-US')} products, ${size.sales.toLocaleString('en-US')} sales (${fmt(size.browser.dbBytes / MB, 1)} MB in the browser)`, '');
    lines.push('| figure | unit | browser: median (min–max) | native: median (min–max) | browser / native | runs |', '| --- | --- | --- | --- | --- | --- |');
    for (const [label, unit, d, b, n] of size.rows) lines.push(`| ${label} | ${unit} | ${cell(b, d)} | ${cell(n, d)} | ${ratio(b, n)} | ${b?.runs ?? '–'} / ${n?.runs ?? '–'} |`);
  }
  const last = result.sizes.at(-1);
  if (last) {
    lines.push('', `## Targets (at the ${last.name} size, ${fmt(last.browser.dbBytes / MB, 1)} MB)`, '', '| target | measured (median) | met? | scaled to 50 MB (estimate) |', '| --- | --- | --- | --- |');
    for (const t of last.targets) {
      const scaled = t.at50MB === null ? '' : `${fmt(t.at50MB, 0)} ms`;
      lines.push(`| ${t.target} | ${fmt(t.value, t.unit === 'µs' || t.unit.startsWith('long') ? 0 : 2)} ${t.unit} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**not met**'} | ${scaled} |`);
    }
  }
  if (result.explanations?.length) lines.push('', '## What holds back the targets not met', '', ...result.explanations.map((e) => `- ${e}`));
  return `${lines.join('\n')}\n`;
}

/** The README's "Performance" section: the machine, the targets, the largest size's table, and how to rerun. */
export function readmeSection(result, fullMarkdown) {
  const sections = fullMarkdown.split(/\n(?=## )/);
  const last = result.sizes.at(-1);
  const table = sections.find((s) => last && s.startsWith(`## ${last.name}:`)) ?? '';
  const goals = sections.find((s) => s.startsWith('## Targets')) ?? '';
  const held = sections.find((s) => s.startsWith('## What holds back')) ?? '';
  const demote = (s) => s.replace(/^## /gm, '### ');
  return [
    '## Performance',
    '',
    `\`npm run bench\` builds the app with its bench calls, serves it on localhost, drives it in headless Chromium with a persistent profile at three shop sizes, runs the same workloads on native SQLite (better-sqlite3, default settings) and writes \`bench/results/latest.json\` and \`latest.md\` (every size and figure). It takes about ${Math.round(result.durationS / 60)} minutes; it is never part of \`npm test\`.`,
    '',
    `Latest run (${result.finishedAt.slice(0, 10)}): ${result.machine.summary}.`,
    '',
    demote(goals).trim(),
    '',
    demote(held).trim(),
    '',
    demote(table).trim(),
    '',
    'All sizes, the method and its caveats: [bench/results/latest.md](bench/results/latest.md). Rerun: `npm run bench` (`TILLITE_BENCH_SIZES=small` for a quick look, `TILLITE_BENCH_PORT` to change the port, default 4361).',
  ].join('\n');
}

/** Replaces the README's Performance section (from "## Performance" to the next "## " heading or the end). */
export function withPerformanceSection(readme, section) {
  const start = readme.indexOf('\n## Performance\n');
  if (start < 0) return `${readme.trimEnd()}\n\n${section}\n`;
  const next = readme.indexOf('\n## ', start + 1);
  return `${readme.slice(0, start)}\n${section}\n${next < 0 ? '' : readme.slice(next)}`;
}

/** The results without raw per-operation latencies (their percentiles per run are kept), for latest.json. */
export function compact(result) {
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
    return { count: sorted.length, p50: at(50), p99: at(99), max: sorted.at(-1), mean: sorted.reduce((a, v) => a + v, 0) / sorted.length };
  };
  return JSON.parse(JSON.stringify(result, (key, value) => (Array.isArray(value) && ['latencies', 'barcode', 'search'].includes(key) ? summary(value) : value)));
}
