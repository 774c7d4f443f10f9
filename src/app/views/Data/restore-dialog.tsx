/**
 * The restore confirmation: what the backup holds and what it will replace. A `before-restore` snapshot is
 * taken first, so the restore can be undone with one click afterwards.
 */
import type { BackupRecord } from '../../../db/protocol/backups';
import type { ResultOf } from '../../../db/protocol';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { describeSummary, KIND_LABELS } from '../../backup-labels';

interface Props {
  backup: BackupRecord;
  onDone(result: ResultOf<'backup.restore'>): void;
  onCancel(): void;
}

export function RestoreDialog({ backup, onDone, onCancel }: Props) {
  const current = useQuery('data.summary', {}, ['all']);
  const { run: restore, busy: running, error } = useAction(async () => onDone(await db().send('backup.restore', { name: backup.name })));

  return (
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="restore-title" data-testid="restore-dialog">
      <h2 id="restore-title">Restore this backup?</h2>
      <dl class="facts">
        <dt>Backup</dt>
        <dd>
          {KIND_LABELS[backup.kind]}, {new Date(backup.createdAt).toLocaleString()}
        </dd>
        <dt>It holds</dt>
        <dd data-testid="restore-backup-holds">{describeSummary(backup.summary)}</dd>
        <dt>It replaces</dt>
        <dd data-testid="restore-current-holds">{current.data ? describeSummary(current.data) : current.error?.message ?? '…'}</dd>
      </dl>
      <p>A copy of the current data is taken first, so you can undo this restore.</p>
      {error && (
        <p class="error" role="alert" data-testid="restore-error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" data-testid="restore-confirm" disabled={running} onClick={() => void restore()}>
          {running ? 'Restoring…' : 'Restore'}
        </button>
        <button type="button" class="secondary" disabled={running} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
