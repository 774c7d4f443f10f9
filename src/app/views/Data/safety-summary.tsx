/**
 * The top of the Data page: what is safe and since when, in one line a shop owner reads at a glance ("Last checked
 * backup: today 14:05 · Copy outside this browser: 3 days ago"), and the one action most people need first.
 */
import type { BackupRecord } from '../../../db/protocol/backups';
import { howLongAgo } from '../../backup-labels';
import { useNow } from '../../hooks/use-now';
import { useQuery } from '../../hooks/use-query';

interface Props {
  /** Every backup (any kind), newest first. */
  backups: BackupRecord[] | null;
  /** The "Back up now" form (the one action most people need first). */
  children: preact.ComponentChildren;
}

/** The newest backup that passed its check, or null. */
function newestChecked(backups: BackupRecord[]): BackupRecord | null {
  return backups.filter((b) => b.state === 'verified').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

export function SafetySummary({ backups, children }: Props) {
  const now = useNow();
  const exported = useQuery('transfer.status', { now }, ['backups', 'all']);
  const checked = backups ? newestChecked(backups) : null;
  const outside = exported.data?.lastExport?.at ?? null;
  return (
    <article class="card safety" data-testid="safety-summary">
      <h2>Is my data safe?</h2>
      <p class="safety-line">
        <span data-testid="safe-backup">
          Last checked backup: <strong>{backups ? (checked ? howLongAgo(checked.createdAt, new Date(now)) : 'none yet') : '…'}</strong>
        </span>
        {' · '}
        <span data-testid="safe-outside">
          Copy outside this browser: <strong>{exported.data ? (outside ? howLongAgo(outside, new Date(now)) : 'never') : '…'}</strong>
        </span>
      </p>
      {children}
    </article>
  );
}
