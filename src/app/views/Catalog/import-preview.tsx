/**
 * What a catalogue import would do, before it does it: how the file was read (its separator and decimal mark),
 * its first rows, how many products it adds and changes, and the rows it refuses with the reason; then the
 * owner confirms or cancels. A file that cannot be read at all says why and offers no import.
 */
import type { ImportPreview as Preview } from '../../../db/protocol/catalog';
import styles from './catalog.module.css';

const SEPARATOR_NAMES: Record<Preview['separator'], string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** Whether nothing can be imported from this file (a problem with the file as a whole). */
export function previewRefused(preview: Preview): boolean {
  return preview.created + preview.updated === 0 && preview.problems.some((p) => p.startsWith('the header has no') || p.startsWith('record '));
}

/** The preview card, with Import and Cancel. */
export function ImportPreview({ name, preview, busy, onConfirm, onCancel }: { name: string; preview: Preview; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const refused = previewRefused(preview);
  const width = preview.header.length;
  return (
    <section class={styles.preview} data-testid="import-preview" aria-label="Import preview">
      <h3>Before importing {name}</h3>
      <p>
        {preview.rows} rows, separated by {SEPARATOR_NAMES[preview.separator]}, amounts with a decimal {preview.decimalMark === ',' ? 'comma' : 'point'}.
      </p>
      {!refused && (
        <p data-testid="preview-counts">
          {preview.created} new, {preview.updated} changed, {preview.rejected.length} refused.
        </p>
      )}
      {preview.problems.length > 0 && (
        <ul class="error" data-testid="preview-problems">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {preview.rejected.length > 0 && (
        <ul class={styles.rejected} data-testid="preview-refused">
          {preview.rejected.map((r) => (
            <li key={r.line}>
              Line {r.line}: {r.reason}
            </li>
          ))}
        </ul>
      )}
      <div class={styles.previewTable} tabIndex={0} role="region" aria-label="The file's first rows">
        <table data-testid="preview-rows">
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refused && <p class="error">Nothing in this file can be imported: correct it in the spreadsheet and choose it again.</p>}
      <div class="row">
        {!refused && (
          <button type="button" data-testid="csv-confirm" disabled={busy} onClick={onConfirm}>
            Import {preview.created + preview.updated} products
          </button>
        )}
        <button type="button" class="secondary" data-testid="csv-cancel" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
