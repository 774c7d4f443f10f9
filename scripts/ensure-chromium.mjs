// Finds a Chromium for Playwright, installing Debian's `chromium` package when none is there and we are root.
// Order: $PLAYWRIGHT_CHROMIUM, `chromium` on the PATH, Playwright's own downloaded browser, then apt-get.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const which = (name) => {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
};

async function playwrightsOwn() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Returns the path of a Chromium executable, or exits with a message saying what to install. */
export async function ensureChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`[tillite] PLAYWRIGHT_CHROMIUM is set to ${fromEnv}, which does not exist.`);
    process.exit(1);
  }
  const found = which('chromium') ?? which('chromium-browser') ?? (await playwrightsOwn());
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    console.log("[tillite] No Chromium found: installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install =
      update.status === 0 ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env }) : update;
    const path = which('chromium');
    if (install.status === 0 && path) return path;
  }
  console.error(
    [
      '[tillite] The end-to-end tests need Chromium and none was found.',
      '  On Debian or Ubuntu, as root:  apt-get update && apt-get install -y chromium',
      '  Elsewhere: install Chromium or Chrome and set PLAYWRIGHT_CHROMIUM=/path/to/chromium,',
      '  or, where downloads are allowed: npx playwright install chromium',
    ].join('\n'),
  );
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await ensureChromium());
