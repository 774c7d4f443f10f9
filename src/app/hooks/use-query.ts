/**
 * Runs a database call and keeps its result fresh: it runs again whenever a write in any tab changes one of
 * the given topics.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ChangeTopic } from '../../db/protocol/envelope';
import type { ArgsOf, HandlerName, ResultOf } from '../../db/protocol';
import { DbError } from '../../db/client';
import { db } from '../db';

export interface QueryState<T> {
  data: T | null;
  error: DbError | null;
  loading: boolean;
  reload(): void;
}

export function useQuery<K extends HandlerName>(name: K, args: ArgsOf<K>, topics: ChangeTopic[]): QueryState<ResultOf<K>> {
  const [data, setData] = useState<ResultOf<K> | null>(null);
  const [error, setError] = useState<DbError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(args);
  const reload = useCallback(() => {
    setLoading(true);
    db()
      .send(name, JSON.parse(key) as ArgsOf<K>)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof DbError ? e : new DbError({ code: 'internal', message: String(e) })))
      .finally(() => setLoading(false));
  }, [name, key]);
  useEffect(() => {
    reload();
    return db().onChanged((changed) => {
      if (changed.includes('all') || changed.some((topic) => topics.includes(topic))) reload();
    });
    // topics is a constant per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);
  return { data, error, loading, reload };
}
