/**
 * Runs what a person asked for (a database call and what follows it) with the two things every button and form
 * needs: a busy state while it runs, and its failure in words. Beside `useQuery`, which reads.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { DbError } from '../../db/client';

/** The message of anything thrown: the worker's own words for a {@link DbError}, an Error's message, else text. */
export function errorText(error: unknown): string {
  return error instanceof DbError || error instanceof Error ? error.message : String(error);
}

export interface ActionState<A extends unknown[], R> {
  /** Runs the action: resolves with its result, or with undefined when it failed (then `error` says why). */
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  /** The last failure's message, cleared when the action runs again. */
  error: string | null;
  /** Shows a message of the caller's own (a form's check before anything is sent), or clears it. */
  setError(message: string | null): void;
}

/** Where a failure goes instead of `error`: a view with one message line for all its actions. */
export interface ActionOptions {
  onError?(message: string): void;
}

/** Wraps `action`; the latest `action` (and `options`) given is the one that runs. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>, options: ActionOptions = {}): ActionState<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ action, options });
  latest.current = { action, options };
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await latest.current.action(...args);
    } catch (e) {
      const onError = latest.current.options.onError;
      if (onError) onError(errorText(e));
      else setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
