// Installs the npm packages when node_modules is missing or was installed from another package-lock.json.
// Uses only Node's standard library, so it runs before anything is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = `${root}node_modules/.tillite-lock-hash`;

/** Runs `npm ci` unless node_modules matches package-lock.json. Exits the process when it cannot. */
export function ensureDeps() {
  const lock = readFileSync(`${root}package-lock.json`);
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return;
  console.log('[tillite] Installing npm packages (node_modules is missing or out of date)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      '[tillite] `npm ci` failed. Check that this machine reaches the npm registry and runs Node 20 or newer, then try again.',
    );
    process.exit(result.status ?? 1);
  }
  writeFileSync(marker, hash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
