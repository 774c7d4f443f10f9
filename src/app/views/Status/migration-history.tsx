/** The status page's migration history: every applied migration, when, by which app version, how long it took. */
import { useQuery } from '../../hooks/use-query';
import { formatBytes } from '../../../lib/format';

/** A table of `schema_migrations`, oldest first. */
export function MigrationHistory() {
  const migrations = useQuery('system.migrations', {}, ['all']);
  const snapshots = useQuery('system.migration-snapshots', {}, ['all', 'backups']);
  const data = migrations.data;
  if (!data) return <p>{migrations.error ? migrations.error.message : 'Loading…'}</p>;
  return (
    <>
    <table class="history" data-testid="migration-history">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Migration</th>
          <th scope="col">Applied (UTC)</th>
          <th scope="col">By app</th>
          <th scope="col">Took</th>
        </tr>
      </thead>
      <tbody>
        {data.history.map((record) => (
          <tr key={record.version} data-testid="migration-row" data-version={record.version}>
            <td>{record.version}</td>
            <td title={`SHA-256 ${record.checksum}`}>{record.name}</td>
            <td>{record.appliedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td>
            <td>{record.appVersion}</td>
            <td>{record.durationMs} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
    <h3>Snapshots taken before updates</h3>
    {snapshots.data && snapshots.data.length === 0 && <p>None yet: one is taken before every update.</p>}
    <ul class="snapshots" data-testid="migration-snapshots">
      {snapshots.data?.map((snapshot) => (
        <li key={snapshot.name}>
          <code>{snapshot.name}</code> <small>{formatBytes(snapshot.size)}</small>
        </li>
      ))}
    </ul>
    </>
  );
}
