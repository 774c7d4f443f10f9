// `npm test`: installs what is missing (npm packages, Chromium), then runs the type checks, the unit tests and
// the end-to-end tests in real Chromium. Stops at the first failing stage and says which; ends with one line
// "tests: N passed, N failed" counting the unit and end-to-end tests.
//
// An end-to-end test that fails is run once more (`--retries=1`): these tests drive a real browser through real
// crashes on a shared machine, and one stray failure would otherwise refuse a whole submission. A test that passes
// only on its second try is not hidden: it is listed by name as flaky before the summary line, counted in it, and
// kept in reports/e2e.json with both attempts, so it gets looked at. A test that fails twice fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const { ensureChromium } = await import('./ensure-chromium.mjs');
const chromium = await ensureChromium();
mkdirSync('reports', { recursive: true });
const unitReport = 'reports/unit.json';
const e2eReport = 'reports/e2e.json';
// Reports of an earlier run must not be counted as this one's (a run stopped before Playwright would show them).
for (const report of [unitReport, e2eReport]) rmSync(report, { force: true });
const env = { ...process.env, PLAYWRIGHT_CHROMIUM: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport };

const stages = [
  ['type checks', ['tsc', '-b', '--pretty', 'false']],
  ['type checks of the unit tests', ['tsc', '-p', 'tsconfig.test.json', '--pretty', 'false']],
  ['import check (no cycles, layers one way)', ['node', 'scripts/check-imports.mjs']],
  ['unit tests', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]],
  ['end-to-end tests (Chromium)', ['playwright', 'test', '--reporter=list,json', '--retries=1', ...process.argv.slice(2)]],
];

/** The end-to-end tests that failed once and passed when run again, as "file:line › title". */
function flakyTests() {
  if (!existsSync(e2eReport)) return [];
  const found = [];
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) if (t.status === 'flaky') found.push(`e2e/${spec.file}:${spec.line} › ${[...here, spec.title].join(' › ')}`);
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of JSON.parse(readFileSync(e2eReport, 'utf8')).suites ?? []) walk(suite, []);
  return found;
}

/** Counts from Vitest's and Playwright's JSON reports (what ran, not what was planned). */
function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(unitReport)) {
    const unit = JSON.parse(readFileSync(unitReport, 'utf8'));
    passed += unit.numPassedTests ?? 0;
    failed += unit.numFailedTests ?? 0;
  }
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
  }
  return { passed, failed };
}

const started = Date.now();
for (const [label, args] of stages) {
  console.log(`\n[tillite] ${label}…`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    const { passed, failed } = counts();
    console.error(`\n[tillite] ${label} failed.`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status ?? 1);
  }
}
const flaky = flakyTests();
if (flaky.length > 0) {
  console.log(`\n[tillite] ${flaky.length} end-to-end test(s) failed once and passed when run again (flaky: look at their first attempt in reports/e2e.json):`);
  for (const name of flaky) console.log(`  flaky: ${name}`);
}
const { passed, failed } = counts();
console.log(`\n[tillite] All stages passed in ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`tests: ${passed} passed, ${failed} failed${flaky.length > 0 ? ` (${flaky.length} of the passed were flaky)` : ''}`);
