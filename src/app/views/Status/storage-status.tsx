/** Whether the browser keeps Tillite's data under pressure, how much is used, and the quota. */
import { storageState } from '../../state/storage';
import { formatBytes } from '../../../lib/format';

export function StorageStatus() {
  const s = storageState.value;
  if (!s.supported) return <p data-testid="storage-status">This browser does not report storage use.</p>;
  return (
    <dl class="facts" data-testid="storage-status">
      <dt>Persistent storage</dt>
      <dd data-testid="storage-persisted">
        {s.persisted ? 'Yes: the browser will not evict Tillite\'s data' : 'No: the browser may clear data under storage pressure. Install the app and keep backups.'}
      </dd>
      <dt>Used</dt>
      <dd data-testid="storage-usage">{s.usage === null ? '?' : formatBytes(s.usage)}</dd>
      <dt>Quota</dt>
      <dd data-testid="storage-quota">{s.quota === null ? '?' : formatBytes(s.quota)}</dd>
    </dl>
  );
}
