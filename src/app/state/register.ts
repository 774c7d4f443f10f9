/**
 * Which register this tab is. Every tab is its own register, with its own cart: two tabs at one till never share
 * a cart, so neither can complete the other's sale. The id is kept in sessionStorage, so a reload finds its cart
 * again; a duplicated tab copies sessionStorage, so each tab also holds a Web Lock named after its register, and
 * a tab that finds its register's lock taken starts a new register.
 */
import { v7 as uuidv7 } from 'uuid';

const SESSION_KEY = 'tillite-register-id';
/** The prefix of the Web Lock each tab holds for its register, for as long as the tab is open. */
export const REGISTER_LOCK_PREFIX = 'tillite-register:';

let current: string = (() => {
  try {
    return sessionStorage.getItem(SESSION_KEY) ?? uuidv7();
  } catch {
    // Site storage blocked: the database cannot open either, and the app says so; this id is never used.
    return uuidv7();
  }
})();

function remember(id: string): void {
  try {
    sessionStorage.setItem(SESSION_KEY, id);
  } catch {
    // Site storage blocked: see above.
  }
}

/**
 * Takes the register's lock and keeps it until the tab closes; resolves whether it got it within `waitMs`. After a
 * reload the old page may still be letting go of it for a moment; a duplicated tab's original holds it for good.
 */
function hold(id: string, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    navigator.locks
      .request(`${REGISTER_LOCK_PREFIX}${id}`, { signal: AbortSignal.timeout(waitMs) }, () => {
        resolve(true);
        // Held for the life of the page (released by the browser when the tab closes or crashes).
        return new Promise<void>(() => undefined);
      })
      .catch(() => resolve(false));
  });
}

/** Settles which register this tab is: its own from before a reload, or a new one for a new or duplicated tab. */
export const registerReady: Promise<string> = (async () => {
  if (typeof navigator.locks?.request !== 'function') {
    remember(current);
    return current;
  }
  if (!(await hold(current, 1500))) {
    current = uuidv7();
    await hold(current, 1500);
  }
  remember(current);
  return current;
})();

/** This tab's register id (settled once {@link registerReady} has resolved). */
export function registerId(): string {
  return current;
}

/** The registers other open tabs hold right now (their carts are theirs, not left behind). */
export async function registersInUse(): Promise<string[]> {
  if (typeof navigator.locks?.query !== 'function') return [];
  const { held = [] } = await navigator.locks.query();
  return held.flatMap((lock) => (lock.name?.startsWith(REGISTER_LOCK_PREFIX) ? [lock.name.slice(REGISTER_LOCK_PREFIX.length)] : []));
}
