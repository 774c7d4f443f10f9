/**
 * The reminder to save a copy outside the browser, shown on every view when the last one is older than the
 * chosen number of days; "Later" puts it off for a day.
 */
import { useState } from 'preact/hooks';
import { db } from '../../db';
import { useNow } from '../../hooks/use-now';
import { useQuery } from '../../hooks/use-query';
import { exportBackup } from '../../state/transfer';
import { dateOnly } from '../../state/shop';

export function ExportReminder() {
  const status = useQuery('transfer.status', { now: useNow() }, ['backups', 'all']);
  const [text, setText] = useState<string | null>(null);
  const data = status.data;
  if (!data?.remind) return text ? <div class="banner" role="status" data-testid="export-reminder-result">{text}</div> : null;
  const later = () => void db().send('transfer.dismissReminder', { now: new Date().toISOString() }).catch(() => undefined);
  const save = async () => {
    try {
      setText(await exportBackup());
    } catch (error) {
      setText(error instanceof Error ? error.message : String(error));
    }
  };
  const since = data.lastExport ? `since ${dateOnly(data.lastExport.at)}` : 'yet';
  return (
    <div class="banner" role="alert" data-testid="export-reminder">
      <span>
        No copy of your data has been saved outside this browser {since}. If the browser's storage is wiped, a copy is
        what brings your shop back.
      </span>
      <button type="button" data-testid="export-reminder-download" onClick={save}>
        Download backup
      </button>
      <button type="button" class="secondary" data-testid="export-reminder-later" onClick={later}>
        Later
      </button>
    </div>
  );
}
