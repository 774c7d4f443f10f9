/**
 * The Data view, in a shop owner's words: first what is safe and since when with "Back up now"; then the everyday
 * copies (outside the browser, to a folder), the schedule and the backups, each described by what it holds; the
 * two actions that replace or remove the data (restore from a file, empty) apart at the end; the log last.
 */
import { useState } from 'preact/hooks';
import type { BackupKind, BackupRecord } from '../../../db/protocol/backups';
import type { ResultOf } from '../../../db/protocol';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { BACKUP_KINDS, describeBackup, friendlyTime, KIND_LABELS } from '../../backup-labels';
import { SafetySummary } from './safety-summary';
import { BackupTable } from './backup-table';
import { RestoreDialog } from './restore-dialog';
import { EmptyDatabase } from './empty-database';
import { BackupLog } from './backup-log';
import { ExportCard } from './export-card';
import { FolderCard } from './folder-card';
import { ImportCard } from './import-card';
import './style.css';

const when = (iso: string | null) => (iso ? friendlyTime(iso) : 'never');

export function DataView() {
  const [kind, setKind] = useState<BackupKind | ''>('');
  const list = useQuery('backup.list', kind ? { kind } : {}, ['backups', 'all']);
  const all = useQuery('backup.list', {}, ['backups', 'all']);
  const status = useQuery('backup.status', {}, ['backups', 'all']);
  const [description, setDescription] = useState('');
  // `name`: the backup a message is about, kept out of the words (file names are not for people) but on the element.
  const [message, setMessage] = useState<{ text: string; error: boolean; name?: string } | null>(null);
  const [restoring, setRestoring] = useState<BackupRecord | null>(null);
  const [undo, setUndo] = useState<BackupRecord | null>(null);

  const report = { onError: (text: string) => setMessage({ text, error: true }) };
  const backUp = useAction(async () => {
    const record = await db().send('backup.create', description.trim() ? { description: description.trim() } : {});
    setDescription('');
    setMessage({ text: `Backed up: ${describeBackup(record)}.`, error: false, name: record.name });
  }, report);
  const backUpNow = (event: Event) => {
    event.preventDefault();
    void backUp.run();
  };

  const restored = (result: ResultOf<'backup.restore'>) => {
    setRestoring(null);
    setUndo(result.undo);
    setMessage({ text: `Restored the ${describeBackup(result.restored)}.`, error: false, name: result.restored.name });
  };

  const undoing = useAction(async () => {
    if (!undo) return;
    const result = await db().send('backup.restore', { name: undo.name });
    setMessage({ text: 'Restore undone: the data from before is back.', error: false, name: result.restored.name });
    setUndo(null);
  }, report);
  const undoRestore = () => void undoing.run();
  const working = backUp.busy || undoing.busy;

  const { run: setInterval } = useAction((hours: number) => db().send('backup.setInterval', { hours }), report);

  const s = status.data;
  return (
    <section class="data">
      <h1>Data</h1>
      <SafetySummary backups={all.data?.backups ?? null}>
        <form class="row" onSubmit={backUpNow}>
          <button type="submit" disabled={working} data-testid="backup-now">
            Back up now
          </button>
          <label>
            Note for this backup (optional){' '}
            <input value={description} maxLength={80} onInput={(e) => setDescription(e.currentTarget.value)} data-testid="backup-description" />
          </label>
        </form>
      </SafetySummary>
      <div class="cards">
        <ExportCard onMessage={(text, error) => setMessage({ text, error })} />
        <article class="card">
          <h2>Backups in this browser</h2>
          <p class="muted">Tillite backs up on its own, and before every change that replaces or removes data.</p>
          <dl class="facts">
            <dt>Last backup</dt>
            <dd data-testid="last-backup">{s ? when(s.lastSuccessAt) : '…'}</dd>
            <dt>Next one</dt>
            <dd data-testid="next-backup">{s ? when(s.nextScheduledAt) : '…'}</dd>
            <dt id="backup-interval-label">Back up every</dt>
            <dd>
              <select
                aria-labelledby="backup-interval-label"
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
        </article>
        <FolderCard onMessage={(text, error) => setMessage({ text, error })} />
      </div>
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'} data-testid="data-message" data-name={message.name}>
          {message.text}
        </p>
      )}
      {undo && (
        <p class="notice" data-testid="undo-panel">
          The data from before the restore was kept as a backup ({describeBackup(undo)}).{' '}
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
        <BackupTable backups={list.data.backups} onRestore={setRestoring} onMessage={(text, error, name) => setMessage({ text, error, name })} />
      ) : (
        <p>{list.error ? list.error.message : 'Loading…'}</p>
      )}
      {restoring && <RestoreDialog backup={restoring} onDone={restored} onCancel={() => setRestoring(null)} />}
      <section class="danger-zone" aria-labelledby="danger-zone-title">
        <h2 id="danger-zone-title">Replace or remove the data</h2>
        <p class="muted">Each takes a backup first, so it can be undone by restoring that backup.</p>
        <div class="cards">
          <ImportCard />
          <EmptyDatabase />
        </div>
      </section>
      <BackupLog entries={s?.log ?? []} />
    </section>
  );
}
