/** The audit log as a table: when (in the shop's locale), what, approved by whom, for whom. */
import type { AuditEntry } from '../../../db/protocol/staff';
import { dateTime } from '../../state/shop';

/** Words for the calls an approval is for. */
const ACTIONS: Record<string, string> = {
  'backup.restore': 'Restore a backup',
  'backup.delete': 'Delete a backup',
  'backup.setInterval': 'Change the backup schedule',
  'data.empty': 'Empty the database',
  'transfer.import': 'Import a database file',
  'transfer.setReminderDays': 'Change the export reminder',
  'catalog.importCsv': 'Import products',
  'shop.save': 'Change the shop’s settings',
  'shop.loadSample': 'Load the sample shop',
  'staff.add': 'Add a member of staff',
  'audit.list': 'Read the audit log',
  'sales.commit': 'Ring up a sale',
  'refund.create': 'Give a refund',
  'sale.void': 'Void a sale',
};

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p data-testid="audit-empty">No approvals yet.</p>;
  return (
    <table data-testid="audit-log">
      <thead>
        <tr>
          <th>When</th>
          <th>What</th>
          <th>Approved by</th>
          <th>For</th>
          <th>About</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-action={e.action}>
            <td>{dateTime(e.at)}</td>
            <td>{ACTIONS[e.action] ?? e.action}</td>
            <td>
              {e.approver} ({e.approverRole})
            </td>
            <td>{e.forName ?? '—'}</td>
            <td>{e.detail ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
