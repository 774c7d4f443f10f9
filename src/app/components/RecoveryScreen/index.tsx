/**
 * Shown instead of the app when the live database failed to open, failed its integrity check or failed to
 * migrate. It leads with what happened in plain words and the one action that fixes it (restore the newest
 * verified backup, or after a failed update the copy taken just before it), says what that backup holds and
 * what would be lost, then offers a download of the damaged file, the older backups, and after them the backups
 * not checked yet (checked before one is used). The technical message comes last, in small print.
 */
import { useState } from 'preact/hooks';
import type { BackupRecord } from '../../../db/protocol/backups';
import type { WireError } from '../../../db/protocol/envelope';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { describeBackup } from '../../backup-labels';
import { RecoveryActions } from '../RecoveryActions';
import { UncheckedBackups } from './unchecked-backups';
import '../FatalScreen/style.css';

/** What happened, for a shop owner. */
function whatHappened(error: WireError): string {
  switch (error.code) {
    case 'damaged':
      return 'The file that holds your shop’s data is damaged, so Tillite stopped before using it. This can happen when a device loses power or its storage fails. Nothing more has been written to it.';
    case 'migration-failed':
      return 'This version of Tillite could not update your shop’s data, so it stopped. Your data was left exactly as it was before the update.';
    default:
      return 'Tillite could not open your shop’s data, so it stopped before using it. Nothing has been changed.';
  }
}

export function RecoveryScreen({ error }: { error: WireError }) {
  const list = useQuery('backup.list', {}, ['backups']);
  const [running, setRunning] = useState<string | null>(null);
  const verified = (list.data?.backups ?? []).filter((b) => b.state === 'verified');
  const snapshotName = typeof error.detail?.snapshot === 'string' ? error.detail.snapshot : null;
  const first = verified.find((b) => b.name === snapshotName) ?? verified[0] ?? null;
  const others = verified.filter((b) => b !== first);
  const unchecked = (list.data?.backups ?? []).filter((b) => b.state === 'copied');

  const { run: restore, error: problem } = useAction(async (backup: BackupRecord) => {
    setRunning(backup.name);
    try {
      // On success the worker reports the database ready and the app replaces this screen.
      await db().send('backup.restore', { name: backup.name });
    } finally {
      setRunning(null);
    }
  });

  return (
    <main class="fatal" data-testid="recovery" data-code={error.code}>
      <div role="alert">
        <h1>Your shop’s data could not be opened</h1>
        <p class="fatal-lead">{whatHappened(error)}</p>
        {list.error && <p class="error">{list.error.message}</p>}
        {first ? (
          <section class="recovery-fix" aria-labelledby="recovery-fix-title">
            <h2 id="recovery-fix-title">
              {first.name === snapshotName ? 'Go back to the copy taken just before the update' : 'Restore the newest verified backup'}
            </h2>
            <p data-testid="recovery-newest" data-name={first.name}>
              {describeBackup(first)}
            </p>
            <p class="fatal-note">Sales made after this backup are only in the damaged file: download a copy of it below first if you may need them.</p>
            <button type="button" class="big" disabled={running !== null} data-testid="recovery-restore-newest" onClick={() => restore(first)}>
              {running === first.name ? 'Restoring…' : 'Restore this backup'}
            </button>
          </section>
        ) : (
          list.data && (
            <p data-testid="recovery-none">
              There is no checked backup in this browser. Download a copy of the damaged file below and keep it;
              {unchecked.length > 0
                ? ' then restore one of the backups not checked yet (below): Tillite checks it first.'
                : ' if you have a backup file saved elsewhere, import it from the Data page once the shop opens again.'}
            </p>
          )
        )}
        {problem && (
          <p class="error" data-testid="recovery-error">
            {problem}
          </p>
        )}
        <h2>Keep the damaged file</h2>
        <RecoveryActions error={error} />
        {others.length > 0 && (
          <details>
            <summary>Older backups ({others.length})</summary>
            <ul>
              {others.map((b) => (
                <li key={b.name} data-testid="recovery-older" data-name={b.name}>
                  {describeBackup(b)}{' '}
                  <button type="button" class="secondary" disabled={running !== null} onClick={() => restore(b)}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <UncheckedBackups backups={unchecked} running={running} onRestore={restore} open={!first} />
        <p class="fatal-technical">
          <small>
            Technical details: <span data-testid="recovery-reason">{error.message}</span>
          </small>
        </p>
      </div>
    </main>
  );
}
