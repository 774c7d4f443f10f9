/**
 * A view's first read, sent while the view renders rather than once it has painted (when effects run): the worker
 * answers while the page draws. On a start, the register's first reads (its quick keys, its product list) waited
 * for the whole first render of the register before they were sent (about 50 ms on this machine, a trace showed).
 *
 * Its answer may only stand for the view's first effect if no write was announced between the read and that
 * effect (the view subscribes to announcements there, and a write announced before would be missed), and only if
 * the view still asks the same thing.
 */

/** The read; `take` hands it over once. */
export interface FirstRead<T> {
  /**
   * The read's answer, for a view that now asks `key` and has seen `changes` announcements so far; null when it
   * must read again (another question, a write announced since the read, or already taken).
   */
  take(key: string, changes: number): Promise<T> | null;
}

/** Wraps `result`, the read of `key` sent when `changes` announcements had been seen. */
export function firstRead<T>(key: string, changes: number, result: Promise<T>): FirstRead<T> {
  let taken = false;
  // A read that is not used must not fail loudly; one that is used reports its failure where it is used.
  result.catch(() => undefined);
  return {
    take(nowKey, nowChanges) {
      if (taken) return null;
      taken = true;
      return nowKey === key && nowChanges === changes ? result : null;
    },
  };
}
