/**
 * Catalogue CSV: export every product for a spreadsheet in the shop's locale; import a file after a preview of
 * what it would do (see import-preview.tsx), then a report of the rows imported and refused.
 */
import { useState } from 'preact/hooks';
import type { ImportPreview as Preview, ImportReport } from '../../../db/protocol/catalog';
import { CATALOG_COLUMNS } from '../../../pos/catalog-csv';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { ImportPreview } from './import-preview';
import styles from './catalog.module.css';

export function CsvPanel() {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pending, setPending] = useState<{ name: string; csv: string; preview: Preview } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const { run: previewFile, error: previewError } = useAction(async (file: File) => {
    const csv = await file.text();
    setPending({ name: file.name, csv, preview: await db().send('catalog.previewCsv', { csv }) });
  });
  const { run: importNow, busy, error: importError } = useAction(async (csv: string) => {
    setReport(await db().send('catalog.importCsv', { csv }));
    setPending(null);
  });
  const error = previewError ?? importError;

  const exportCsv = async () => {
    const { csv } = await db().send('catalog.exportCsv', {});
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `catalogue-${new Date().toISOString().slice(0, 10)}.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    setPending(null);
    await previewFile(file);
  };
  // A new input each time, so that choosing the same file again (after correcting it) is seen as a choice.
  const reset = () => {
    setPending(null);
    setInputKey((k) => k + 1);
  };

  return (
    <div class="card">
      <h2>CSV</h2>
      <p class={styles.hint}>
        Columns: {CATALOG_COLUMNS.join(', ')}. Rows update the product with the same SKU (or barcode). Files from a spreadsheet work as
        saved (commas or semicolons, decimal points or commas); you see what a file would change before it is imported.
      </p>
      <div class="row">
        <button type="button" class="secondary" data-testid="csv-export" onClick={() => void exportCsv()}>
          Export catalogue
        </button>
        <label class={styles.file}>
          Import CSV{' '}
          <input key={inputKey} type="file" accept=".csv,text/csv,text/plain" data-testid="csv-import" onChange={(e) => void chooseFile(e.currentTarget.files?.[0])} />
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {pending && (
        <ImportPreview
          name={pending.name}
          preview={pending.preview}
          busy={busy}
          onConfirm={() => void importNow(pending.csv).then(() => setInputKey((k) => k + 1))}
          onCancel={reset}
        />
      )}
      {report && (
        <div class="report" data-testid="import-report">
          <p>
            {report.created} created, {report.updated} updated, {report.rejected.length} rejected.
          </p>
          {report.problems.length > 0 && (
            <ul class="error">
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {report.rejected.length > 0 && (
            <ul class={styles.rejected}>
              {report.rejected.map((r) => (
                <li key={r.line}>
                  Line {r.line}: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
