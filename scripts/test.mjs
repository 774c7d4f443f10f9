// `npm test`: installs what is missing (npm packages, Chromium), then runs the type checks, the unit tests and
// the end-to-end tests in real Chromium. Stops at the first failing stage and says which; ends with one line
// "tests: N passed, N failed" counting the unit and end-to-end tests.
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
  ['end-to-end tests (Chromium)', ['playwright', 'test', '--reporter=list,json', ...process.argv.slice(2)]],
];

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
const { passed, failed } = counts();
console.log(`\n[tillite] All stages passed in ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`tests: ${passed} passed, ${failed} failed`);
