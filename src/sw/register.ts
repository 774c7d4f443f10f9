/**
 * Service-worker glue. The app is precached by Workbox; a new version installs in the background and waits.
 * The UI then offers "Update now": the page is never reloaded on its own, so a sale in progress is never lost.
 */
import { Workbox } from 'workbox-window';
import { updateWaiting } from '../app/state/app-state';

let workbox: Workbox | null = null;

/** Registers the service worker (production builds only: the dev server has none). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    updateWaiting.value = true;
  });
  // When another tab applied the update, the new service worker takes control: reload onto the new version.
  // The database worker of the old version has already been told to stop serving (see leader.ts).
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void workbox.register();
}

/** Activates the waiting version; every tab then reloads onto it. */
export function applyUpdate(): void {
  if (!workbox) return;
  workbox.messageSkipWaiting();
}
