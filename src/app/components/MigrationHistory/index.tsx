/** The status page's migration history: every applied migration, when, by which app version, how long it took. */
import { useQuery } from '../../hooks/use-query';

/** A table of `schema_migrations`, oldest first. */
export function MigrationHistory() {
  const migrations = useQuery('system.migrations', {}, ['all']);
  const data = migrations.data;
  if (!data) return <p>{migrations.error ? migrations.error.message : 'Loading…'}</p>;
  return (
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
  );
}
