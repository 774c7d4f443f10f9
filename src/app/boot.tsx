/**
 * Boot: start the database worker, register the service worker, ask for persistent storage, render. Shared by the
 * product's entry (`src/main.tsx`) and the benchmark's (`bench/app/main.tsx`), which differ only in their worker.
 */
import { render } from 'preact';
import type { DbClient } from '../db/client';
import { App } from './App';
import { startDatabase } from './db';
import { dbStatus } from './state/app-state';
import { startBackupTicker } from './state/backup-ticker';
import { requestPersistence } from './state/storage';
import { watchShop } from './state/shop';
import { registerServiceWorker } from '../sw/register';
import './style.css';

/** Starts the app with the database worker `createWorker` makes; returns the database client. */
export function boot(createWorker: () => Worker): DbClient {
  const client = startDatabase(createWorker);
  client.onStatus((status) => {
    dbStatus.value = status;
  });
  startBackupTicker(client);
  registerServiceWorker();
  watchShop();
  void requestPersistence();

  const root = document.getElementById('app')!;
  root.textContent = ''; // drop the static "Starting Tillite…" shown before the script ran
  render(<App />, root);
  return client;
}
