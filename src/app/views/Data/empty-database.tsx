/** Emptying the database: a typed confirmation, a `before-empty` snapshot first, then what was removed. */
import { useState } from 'preact/hooks';
import type { ResultOf } from '../../../db/protocol';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';

const WORD = 'EMPTY';

export function EmptyDatabase() {
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<ResultOf<'data.empty'> | null>(null);
  const { run, busy: running, error } = useAction(async () => {
    setResult(await db().send('data.empty', { confirm: typed }));
    setTyped('');
  });
  const empty = (event: Event) => {
    event.preventDefault();
    void run();
  };

  return (
    <article class="card">
      <h2>Empty the database</h2>
      <p>Removes every product, sale and other record. A backup is taken first, so this can be undone by restoring it.</p>
      <form class="row" onSubmit={empty}>
        <label>
          Type {WORD} to confirm <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="empty-confirm-input" autocomplete="off" />
        </label>
        <button type="submit" class="danger" disabled={typed !== WORD || running} data-testid="empty-confirm">
          {running ? 'Emptying…' : 'Empty the database'}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="empty-result">
          <p>
            Emptied. The data before is in <code>{result.snapshot.name}</code>.
          </p>
          <ul>
            {result.tables.map((t) => (
              <li key={t.name}>
                {t.name}: {t.rows} rows removed
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
