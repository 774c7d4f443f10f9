/**
 * The status page: the database's facts (SQLite and data versions, storage, size, which tab holds it), storage
 * durability, and the migration history.
 */
import { useQuery } from '../../hooks/use-query';
import { MigrationHistory } from './migration-history';
import { StorageStatus } from './storage-status';
import { dbStatus } from '../../state/app-state';
import { formatBytes } from '../../../lib/format';
import './style.css';

export function StatusView() {
  const info = useQuery('system.info', {}, ['all']);
  const status = dbStatus.value;

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
              <dt>Data version</dt>
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
      </div>
    </section>
  );
}
