/**
 * The warning that a backup failed. Shown on every view until a later backup succeeds: backups must never
 * fail silently.
 */
import { useQuery } from '../../hooks/use-query';
import { navigate } from '../../router';
import { dateTime } from '../../state/shop';

export function BackupWarning() {
  const status = useQuery('backup.status', {}, ['backups']);
  const warning = status.data?.warning;
  if (!warning) return null;
  return (
    <div class="banner banner-danger" role="alert" data-testid="backup-warning">
      <span>
        The last backup failed ({dateTime(warning.at)}): {warning.message}
      </span>
      <a
        href="/data"
        onClick={(e) => {
          e.preventDefault();
          navigate('/data');
        }}
      >
        See backups
      </a>
    </div>
  );
}
