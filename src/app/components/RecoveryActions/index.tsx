/**
 * What a person can see and keep while the database is refused: after a failed migration, what failed and the
 * snapshot taken just before it (the recovery screen restores it); for any refused file, including one from a
 * newer Tillite, a download of a copy as it is. `recovery.export-live` is answered while the database is refused.
 */
import { useState } from 'preact/hooks';
import type { WireError } from '../../../db/protocol/envelope';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Starts a download of `bytes` as `fileName` (an object URL: the bytes are already in memory). */
function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.sqlite3' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The failed migration's facts and the snapshot's name; a download of the refused file. */
export function RecoveryActions({ error }: { error: WireError }) {
  const [outcome, setOutcome] = useState<string | null>(null);
  const { run, busy, error: failure } = useAction(async (action: () => Promise<string>) => setOutcome(await action()));
  const detail = error.detail ?? {};
  const snapshot = text(detail.snapshot);
  const name = text(detail.name);
  const reason = text(detail.reason);

  const exportLive = () =>
    run(async () => {
      const result = await db().send('recovery.export-live', {});
      download(result.bytes, result.fileName);
      return `Downloaded ${result.fileName}.`;
    });

  return (
    <div class="recovery" data-testid="recovery-actions">
      {error.code === 'migration-failed' && (
        <dl class="facts">
          {typeof detail.version === 'number' && (
            <>
              <dt>Failed migration</dt>
              <dd data-testid="failed-migration">
                {detail.version}
                {name ? ` (${name})` : ''}
              </dd>
            </>
          )}
          {reason && (
            <>
              <dt>Reason</dt>
              <dd data-testid="failed-reason">{reason}</dd>
            </>
          )}
          {typeof detail.at === 'number' && (
            <>
              <dt>Database stays at version</dt>
              <dd data-testid="failed-at">{detail.at}</dd>
            </>
          )}
        </dl>
      )}
      {snapshot && (
        <p>
          Snapshot taken before the update: <code data-testid="failure-snapshot">{snapshot}</code>
        </p>
      )}
      {(error.code === 'newer-schema' || error.code === 'migration-failed' || error.code === 'damaged') && (
        <p>
          <button type="button" disabled={busy} onClick={exportLive} data-testid="export-live">
            Download a copy of this database
          </button>
        </p>
      )}
      {outcome && (
        <p role="status" data-testid="recovery-outcome">
          {outcome}
        </p>
      )}
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
