/**
 * The Data view: backups (list, filter, download, verify, restore with undo, delete), "Back up now", the
 * schedule, the backup log, and emptying the database; copies outside the browser (export, import from a file,
 * copies to a folder).
 */
import { useState } from 'preact/hooks';
import type { BackupKind, BackupRecord } from '../../../db/protocol/backups';
import type { ResultOf } from '../../../db/protocol';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { BACKUP_KINDS, KIND_LABELS } from '../../backup-labels';
import { BackupTable } from './backup-table';
import { RestoreDialog } from './restore-dialog';
import { EmptyDatabase } from './empty-database';
import { BackupLog } from './backup-log';
import { ExportCard } from './export-card';
import { FolderCard } from './folder-card';
import { ImportCard } from './import-card';
import './style.css';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

export function DataView() {
  const [kind, setKind] = useState<BackupKind | ''>('');
  const list = useQuery('backup.list', kind ? { kind } : {}, ['backups', 'all']);
  const status = useQuery('backup.status', {}, ['backups', 'all']);
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [restoring, setRestoring] = useState<BackupRecord | null>(null);
  const [undo, setUndo] = useState<BackupRecord | null>(null);

  const report = { onError: (text: string) => setMessage({ text, error: true }) };
  const backUp = useAction(async () => {
    const record = await db().send('backup.create', description.trim() ? { description: description.trim() } : {});
    setDescription('');
    setMessage({ text: `Backed up: ${record.name}`, error: false });
  }, report);
  const backUpNow = (event: Event) => {
    event.preventDefault();
    void backUp.run();
  };

  const restored = (result: ResultOf<'backup.restore'>) => {
    setRestoring(null);
    setUndo(result.undo);
    setMessage({ text: `Restored ${result.restored.name}.`, error: false });
  };

  const undoing = useAction(async () => {
    if (!undo) return;
    const result = await db().send('backup.restore', { name: undo.name });
    setMessage({ text: `Restore undone: the data from before is back (${result.restored.name}).`, error: false });
    setUndo(null);
  }, report);
  const undoRestore = () => void undoing.run();
  const working = backUp.busy || undoing.busy;

  const { run: setInterval } = useAction((hours: number) => db().send('backup.setInterval', { hours }), report);

  const s = status.data;
  return (
    <section class="data">
      <h1>Data</h1>
      <div class="cards">
        <article class="card">
          <h2>Backups</h2>
          <dl class="facts">
            <dt>Last successful backup</dt>
            <dd data-testid="last-backup">{s ? when(s.lastSuccessAt) : '…'}</dd>
            <dt>Next scheduled backup</dt>
            <dd data-testid="next-backup">{s ? when(s.nextScheduledAt) : '…'}</dd>
            <dt>Every</dt>
            <dd>
              <select
                data-testid="backup-interval"
                value={s ? String(s.intervalHours) : '3'}
                onChange={(e) => void setInterval(Number(e.currentTarget.value))}
              >
                {[1, 2, 3, 4, 6, 8, 12, 24].map((h) => (
                  <option key={h} value={String(h)}>
                    {h} {h === 1 ? 'hour' : 'hours'}
                  </option>
                ))}
              </select>
            </dd>
          </dl>
          <form class="row" onSubmit={backUpNow}>
            <label>
              Description (optional){' '}
              <input value={description} maxLength={80} onInput={(e) => setDescription(e.currentTarget.value)} data-testid="backup-description" />
            </label>
            <button type="submit" disabled={working} data-testid="backup-now">
              Back up now
            </button>
          </form>
        </article>
        <EmptyDatabase />
      </div>
      <div class="cards">
        <ExportCard onMessage={(text, error) => setMessage({ text, error })} />
        <ImportCard />
        <FolderCard onMessage={(text, error) => setMessage({ text, error })} />
      </div>
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'} data-testid="data-message">
          {message.text}
        </p>
      )}
      {undo && (
        <p class="notice" data-testid="undo-panel">
          The data from before the restore was kept as {undo.name}.{' '}
          <button type="button" disabled={working} data-testid="undo-restore" onClick={undoRestore}>
            Undo restore
          </button>
        </p>
      )}
      <div class="row">
        <label>
          Show{' '}
          <select data-testid="kind-filter" value={kind} onChange={(e) => setKind(e.currentTarget.value as BackupKind | '')}>
            <option value="">all kinds</option>
            {BACKUP_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.data ? (
        <BackupTable backups={list.data.backups} onRestore={setRestoring} onMessage={(text, error) => setMessage({ text, error })} />
      ) : (
        <p>{list.error ? list.error.message : 'Loading…'}</p>
      )}
      {restoring && <RestoreDialog backup={restoring} onDone={restored} onCancel={() => setRestoring(null)} />}
      <BackupLog entries={s?.log ?? []} />
    </section>
  );
}
