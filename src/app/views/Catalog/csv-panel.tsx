/** Catalogue CSV: export every product, import a file with a report of the rows rejected and why. */
import { useState } from 'preact/hooks';
import type { ImportReport } from '../../../db/protocol/catalog';
import { CATALOG_COLUMNS } from '../../../pos/catalog-csv';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';

export function CsvPanel() {
  const [report, setReport] = useState<ImportReport | null>(null);
  const { run: importText, error } = useAction(async (file: File) => setReport(await db().send('catalog.importCsv', { csv: await file.text() })));

  const exportCsv = async () => {
    const { csv } = await db().send('catalog.exportCsv', {});
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `catalogue-${new Date().toISOString().slice(0, 10)}.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    await importText(file);
  };

  return (
    <div class="card csv">
      <h2>CSV</h2>
      <p class="hint">Columns: {CATALOG_COLUMNS.join(', ')}. Rows update the product with the same SKU (or barcode).</p>
      <div class="row">
        <button type="button" class="secondary" data-testid="csv-export" onClick={() => void exportCsv()}>
          Export catalogue
        </button>
        <label class="file">
          Import CSV <input type="file" accept=".csv,text/csv" data-testid="csv-import" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
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
            <ul class="rejected">
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
