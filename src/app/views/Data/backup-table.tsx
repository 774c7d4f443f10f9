/** The list of backups, newest first, with download, verify, restore and delete on each. */
import { useState } from 'preact/hooks';
import type { BackupRecord } from '../../../db/protocol/backups';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { describeState, describeSummary, friendlyTime, KIND_LABELS } from '../../backup-labels';
import { locale } from '../../state/shop';
import { exportBackup } from '../../state/transfer';
import { formatSize } from '../../../lib/format';

interface Props {
  backups: BackupRecord[];
  /** Opens the restore confirmation for a backup. */
  onRestore(backup: BackupRecord): void;
  /** Reports what an action did on backup `name`, for the page's message line. */
  onMessage(text: string, isError: boolean, name?: string): void;
}


export function BackupTable({ backups, onRestore, onMessage }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const { run: act } = useAction(
    async (name: string, action: () => Promise<string>) => {
      setBusy(name);
      try {
        onMessage(await action(), false, name);
      } finally {
        setBusy(null);
      }
    },
    { onError: (text) => onMessage(text, true) },
  );

  if (backups.length === 0) return <p data-testid="backup-empty">No backups yet.</p>;
  return (
    <table class="backups" data-testid="backup-list">
      <thead>
        <tr>
          <th>Kind</th>
          <th>Time</th>
          <th>Size</th>
          <th>Holds</th>
          <th>State</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name} data-testid="backup-row" data-name={b.name} data-kind={b.kind} data-state={b.state}>
            <td>
              {KIND_LABELS[b.kind]}
              {b.description && <div class="muted">{b.description}</div>}
            </td>
            <td>
              <time dateTime={b.createdAt}>{friendlyTime(b.createdAt)}</time>
            </td>
            <td>{formatSize(b.size, locale())}</td>
            <td data-testid="backup-holds" data-rows={b.summary.rows}>
              {describeSummary(b.summary)}
            </td>
            <td data-testid="backup-state" class={b.state === 'damaged' ? 'error' : undefined}>
              {describeState(b)}
            </td>
            <td class="actions">
              <button type="button" class="secondary" data-testid="backup-download" onClick={() => act(b.name, async () => (await exportBackup(b.name)) ?? 'Nothing was saved.')}>
                Download
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="backup-verify"
                disabled={busy === b.name}
                onClick={() =>
                  act(b.name, async () => {
                    const checked = await db().send('backup.verify', { name: b.name });
                    const which = `The ${KIND_LABELS[b.kind].toLowerCase()} backup of ${friendlyTime(b.createdAt)}`;
                    return checked.state === 'verified' ? `${which} is whole: its contents are as they were written.` : `${which} is damaged: ${checked.problem}`;
                  })
                }
              >
                Verify
              </button>
              <button type="button" data-testid="backup-restore" disabled={busy === b.name || b.state === 'damaged'} onClick={() => onRestore(b)}>
                Restore…
              </button>
              {confirmDelete === b.name ? (
                <button
                  type="button"
                  class="danger"
                  data-testid="backup-delete-confirm"
                  onClick={() => {
                    setConfirmDelete(null);
                    void act(b.name, async () => (await db().send('backup.delete', { name: b.name }), `Deleted the ${KIND_LABELS[b.kind].toLowerCase()} backup of ${friendlyTime(b.createdAt)}.`));
                  }}
                >
                  Really delete
                </button>
              ) : (
                <button type="button" class="secondary" data-testid="backup-delete" disabled={busy === b.name} onClick={() => setConfirmDelete(b.name)}>
                  Delete
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
