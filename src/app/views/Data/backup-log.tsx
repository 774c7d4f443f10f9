/** The backup log: every backup, verification, restore, deletion and prune, newest first. */
import type { BackupLogEntry } from '../../../db/protocol/backups';

export function BackupLog({ entries }: { entries: BackupLogEntry[] }) {
  return (
    <article class="card">
      <h2>Backup log</h2>
      <ol class="log" data-testid="backup-log">
        {entries.map((e) => (
          <li key={e.id} data-ok={String(e.ok)} data-action={e.action} class={e.ok ? undefined : 'error'}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> <strong>{e.action}</strong>
            {e.kind && ` (${e.kind})`}: {e.message}
            {e.durationMs !== null && <span class="muted" data-testid="log-duration"> · {e.durationMs} ms</span>}
            {e.name && <span class="muted"> · {e.name}</span>}
          </li>
        ))}
      </ol>
    </article>
  );
}
