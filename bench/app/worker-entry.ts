/// <reference lib="webworker" />
/** The benchmark's worker entry: the product's handler map plus the `bench.*` calls. */
import { handlers } from '../../src/db/worker/handlers';
import type { HandlerMap } from '../../src/db/worker/runtime/processor';
import { serveWorker } from '../../src/db/worker/runtime/serve';
import { benchHandlers } from './handlers';

// `bench.*` names are not in the product's protocol: the benchmark's page hook sends them untyped.
serveWorker({ ...handlers, ...benchHandlers } as HandlerMap);
