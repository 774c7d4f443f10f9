/** The list of backups, newest first, with download, verify, restore and delete on each. */
import { useState } from 'preact/hooks';
import type { BackupRecord } from '../../../db/protocol/backups';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { describeSummary, KIND_LABELS } from '../../backup-labels';
import { exportBackup } from '../../state/transfer';
import { formatBytes } from '../../../lib/format';

interface Props {
  backups: BackupRecord[];
  /** Opens the restore confirmation for a backup. */
  onRestore(backup: BackupRecord): void;
  /** Reports what an action did, for the page's message line. */
  onMessage(text: string, isError: boolean): void;
}


export function BackupTable({ backups, onRestore, onMessage }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const { run: act } = useAction(
    async (name: string, action: () => Promise<string>) => {
      setBusy(name);
      try {
        onMessage(await action(), false);
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
            <td title={b.createdAt}>{new Date(b.createdAt).toLocaleString()}</td>
            <td>{formatBytes(b.size)}</td>
            <td data-testid="backup-holds">{describeSummary(b.summary)}</td>
            <td data-testid="backup-state" class={b.state === 'damaged' ? 'error' : undefined} title={b.problem ?? undefined}>
              {b.state === 'verified' ? `Verified ${new Date(b.verifiedAt).toLocaleString()}` : b.state === 'copied' ? 'Copied; being checked' : `Damaged: ${b.problem}`}
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
                    return checked.state === 'verified' ? `${b.name} is whole: checksum and integrity check passed.` : `${b.name} is damaged: ${checked.problem}`;
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
                    void act(b.name, async () => (await db().send('backup.delete', { name: b.name }), `Deleted ${b.name}`));
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
