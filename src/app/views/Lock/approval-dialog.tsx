/**
 * The approval dialog: shown whenever the worker asks for a manager's or the owner's PIN (state/approval.ts). The
 * approver picks their name and types their PIN; the call is sent again with it. Nothing is approved here: the
 * worker checks the PIN.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StaffMember } from '../../../db/protocol/staff';
import { Modal } from '../../components/Modal';
import { db } from '../../db';
import { pendingApproval } from '../../state/approval';

export function ApprovalDialog() {
  const pending = pendingApproval.value;
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [pin, setPin] = useState('');

  useEffect(() => {
    if (!pending) return;
    setPin('');
    void db()
      .send('staff.status', {})
      .then(({ staff: all }) => {
        const approvers = all.filter((m) => pending.roles.includes(m.role));
        setStaff(approvers);
        setStaffId((current) => (approvers.some((m) => m.id === current) ? current : (approvers[0]?.id ?? null)));
      });
  }, [pending]);

  if (!pending) return null;
  // A native modal (top layer): it opens over any dialog that asked for the approval (a restore's), which the
  // browser makes inert behind it.
  return (
    <Modal label="Approval needed" onClose={() => pending.answer(null)}>
      <form
        class="dialog"
        aria-labelledby="approval-title"
        data-testid="approval-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (staffId !== null) pending.answer({ staffId, pin });
        }}
      >
        <h2 id="approval-title">Approval needed</h2>
        <p role="alert" data-testid="approval-message">{pending.message}</p>
        <label>
          Approved by{' '}
          <select data-testid="approval-staff" value={staffId ?? ''} onChange={(e) => setStaffId(Number(e.currentTarget.value))}>
            {staff.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.role})
              </option>
            ))}
          </select>
        </label>
        <label>
          PIN{' '}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            data-testid="approval-pin"
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </label>
        <div class="dialog-actions">
          <button type="submit" data-testid="approval-ok" disabled={staffId === null || pin.length < 4}>
            Approve
          </button>
          <button type="button" class="secondary" data-testid="approval-cancel" onClick={() => pending.answer(null)}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
