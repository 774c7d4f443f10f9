/**
 * The recovery screen's backups that were copied but not checked yet (the tab closed before their background
 * check ran): offered after the checked ones, each saying so, because a shop owner should reach for a checked
 * copy first. Restoring one checks it before anything is replaced (`backup.restore` does), so a damaged one is
 * refused with the data left as it is.
 */
import type { BackupRecord } from '../../../db/protocol/backups';
import { describeBackup } from '../../backup-labels';

/** The unchecked backups, newest first, each with its own "Check and restore". */
export function UncheckedBackups({ backups, running, onRestore, open }: { backups: BackupRecord[]; running: string | null; onRestore(backup: BackupRecord): void; open: boolean }) {
  if (backups.length === 0) return null;
  return (
    <details open={open} data-testid="recovery-unchecked">
      <summary>Backups not checked yet ({backups.length})</summary>
      <p class="fatal-note">
        These copies were made but Tillite had not yet checked that they are whole. It checks one before restoring it, and refuses it if it is
        damaged.
      </p>
      <ul>
        {backups.map((b) => (
          <li key={b.name} data-testid="recovery-unchecked-backup" data-name={b.name}>
            {describeBackup(b)} · <strong>not checked yet</strong>{' '}
            <button type="button" class="secondary" disabled={running !== null} onClick={() => onRestore(b)}>
              {running === b.name ? 'Checking and restoring…' : 'Check and restore'}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
