/**
 * "Download backup": a fresh snapshot saved outside the browser (the save picker, or a download), with a progress
 * bar, the time of the last export, and how soon the app reminds the user to do it again.
 */
import { errorText, useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useNow } from '../../hooks/use-now';
import { useQuery } from '../../hooks/use-query';
import { exportBackup, exportProgress } from '../../state/transfer';
import { canPickSaveFile } from '../../transfer/files';

/** The reminder's choices (the worker accepts these). */
const DAYS = [1, 3, 7, 14, 30];

interface Props {
  /** Reports what the export did, for the page's message line. */
  onMessage(text: string, isError: boolean): void;
}

export function ExportCard({ onMessage }: Props) {
  const status = useQuery('transfer.status', { now: useNow() }, ['backups', 'all']);
  const progress = exportProgress.value;
  const { run, busy: working } = useAction(async () => {
    try {
      const text = await exportBackup();
      if (text) onMessage(text, false);
    } catch (error) {
      onMessage(errorText(error), true);
    }
  });

  const setDays = async (days: number) => {
    try {
      await db().send('transfer.setReminderDays', { days, now: new Date().toISOString() });
    } catch (error) {
      onMessage(errorText(error), true);
    }
  };

  const last = status.data?.lastExport;
  return (
    <article class="card">
      <h2>Copy outside the browser</h2>
      <p class="muted">
        The browser's storage can be wiped. Keep a copy of your data on this computer, a USB stick or a synced folder:
        {canPickSaveFile() ? ' you choose where to save it.' : ' it goes to your downloads.'} The file opens in any SQLite
        tool.
      </p>
      <dl class="facts">
        <dt>Last saved outside</dt>
        <dd data-testid="last-export">{status.data ? (last ? new Date(last.at).toLocaleString() : 'never') : '…'}</dd>
        <dt>Remind me after</dt>
        <dd>
          <select data-testid="export-reminder-days" value={String(status.data?.reminderDays ?? 7)} onChange={(e) => void setDays(Number(e.currentTarget.value))}>
            {DAYS.map((d) => (
              <option key={d} value={String(d)}>
                {d} {d === 1 ? 'day' : 'days'}
              </option>
            ))}
          </select>
        </dd>
      </dl>
      <button type="button" data-testid="export-now" disabled={working} onClick={run}>
        Download backup
      </button>
      {progress && (
        <p>
          <progress data-testid="export-progress" max={progress.total || 1} value={progress.done} /> {progress.fileName}
        </p>
      )}
    </article>
  );
}
