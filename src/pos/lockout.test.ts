import { describe, expect, it } from 'vitest';
import { afterFailure, CLEAR, lockedFor, lockoutMessage, MAX_LOCK_MS, type LockoutState } from './lockout';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

function fail(times: number, from: LockoutState = CLEAR, at = T0): LockoutState {
  let s = from;
  for (let i = 0; i < times; i++) s = afterFailure(s, at);
  return s;
}

describe('PIN lockout', () => {
  it('lets four wrong PINs pass and locks at the fifth for 30 seconds', () => {
    const four = fail(4);
    expect(four).toEqual({ failures: 4, lockedUntil: null });
    expect(lockedFor(four, T0)).toBe(0);
    const five = afterFailure(four, T0);
    expect(lockedFor(five, T0)).toBe(30_000);
    expect(lockedFor(five, T0 + 29_999)).toBe(1);
    expect(lockedFor(five, T0 + 30_000)).toBe(0);
  });
  it('locks longer at each wrong PIN after a lockout, up to 30 minutes', () => {
    let s = fail(5);
    const durations: number[] = [];
    let now = T0;
    for (let i = 0; i < 8; i++) {
      now = s.lockedUntil as number; // the lock has just passed: the next try is allowed, and wrong
      s = afterFailure(s, now);
      durations.push(lockedFor(s, now));
    }
    expect(durations).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, MAX_LOCK_MS, MAX_LOCK_MS, MAX_LOCK_MS]);
  });
  it('is plain data: the state written and read back (as the worker stores it) locks the same', () => {
    const stored = JSON.parse(JSON.stringify(fail(5))) as LockoutState;
    expect(lockedFor(stored, T0 + 10_000)).toBe(20_000);
  });
  it('tells the person how long to wait', () => {
    expect(lockoutMessage(30_000)).toBe('Too many wrong PINs. Try again in 30 seconds, or ask a manager.');
    expect(lockoutMessage(29_001)).toContain('30 seconds');
    expect(lockoutMessage(240_000)).toContain('4 minutes');
  });
});
