/**
 * Boot: start the database worker, register the service worker, ask for persistent storage, render.
 */
import { render } from 'preact';
import { App } from './app/App';
import { startDatabase } from './app/db';
import { dbStatus } from './app/state/app-state';
import { startBackupTicker } from './app/state/backup-ticker';
import { requestPersistence } from './app/state/storage';
import { registerServiceWorker } from './sw/register';
import './app/style.css';

const client = startDatabase();
client.onStatus((status) => {
  dbStatus.value = status;
});
startBackupTicker(client);
registerServiceWorker();
void requestPersistence();

render(<App />, document.getElementById('app')!);
