/**
 * Runs a database call and keeps its result fresh: when a write in any tab changes one of the given topics, it
 * patches the result from the change (when it can, see `protocol/changes.ts`) or runs the call again.
 *
 * A refresh is read at low priority: after the task that brought the change, and once for a burst of changes.
 * The announcement of a write arrives just before its answer, so a read sent at once would reach the worker
 * ahead of the write the answer lets the caller send next (a cashier's next sale), and that write would wait.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeTopic } from '../../db/protocol/envelope';
import type { ArgsOf, HandlerName, ResultOf } from '../../db/protocol';
import { refreshFor } from '../../db/protocol/changes';
import { DbError } from '../../db/client';
import { db } from '../db';
import { firstRead, type FirstRead } from './first-read';

/** A query's result, its failure, and a way to read it again. */
export interface QueryState<T> {
  data: T | null;
  error: DbError | null;
  loading: boolean;
  reload(): void;
}

/** How a view keeps its result fresh beyond reading it again. */
export interface QueryOptions<T> {
  /**
   * Puts new stock (product id → stock) into the result, returning the same object when none of its products
   * changed. Given, a sale's change patches the result instead of reading it again.
   */
  patchStock?(data: T, stock: Record<number, number>): T;
}

let changes = 0;
let counting = false;
/** How many change announcements this page has received (counted from the first call on). */
function changesSeen(): number {
  if (!counting) {
    counting = true;
    db().onChanged(() => changes++);
  }
  return changes;
}

/** Reads `name` with `args` now and whenever one of `topics` changes (`topics` is a constant per call site). */
export function useQuery<K extends HandlerName>(
  name: K,
  args: ArgsOf<K>,
  topics: ChangeTopic[],
  options: QueryOptions<ResultOf<K>> = {},
): QueryState<ResultOf<K>> {
  const [data, setData] = useState<ResultOf<K> | null>(null);
  const [error, setError] = useState<DbError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(args);
  const patchStock = useRef(options.patchStock);
  patchStock.current = options.patchStock;
  // The first read goes out while the view renders (see first-read.ts).
  const early = useRef<FirstRead<ResultOf<K>> | null>(null);
  if (early.current === null) early.current = firstRead(key, changesSeen(), db().send(name, args));
  const reload = useCallback(() => {
    setLoading(true);
    const read = early.current?.take(key, changesSeen()) ?? db().send(name, JSON.parse(key) as ArgsOf<K>);
    read
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof DbError ? e : new DbError({ code: 'internal', message: String(e) })))
      .finally(() => setLoading(false));
  }, [name, key]);
  useEffect(() => {
    reload();
    let later: ReturnType<typeof setTimeout> | null = null;
    const stop = db().onChanged((changed, detail) => {
      const patch = patchStock.current;
      const what = refreshFor(topics, changed, detail, patch !== undefined);
      if (what === 'patch' && patch && detail?.stock) {
        const stock = detail.stock;
        setData((current) => (current === null ? current : patch(current, stock)));
      } else if (what === 'reload' && later === null) {
        later = setTimeout(() => {
          later = null;
          reload();
        }, 0);
      }
    });
    return () => {
      stop();
      if (later !== null) clearTimeout(later);
    };
    // topics is a constant per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);
  return { data, error, loading, reload };
}
