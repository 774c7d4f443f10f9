// `npm test`: installs what is missing (npm packages, Chromium), then runs the type checks, the unit tests and
// the end-to-end tests in real Chromium. Stops at the first failing stage and says which.
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const { ensureChromium } = await import('./ensure-chromium.mjs');
const chromium = await ensureChromium();
const env = { ...process.env, PLAYWRIGHT_CHROMIUM: chromium };

const stages = [
  ['type checks', ['tsc', '-b', '--pretty', 'false']],
  ['unit tests', ['vitest', 'run']],
  ['end-to-end tests (Chromium)', ['playwright', 'test', ...process.argv.slice(2)]],
];
const started = Date.now();
for (const [label, args] of stages) {
  console.log(`\n[tillite] ${label}…`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n[tillite] ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n[tillite] All tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
