/**
 * The import preview's word on whether the file is still what Tillite wrote: its rows beside the record of its
 * contents (the manifest) written into it. A file changed since is not refused (a person may have edited it on
 * purpose): the tables that changed are named, and the import waits for an explicit "I know".
 */
import type { ChangedTable, ManifestCheck } from '../../../db/protocol/transfer';
import { friendlyTime } from '../../backup-labels';
import { locale } from '../../state/shop';

/** What a table holds, in a shop owner's words. */
const TABLE_WORDS: Record<string, string> = {
  sales: 'sales',
  sale_lines: 'the lines of sales',
  sale_taxes: 'the tax of sales',
  sale_payments: 'payments',
  stock_movements: 'stock changes',
  products: 'products',
  categories: 'categories',
  line_items: 'products as they were sold',
  shop: "the shop's details",
  shop_details: "the shop's details on receipts",
  registers: 'tills',
  carts: 'open carts',
  staff: 'staff',
  audit_log: 'the staff log',
  shifts: 'shifts',
  cash_moves: 'cash in and out',
  z_reports: 'end-of-day reports',
  schema_migrations: 'the record of database updates',
  app_meta: "the database's own notes",
  applied_requests: 'the record of recent changes',
  sequences: 'receipt numbers',
};

const rows = (n: number) => `${n.toLocaleString(locale())} ${n === 1 ? 'row' : 'rows'}`;

/** "sales (412 rows then, 411 now)". */
function changedInWords(t: ChangedTable): string {
  const name = TABLE_WORDS[t.table] ?? t.table.replaceAll('_', ' ');
  if (t.recordedRows === null) return `${name} (added since)`;
  if (t.actualRows === null) return `${name} (removed since)`;
  return t.recordedRows === t.actualRows ? `${name} (${rows(t.actualRows)}, some changed)` : `${name} (${rows(t.recordedRows)} then, ${rows(t.actualRows)} now)`;
}

/** True when the import must wait for the person to confirm the changes. */
export function needsConsent(check: ManifestCheck): boolean {
  return check.status === 'changed' || check.status === 'unreadable';
}

/** The note, and the consent box when the file changed. */
export function ImportContents({ check, consent, onConsent }: { check: ManifestCheck; consent: boolean; onConsent(value: boolean): void }) {
  return (
    <div data-testid="import-manifest" data-status={check.status}>
      {check.status === 'match' && <p>Its contents are exactly as Tillite wrote them ({friendlyTime(check.takenAt)}).</p>}
      {check.status === 'none' && (
        <p class="muted">
          This file carries no record of its contents (an older Tillite or another program made it), so Tillite cannot tell whether it was changed
          since it was written. It passed every other check.
        </p>
      )}
      {needsConsent(check) && (
        <>
          <p class="error" role="alert" data-testid="import-changed">
            {check.status === 'changed'
              ? `This file was changed after Tillite wrote it (${friendlyTime(check.takenAt)}): ${check.tables.map(changedInWords).join('; ')}.`
              : 'The record of this file’s contents cannot be read, so Tillite cannot tell what in it was changed.'}{' '}
            If you did not change it on purpose, use another copy.
          </p>
          <label class="row">
            <input type="checkbox" data-testid="import-accept-changed" checked={consent} onChange={(e) => onConsent(e.currentTarget.checked)} />I
            know this file was changed and I want to use it
          </label>
        </>
      )}
    </div>
  );
}
