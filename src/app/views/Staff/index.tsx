/**
 * Staff: the owner made first (an upgraded shop is asked here; nothing is locked before), then managers and
 * cashiers added with a manager's or the owner's PIN, and the audit log of approvals, which the owner opens with
 * their PIN and can export as CSV.
 */
import { useState } from 'preact/hooks';
import type { AuditEntry } from '../../../db/protocol/staff';
import { toCsv } from '../../../pos/csv';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';
import { AuditTable } from './audit-table';
import './style.css';

function NewMember({ owner, onDone }: { owner: boolean; onDone(): void }) {
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<'manager' | 'cashier'>('cashier');
  const save = useAction(async () => {
    if (owner) await db().send('staff.createOwner', { name, pin });
    else await db().send('staff.add', { name, role, pin });
    setName('');
    setPin('');
    onDone();
  });
  return (
    <form
      class="staff-form"
      data-testid={owner ? 'owner-form' : 'staff-form'}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2>{owner ? 'Create the owner' : 'Add a member of staff'}</h2>
      {owner && <p>The owner approves refunds, restores and other data operations with their PIN. Until the owner exists, nothing is locked.</p>}
      <label>
        Name <input required maxLength={60} data-testid="staff-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      {!owner && (
        <label>
          Role{' '}
          <select data-testid="staff-role" value={role} onChange={(e) => setRole(e.currentTarget.value as 'manager' | 'cashier')}>
            <option value="cashier">Cashier</option>
            <option value="manager">Manager</option>
          </select>
        </label>
      )}
      <label>
        PIN (4–8 digits){' '}
        <input type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} data-testid="staff-pin" value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
      </label>
      <button type="submit" data-testid="staff-save" disabled={save.busy}>
        {owner ? 'Create the owner' : 'Add'}
      </button>
      {save.error && (
        <p class="error" role="alert" data-testid="staff-error">
          {save.error}
        </p>
      )}
    </form>
  );
}

/** Starts a download of `text` as a CSV file a spreadsheet opens (UTF-8 with its byte-order mark). */
function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function StaffView() {
  const status = useQuery('staff.status', {}, ['all']);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const openLog = useAction(async () => setEntries((await db().send('audit.list', {})).entries));

  if (!status.data) return <p class="boot">{status.error?.message ?? 'Loading…'}</p>;
  if (!status.data.ownerExists) return <NewMember owner onDone={status.reload} />;
  return (
    <section class="staff">
      <h1>Staff</h1>
      <table data-testid="staff-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
          </tr>
        </thead>
        <tbody>
          {status.data.staff.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{m.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewMember owner={false} onDone={status.reload} />
      <h2>Audit log</h2>
      <p>Who approved what, for whom and when. The owner’s PIN opens it.</p>
      <div class="row">
        <button type="button" data-testid="audit-open" disabled={openLog.busy} onClick={() => void openLog.run()}>
          {entries ? 'Refresh' : 'Show the audit log'}
        </button>
        {entries && (
          <button
            type="button"
            class="secondary"
            data-testid="audit-export"
            onClick={() =>
              downloadCsv(
                toCsv([
                  ['time (UTC)', 'action', 'approved by', 'role', 'for', 'detail'],
                  ...entries.map((e) => [e.at, e.action, e.approver, e.approverRole, e.forName ?? '', e.detail ?? '']),
                ]),
                'tillite-audit-log.csv',
              )
            }
          >
            Export as CSV
          </button>
        )}
      </div>
      {openLog.error && (
        <p class="error" role="alert" data-testid="audit-error">
          {openLog.error}
        </p>
      )}
      {entries && <AuditTable entries={entries} />}
    </section>
  );
}
