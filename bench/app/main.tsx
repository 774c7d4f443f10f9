/**
 * The benchmark's page entry (`TILLITE_BENCH=1` builds only, see vite.config.ts): the product's boot with the
 * benchmark's worker, and the page hook the bench driver times `send()` through.
 */
import { boot } from '../../src/app/boot';
import { exposeBenchHook } from './page-hook';

let workerCreated = 0;
const client = boot(() => {
  workerCreated = performance.now();
  return new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module', name: 'tillite-db' });
});
exposeBenchHook(client, workerCreated);
