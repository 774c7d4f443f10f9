/// <reference lib="webworker" />
/** The database worker's entry: serves the product's handler map. Everything it does lives in testable modules. */
import { handlers } from '../handlers';
import { serveWorker } from './serve';

serveWorker(handlers);
