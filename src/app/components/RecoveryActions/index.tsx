/**
 * What a person can do while the database is refused: after a failed migration, see what failed and restore the
 * snapshot taken just before it; for a database from a newer Tillite, download a copy of it as it is.
 * Both calls are answered by the leader while the database is refused (see `recovery.*` in the protocol).
 */
import { useState } from 'preact/hooks';
import type { WireError } from '../../../db/protocol';
import { DbError } from '../../../db/client';
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

/** The failed migration's facts, the snapshot's name and a restore button; a download for newer files. */
export function RecoveryActions({ error }: { error: WireError }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const detail = error.detail ?? {};
  const snapshot = text(detail.snapshot);
  const name = text(detail.name);
  const reason = text(detail.reason);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    try {
      setOutcome(await action());
    } catch (e) {
      setFailure(e instanceof DbError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = () =>
    run(async () => {
      const result = await db().send('recovery.restore', { name: snapshot! });
      return `Restored ${result.restored} (schema version ${result.schemaVersion}). The file it replaced was kept as ${result.safetySnapshot}.`;
    });
  const exportLive = () =>
    run(async () => {
      const result = await db().send('recovery.export-live', {});
      download(result.bytes, result.fileName);
      return `Downloaded ${result.fileName}.`;
    });

  return (
    <div class="recovery" data-testid="recovery">
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
          Snapshot taken before the update: <code data-testid="failure-snapshot">{snapshot}</code>{' '}
          <button type="button" disabled={busy} onClick={restore} data-testid="restore-snapshot">
            Restore this snapshot
          </button>
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
