/**
 * The status page: proves the whole path from the UI through the worker to SQLite on OPFS and back.
 * Shows the database's facts, storage durability, and a counter of rows written through the worker.
 */
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { MigrationHistory } from '../../components/MigrationHistory';
import { StorageStatus } from '../../components/StorageStatus';
import { dbStatus, tabName } from '../../state/app-state';
import { formatBytes } from '../../../lib/format';
import { DbError } from '../../../db/client';
import './style.css';

export function StatusView() {
  const info = useQuery('system.info', {}, ['all']);
  const tally = useQuery('tally.list', { limit: 10 }, ['tally']);
  const [note, setNote] = useState('');
  const [writeError, setWriteError] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  const status = dbStatus.value;

  const write = async (event: Event) => {
    event.preventDefault();
    setWriting(true);
    try {
      await db().send('tally.add', { id: uuidv7(), note: note.trim() || 'row', tab: tabName });
      setNote('');
      setWriteError(null);
    } catch (error) {
      setWriteError(error instanceof DbError ? error.message : String(error));
    } finally {
      setWriting(false);
    }
  };

  const i = info.data;
  return (
    <section class="status">
      <h1>Status</h1>
      <div class="cards">
        <article class="card">
          <h2>Database</h2>
          {i ? (
            <dl class="facts">
              <dt>SQLite</dt>
              <dd data-testid="sqlite-version">{i.sqliteVersion}</dd>
              <dt>Schema version</dt>
              <dd data-testid="schema-version">{i.schemaVersion}</dd>
              <dt>App version</dt>
              <dd data-testid="app-version">{i.appVersion}</dd>
              <dt>Storage</dt>
              <dd data-testid="vfs">
                {i.vfs} ({i.journalMode} journal)
              </dd>
              <dt>Size</dt>
              <dd>{formatBytes(i.pageSize * i.pageCount)}</dd>
              <dt>This tab</dt>
              <dd data-testid="role">{status.state === 'ready' ? (status.role === 'leader' ? 'holds the database' : 'uses the database held by another tab') : status.state}</dd>
            </dl>
          ) : (
            <p>{info.error ? info.error.message : 'Loading…'}</p>
          )}
        </article>
        <article class="card">
          <h2>Storage</h2>
          <StorageStatus />
        </article>
        <article class="card card-wide">
          <h2>Migration history</h2>
          <MigrationHistory />
        </article>
        <article class="card">
          <h2>Rows written through the worker</h2>
          <p class="big" data-testid="tally-total">
            {tally.data ? tally.data.total : '…'}
          </p>
          <form onSubmit={write} class="row">
            <label>
              Note <input value={note} onInput={(e) => setNote(e.currentTarget.value)} maxLength={200} data-testid="tally-note" />
            </label>
            <button type="submit" data-testid="tally-add">
              Write a row
            </button>
          </form>
          {writeError && (
            <p class="error" role="alert">
              {writeError}
            </p>
          )}
          <ol class="entries" data-testid="tally-entries">
            {tally.data?.entries.map((entry) => (
              <li key={entry.id}>
                <span>{entry.note}</span> <small>{entry.tab} · {new Date(entry.createdAt).toLocaleTimeString()}</small>
              </li>
            ))}
          </ol>
        </article>
      </div>
    </section>
  );
}
