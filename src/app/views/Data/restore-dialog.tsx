/**
 * The restore confirmation: what the backup holds and what it will replace. A `before-restore` snapshot is
 * taken first, so the restore can be undone with one click afterwards.
 */
import { useRef } from 'preact/hooks';
import type { BackupRecord } from '../../../db/protocol/backups';
import type { ResultOf } from '../../../db/protocol';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { count, describeSummary, friendlyTime, KIND_LABELS } from '../../backup-labels';
import { Modal } from '../../components/Modal';

interface Props {
  backup: BackupRecord;
  onDone(result: ResultOf<'backup.restore'>): void;
  onCancel(): void;
}

export function RestoreDialog({ backup, onDone, onCancel }: Props) {
  const current = useQuery('data.summary', {}, ['all']);
  // The focus starts on Cancel: Enter on a freshly opened dialog must not replace the shop's data.
  const cancel = useRef<HTMLButtonElement>(null);
  // Sales the backup does not have: made after it (the current count minus the backup's, when both are known).
  const lostSales = current.data?.sales != null && backup.summary.sales != null ? Math.max(0, current.data.sales - backup.summary.sales) : 0;
  const { run: restore, busy: running, error } = useAction(async () => onDone(await db().send('backup.restore', { name: backup.name })));

  return (
    <Modal label="Restore this backup?" onClose={onCancel} initialFocus={cancel} class="restore-dialog" testId="restore-dialog">
      <h2 id="restore-title">Restore this backup?</h2>
      <dl class="facts">
        <dt>Backup</dt>
        <dd>
          {KIND_LABELS[backup.kind]}, {friendlyTime(backup.createdAt)}
        </dd>
        <dt>It holds</dt>
        <dd data-testid="restore-backup-holds">{describeSummary(backup.summary)}</dd>
        <dt>It replaces</dt>
        <dd data-testid="restore-current-holds">{current.data ? describeSummary(current.data) : current.error?.message ?? '…'}</dd>
      </dl>
      {lostSales > 0 && (
        <p class="lost" data-testid="restore-lost">
          {lostSales === 1 ? 'The sale' : `The ${count(lostSales, 'sale')}`} made after {friendlyTime(backup.summary.lastSaleAt ?? backup.createdAt)}
          {current.data?.lastSaleAt ? ` (the last one ${friendlyTime(current.data.lastSaleAt)})` : ''} {lostSales === 1 ? 'is' : 'are'} not in this
          backup: after the restore the till will not show {lostSales === 1 ? 'it' : 'them'}.
        </p>
      )}
      <p>A copy of the current data is taken first, so you can undo this restore (and get those sales back) with one click.</p>
      {error && (
        <p class="error" role="alert" data-testid="restore-error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" data-testid="restore-confirm" disabled={running} onClick={() => void restore()}>
          {running ? 'Restoring…' : 'Restore'}
        </button>
        <button ref={cancel} type="button" class="secondary" disabled={running} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
