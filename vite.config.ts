import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Only the app's own origin may serve code; sqlite-wasm needs 'wasm-unsafe-eval' to compile its module.
 * Added to the built page only: Vite's dev server injects inline styles for hot reload.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tillite-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * TILLITE_EXTRA_MIGRATIONS=next (or 1) bundles the test-only migrations in e2e/fixtures/next-migrations after the
 * real ones, =slow those in e2e/fixtures/slow-migrations. Only end-to-end tests set it, to build "the next
 * version" of the app; a normal build never does.
 */
const extraFlag = process.env.TILLITE_EXTRA_MIGRATIONS ?? '';
const extraMigrations = extraFlag === '1' || extraFlag === 'next' ? 'next' : extraFlag === 'slow' ? 'slow' : '';

/**
 * TILLITE_BENCH=1 builds the benchmark's app (`npm run bench`): the page loads `bench/app/main.tsx` instead of
 * `src/main.tsx`, whose worker also answers `bench.*` calls and whose page exposes its database client on
 * `window`. Nothing under `src/` imports the bench, so every other build has none of it.
 */
const bench = process.env.TILLITE_BENCH === '1';

function benchEntry(): Plugin {
  return {
    name: 'tillite-bench-entry',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('/src/main.tsx', '/bench/app/main.tsx'),
    },
  };
}

/**
 * Scripts written as ASCII (every other character as an escape): one typographic quote or dash in a script made
 * the browser decode the whole file into a two-byte string before parsing it, 11.8 + 7.5 ms on the database
 * worker's thread for its 476 KB at every start (a cold start's trace; 0.7 ms after).
 */
const asciiOutput = { output: { charset: 'ascii' as const } };

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(process.env.TILLITE_APP_VERSION ?? pkg.version),
    __EXTRA_MIGRATIONS__: JSON.stringify(extraMigrations),
  },
  optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
  // The workers' bundles are built apart from the page's, so each gets the ASCII output.
  worker: { format: 'es', rolldownOptions: asciiOutput },
  build: { target: 'es2022', sourcemap: true, outDir: process.env.TILLITE_OUT_DIR ?? 'dist', rolldownOptions: asciiOutput },
  preview: { host: '127.0.0.1' },
  plugins: [
    preact(),
    contentSecurityPolicy(),
    ...(bench ? [benchEntry()] : []),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        id: '/',
        name: 'Tillite point of sale',
        short_name: 'Tillite',
        description: 'An offline point of sale. Your shop keeps working without a network.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f4ef',
        theme_color: '#1f4d3a',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Shown in the install dialog (made by scripts/screenshots.mjs): the register on a tablet and on a phone.
        screenshots: [
          { src: 'screenshots/register-wide.png', sizes: '1024x768', type: 'image/png', form_factor: 'wide', label: 'The register in the middle of a sale' },
          { src: 'screenshots/register-narrow.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'The register on a phone' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest}'],
        // sqlite-wasm's bundle references two helper scripts the app never loads: Worker API #1 (we run our own
        // worker) and the `opfs` VFS's async proxy (that VFS needs COOP/COEP; we use opfs-sahpool).
        globIgnores: ['**/sqlite3-worker1-*.js', '**/sqlite3-opfs-async-proxy-*.js', '**/screenshots/**'],
        // sqlite3.wasm is about 1 MB; Workbox's default limit (2 MiB) is close, so leave room for growth.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
});
