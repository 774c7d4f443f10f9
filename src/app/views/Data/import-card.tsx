/**
 * "Restore from a file": pick a `.db` file (the open picker, a file input where there is none, or a file dropped
 * here), copy it into OPFS `staging/`, let the worker check it, show what it holds beside what is here now, and
 * replace the data only on confirmation. A refused file is named with its reason; nothing else changes.
 */
import { useRef, useState } from 'preact/hooks';
import type { ResultOf } from '../../../db/protocol';
import type { DatabaseFacts, ImportInspection, ImportRefusalReason } from '../../../db/protocol/transfer';
import { DbError } from '../../../db/client';
import { errorText } from '../../hooks/use-action';
import { db } from '../../db';
import { canPickOpenFile, pickDatabaseFile, readHead, stageFile } from '../../transfer/files';
import { formatBytes } from '../../../lib/format';
import { ImportContents, needsConsent } from './import-contents';
import { dateOnly } from '../../state/shop';

type Step =
  | { kind: 'idle' }
  | { kind: 'copying'; done: number; total: number }
  | { kind: 'checking' }
  | { kind: 'refused'; reason: ImportRefusalReason | 'error'; message: string }
  | { kind: 'preview'; inspection: Extract<ImportInspection, { ok: true }>; fileName: string }
  | { kind: 'importing' }
  | { kind: 'done'; result: ResultOf<'transfer.import'> };

const day = (iso: string | null) => (iso ? dateOnly(iso) : '—');
const count = (n: number | null) => (n === null ? '—' : String(n));

/** One column of the preview: what a database holds. */
function facts(f: DatabaseFacts | null, prefix: string) {
  const cell = (name: string, value: string) => <td data-testid={`${prefix}-${name}`}>{value}</td>;
  return {
    shop: cell('shop', f ? f.shopName ?? 'not set up' : '—'),
    products: cell('products', f ? count(f.products) : '—'),
    sales: cell('sales', f ? count(f.sales) : '—'),
    range: cell('range', f?.firstSaleAt ? `${day(f.firstSaleAt)} – ${day(f.lastSaleAt)}` : 'no sales'),
    schema: cell('schema', f ? String(f.schemaVersion) : '—'),
    size: cell('size', f ? formatBytes(f.size) : '—'),
  };
}

export function ImportCard() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  // The person's "I know this file was changed", asked for only when its rows differ from its manifest.
  const [consent, setConsent] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = step.kind === 'copying' || step.kind === 'checking' || step.kind === 'importing';

  const check = async (file: File) => {
    // The last file's refusal or preview goes at once: what shows next is about this file.
    setStep({ kind: 'checking' });
    try {
      // The header first: a file it already refuses (1 GB of zeros after a valid header) is never copied in.
      const early = await db().send('transfer.checkHead', { head: await readHead(file), size: file.size });
      if (!early.ok) return setStep({ kind: 'refused', reason: early.reason, message: early.message });
      setStep({ kind: 'copying', done: 0, total: file.size });
      const staged = await stageFile(file, (done, total) => setStep({ kind: 'copying', done, total }));
      setStep({ kind: 'checking' });
      const inspection = await db().send('transfer.inspect', { staged });
      setConsent(false);
      setStep(inspection.ok ? { kind: 'preview', inspection, fileName: file.name } : { kind: 'refused', reason: inspection.reason, message: inspection.message });
    } catch (error) {
      setStep({ kind: 'refused', reason: 'error', message: errorText(error) });
    }
  };

  const pick = async () => {
    if (!canPickOpenFile()) return input.current?.click();
    try {
      const file = await pickDatabaseFile();
      if (file) await check(file);
    } catch (error) {
      setStep({ kind: 'refused', reason: 'error', message: errorText(error) });
    }
  };

  const confirm = async (staged: string, acceptChanged: boolean) => {
    setStep({ kind: 'importing' });
    try {
      setStep({ kind: 'done', result: await db().send('transfer.import', { staged, acceptChanged }) });
    } catch (error) {
      const reason = (error instanceof DbError && (error.detail?.reason as ImportRefusalReason | undefined)) || 'error';
      setStep({ kind: 'refused', reason, message: errorText(error) });
    }
  };

  const cancel = (staged: string) => {
    setStep({ kind: 'idle' });
    void db().send('transfer.discard', { staged }).catch(() => undefined);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && !busy) void check(file);
  };

  const file = step.kind === 'preview' ? facts(step.inspection.file, 'import-file') : null;
  const now = step.kind === 'preview' ? facts(step.inspection.current, 'import-current') : null;
  return (
    <article
      class={`card drop${dragging ? ' dragging' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2>Restore from a file</h2>
      <p class="muted">Bring back a copy saved outside the browser, or move a shop from another computer. You can also drop a .db file here.</p>
      <button type="button" data-testid="import-pick" disabled={busy} onClick={() => void pick()}>
        Restore from a file…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".db,.sqlite,.sqlite3,application/vnd.sqlite3"
        data-testid="import-input"
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (chosen) void check(chosen);
        }}
      />
      {step.kind === 'copying' && (
        <p>
          <progress data-testid="import-progress" max={step.total || 1} value={step.done} /> Copying the file…
        </p>
      )}
      {step.kind === 'checking' && <p data-testid="import-checking">Checking the file…</p>}
      {step.kind === 'importing' && <p data-testid="import-running">Saving a copy of your current data, then importing…</p>}
      {step.kind === 'refused' && (
        <p class="error" role="alert" data-testid="import-refusal" data-reason={step.reason}>
          {step.message}
        </p>
      )}
      {step.kind === 'done' && (
        <p class="notice" role="status" data-testid="import-result">
          Imported{step.result.file.shopName ? ` “${step.result.file.shopName}”` : ''}: {count(step.result.file.products)} products and{' '}
          {count(step.result.file.sales)} sales, brought up to this version of Tillite (data version {step.result.migratedTo}). The data
          from before was kept as a backup: restore it from the list below to undo.
        </p>
      )}
      {step.kind === 'preview' && file && now && (
        <div data-testid="import-preview">
          <p>
            <strong>{step.fileName}</strong> is a whole Tillite database. Replace the data here with it?
          </p>
          <table class="compare">
            <thead>
              <tr>
                <th />
                <th>In the file</th>
                <th>Here now</th>
              </tr>
            </thead>
            <tbody>
              <tr><th>Shop</th>{file.shop}{now.shop}</tr>
              <tr><th>Products</th>{file.products}{now.products}</tr>
              <tr><th>Sales</th>{file.sales}{now.sales}</tr>
              <tr><th>Sales dated</th>{file.range}{now.range}</tr>
              <tr><th>Data version</th>{file.schema}{now.schema}</tr>
              <tr><th>Size</th>{file.size}{now.size}</tr>
            </tbody>
          </table>
          {step.inspection.migrateTo !== null && (
            <p data-testid="import-migrate">
              The file comes from an older version of Tillite; it will be brought up to date as it is imported (data version{' '}
              {step.inspection.file.schemaVersion} → {step.inspection.migrateTo}).
            </p>
          )}
          <ImportContents check={step.inspection.manifest} consent={consent} onConsent={setConsent} />
          <p>A copy of the current data is taken first, so you can go back to it.</p>
          <div class="row">
            <button
              type="button"
              class="danger"
              data-testid="import-confirm"
              disabled={needsConsent(step.inspection.manifest) && !consent}
              onClick={() => void confirm(step.inspection.staged, consent)}
            >
              Replace my data with this file
            </button>
            <button type="button" class="secondary" data-testid="import-cancel" onClick={() => cancel(step.inspection.staged)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
