/**
 * The PIN lockout rule. Five wrong PINs in a row lock that person out for 30 seconds; each further wrong PIN after
 * a lockout has passed locks again for twice as long (60 s, 2 min, …, at most 30 min). A right PIN clears it.
 * While locked, no PIN is checked at all (a right one neither: otherwise the lock would not slow a guesser).
 *
 * The state is plain data with times in UTC milliseconds, so the worker stores it in the database and a reload,
 * a crash or another tab sees the same lock.
 */

/** Wrong PINs allowed before the first lockout. */
export const FREE_ATTEMPTS = 5;
/** The first lockout. */
export const FIRST_LOCK_MS = 30_000;
/** The longest lockout. */
export const MAX_LOCK_MS = 30 * 60_000;

/** One person's run of wrong PINs. */
export interface LockoutState {
  /** Wrong PINs since the last right one. */
  failures: number;
  /** Until when PINs are refused (UTC ms), or null. */
  lockedUntil: number | null;
}

/** No wrong PINs. */
export const CLEAR: LockoutState = { failures: 0, lockedUntil: null };

/** How long the lock lasts after the `failures`-th wrong PIN in a row (0: not locked). */
export function lockDuration(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 20));
}

/** Milliseconds until a PIN may be tried again (0: now). */
export function lockedFor(state: LockoutState, now: number): number {
  return state.lockedUntil === null ? 0 : Math.max(0, state.lockedUntil - now);
}

/** The state after a wrong PIN at `now`. Call only when `lockedFor` was 0. */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  const duration = lockDuration(failures);
  return { failures, lockedUntil: duration === 0 ? null : now + duration };
}

/** The message for a person locked out for `ms` more milliseconds. */
export function lockoutMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many wrong PINs. Try again in ${wait}, or ask a manager.`;
}
