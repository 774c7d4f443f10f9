/**
 * The idle lock: once the shop has staff, the app locks after the shop's idle time (`staffSettings`, set on the
 * Lock page) without a key, a touch or a click, and stays locked until someone signs in with their PIN. Whoever
 * was signed in is signed out, so a till left open cannot ring up or refund in their name. The sale in progress
 * is kept (the cart is saved as it changes) and is there again after the PIN.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { db } from '../db';
import { signedIn } from './session';
import { signOut } from './sign-out';

/** True while the app is locked for want of a PIN. */
export const idleLocked = signal(false);

/** What activity is: anything a person does with a keyboard, a pointer or a finger. */
const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

let minutes = 0;
let staffInUse = false;
let last = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Locks now: signs whoever was here out. */
export function lockNow(): void {
  idleLocked.value = true;
  signOut();
}

/** Sets the timer for the moment the idle time runs out, from the last activity. */
function arm(): void {
  clearTimeout(timer);
  if (minutes <= 0 || !staffInUse || idleLocked.value) return;
  const due = last + minutes * 60_000;
  timer = setTimeout(() => {
    // Activity since the timer was set moves the deadline instead of clearing the timer on every key.
    if (Date.now() >= last + minutes * 60_000) lockNow();
    else arm();
  }, Math.max(0, due - Date.now()));
}

async function load(): Promise<void> {
  try {
    const [settings, status] = await Promise.all([db().send('staffSettings.get', {}), db().send('staff.status', {})]);
    minutes = settings.idleLockMinutes;
    staffInUse = status.ownerExists;
    arm();
  } catch {
    // The status bar explains a database that does not answer; the lock starts once it does.
  }
}

/** Runs the idle lock while the app is mounted (once, in the app shell). */
export function useIdleLock(): void {
  useEffect(() => {
    const active = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY) window.addEventListener(name, active, { capture: true, passive: true });
    const stopChanges = db().onChanged((topics) => {
      if (topics.includes('settings') || topics.includes('all') || topics.includes('shop')) void load();
    });
    // Signing in (on the lock screen) is what unlocks.
    const stopSignIn = signedIn.subscribe((member) => {
      if (!member) return;
      last = Date.now();
      idleLocked.value = false;
      // A sign-in is also when the first owner starts using staff: the lock starts from then.
      void load();
    });
    void load();
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, active, { capture: true });
      stopChanges();
      stopSignIn();
      clearTimeout(timer);
      timer = undefined;
    };
  }, []);
}
