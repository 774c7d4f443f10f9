/**
 * The backup log: every backup, verification, restore, deletion and prune, newest first. It is the technical
 * record (file names, durations), for whoever helps with a problem, so it stays folded away until asked for.
 */
import type { BackupLogEntry } from '../../../db/protocol/backups';
import { dateTime } from '../../state/shop';

export function BackupLog({ entries }: { entries: BackupLogEntry[] }) {
  return (
    <details class="card">
      <summary>
        <strong>Technical log</strong> <span class="muted">for whoever helps you with a problem</span>
      </summary>
      <ol class="log" data-testid="backup-log">
        {entries.map((e) => (
          <li key={e.id} data-ok={String(e.ok)} data-action={e.action} class={e.ok ? undefined : 'error'}>
            <time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{e.action}</strong>
            {e.kind && ` (${e.kind})`}: {e.message}
            {e.durationMs !== null && <span class="muted" data-testid="log-duration"> · {e.durationMs} ms</span>}
            {e.name && <span class="muted"> · {e.name}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
