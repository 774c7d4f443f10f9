/**
 * Builds of the app for the upgrade and fault tests, and a tiny static server that can switch from one build to
 * another on the same port: the origin (and so OPFS and the service worker) stays the same, as for a shop whose
 * host deploys a new version.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

/** A directory for this run's builds, removed by {@link removeBuilds}. */
const root = mkdtempSync(join(tmpdir(), 'tillite-builds-'));

/**
 * Builds the app into a fresh directory. `version` overrides package.json's; `extra` bundles test-only
 * migrations after the real ones ('next': one more; 'slow': one that runs for seconds). `env` adds build
 * settings (`TILLITE_BENCH: '1'` for a bench build).
 */
export function buildApp(label: string, version: string, extra: '' | 'next' | 'slow' = '', env: Record<string, string> = {}): string {
  const outDir = join(root, label);
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    env: { ...process.env, TILLITE_APP_VERSION: version, TILLITE_EXTRA_MIGRATIONS: extra, ...env },
    stdio: 'ignore',
  });
  return outDir;
}

/** Removes every build made by this run. */
export function removeBuilds(): void {
  rmSync(root, { recursive: true, force: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** A static server for one directory at a time. */
export interface SwitchableServer {
  url: string;
  /** Serves `dir` from now on (the next request already sees it). */
  switchTo(dir: string): void;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1:`port`, with the SPA fallback to index.html; nothing is cached by HTTP. */
export async function serveBuild(port: number, dir: string): Promise<SwitchableServer> {
  let current = dir;
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(current, path);
    if (!file.startsWith(current) || !existsSync(file) || statSync(file).isDirectory()) file = join(current, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    switchTo: (next) => void (current = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A persistent Chromium profile (as a shop runs it), optionally with service workers blocked. */
export function launchProfile(dir: string, options: { serviceWorkers: 'allow' | 'block' }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, serviceWorkers: options.serviceWorkers });
}
