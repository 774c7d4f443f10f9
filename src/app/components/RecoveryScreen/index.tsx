/**
 * Shown instead of the app when the live database failed to open, failed its integrity check or failed to
 * migrate. Offers the newest verified backup (with what it holds) and the older ones; restoring one takes the
 * app back to normal in every tab. After a failed migration, the snapshot taken before it comes first.
 */
import { useState } from 'preact/hooks';
import type { BackupRecord } from '../../../db/protocol/backups';
import type { WireError } from '../../../db/protocol/envelope';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { describeSummary, KIND_LABELS } from '../../backup-labels';
import { RecoveryActions } from '../RecoveryActions';
import '../FatalScreen/style.css';

export function RecoveryScreen({ error }: { error: WireError }) {
  const list = useQuery('backup.list', {}, ['backups']);
  const [running, setRunning] = useState<string | null>(null);
  const verified = (list.data?.backups ?? []).filter((b) => b.state === 'verified');
  const snapshotName = typeof error.detail?.snapshot === 'string' ? error.detail.snapshot : null;
  const first = verified.find((b) => b.name === snapshotName) ?? verified[0] ?? null;
  const others = verified.filter((b) => b !== first);

  const { run: restore, error: problem } = useAction(async (backup: BackupRecord) => {
    setRunning(backup.name);
    try {
      // On success the worker reports the database ready and the app replaces this screen.
      await db().send('backup.restore', { name: backup.name });
    } finally {
      setRunning(null);
    }
  });

  const describe = (b: BackupRecord) => `${KIND_LABELS[b.kind]}, ${new Date(b.createdAt).toLocaleString()}: ${describeSummary(b.summary)}`;

  return (
    <main class="fatal" data-testid="recovery" data-code={error.code}>
      <div role="alert">
        <h1>The shop's database cannot be used</h1>
        <p class="fatal-message" data-testid="recovery-reason">
          {error.message}
        </p>
        <RecoveryActions error={error} />
        {list.error && <p class="error">{list.error.message}</p>}
        {first ? (
          <>
            <p>
              Restore {first.name === snapshotName ? 'the copy taken before the update' : 'the newest backup'} to continue. The damaged file is kept.
            </p>
            <p data-testid="recovery-newest" data-name={first.name}>
              {describe(first)}
            </p>
            <button type="button" disabled={running !== null} data-testid="recovery-restore-newest" onClick={() => restore(first)}>
              {running === first.name ? 'Restoring…' : 'Restore this backup'}
            </button>
          </>
        ) : (
          list.data && <p data-testid="recovery-none">There is no verified backup in this browser.</p>
        )}
        {problem && (
          <p class="error" data-testid="recovery-error">
            {problem}
          </p>
        )}
        {others.length > 0 && (
          <details>
            <summary>Older backups ({others.length})</summary>
            <ul>
              {others.map((b) => (
                <li key={b.name} data-testid="recovery-older" data-name={b.name}>
                  {describe(b)}{' '}
                  <button type="button" disabled={running !== null} onClick={() => restore(b)}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </main>
  );
}
