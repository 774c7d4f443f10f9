/**
 * Boot: start the database worker, register the service worker, ask for persistent storage, render.
 */
import { render } from 'preact';
import { App } from './app/App';
import { startDatabase } from './app/db';
import { dbStatus } from './app/state/app-state';
import { startBackupTicker } from './app/state/backup-ticker';
import { requestPersistence } from './app/state/storage';
import { watchShop } from './app/state/shop';
import { registerServiceWorker } from './sw/register';
import './app/style.css';

const client = startDatabase();
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
