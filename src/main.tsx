/** The product's entry: boots the app with the database worker. */
import { boot } from './app/boot';

boot(() => new Worker(new URL('./db/worker/runtime/entry.ts', import.meta.url), { type: 'module', name: 'tillite-db' }));
