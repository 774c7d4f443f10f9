import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test'), __EXTRA_MIGRATIONS__: JSON.stringify('') },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
    // Migrations over seeded databases take seconds on a loaded 2-core machine; a timeout there says nothing.
    testTimeout: 30_000,
  },
});
