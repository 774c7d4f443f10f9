/**
 * Browser storage durability: asks for persistent storage (only the main thread may) and reports usage.
 */
import { signal } from '@preact/signals';

/** What the status area shows about storage. */
export interface StorageState {
  supported: boolean;
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export const storageState = signal<StorageState>({ supported: false, persisted: null, usage: null, quota: null });

/** Re-reads persistence and the estimate. */
export async function refreshStorage(): Promise<void> {
  const storage = navigator.storage;
  if (!storage?.estimate) {
    storageState.value = { supported: false, persisted: null, usage: null, quota: null };
    return;
  }
  try {
    const [persisted, estimate] = await Promise.all([storage.persisted?.() ?? Promise.resolve(null), storage.estimate()]);
    storageState.value = { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
  } catch {
    // Storage blocked by the browser's settings: shown as "not reported"; the database worker explains the rest.
    storageState.value = { supported: false, persisted: null, usage: null, quota: null };
  }
}

/**
 * Asks the browser to keep Tillite's data under storage pressure. Browsers may grant it silently (an installed
 * app, a site used often) or refuse; either way the status area says which.
 */
export async function requestPersistence(): Promise<void> {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // Refused outright (storage blocked): refreshStorage reports what is known.
  } finally {
    await refreshStorage();
  }
}
