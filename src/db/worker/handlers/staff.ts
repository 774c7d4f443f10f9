/**
 * Staff: the owner made at first run (or asked of an upgraded shop once), managers and cashiers added with an
 * approval, sign-in by PIN with the lockout kept in the database, and the audit log. PINs are hashed here, in the
 * worker, so a PIN's hash never crosses to the UI. Hashing is asynchronous (WebCrypto), so the writes are tasks.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { AuditEntry, Role, StaffHandlers, StaffMember } from '../../protocol/staff';
import { hashPin, pinProblem } from '../../../pos/pin';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls } from '../runtime/processor';
import { checkPin, findStaff, listStaff, ownerExists } from '../staff/pins';
import { endSignIn, startSignIn } from '../staff/sign-in';

function checkName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > 60) throw new HandlerError('invalid', 'A name is 1 to 60 characters.');
  return trimmed;
}

async function addStaff(db: () => Database, name: unknown, role: Role, pin: unknown): Promise<StaffMember> {
  const clean = checkName(name);
  const problem = typeof pin === 'string' ? pinProblem(pin) : 'A PIN is 4 to 8 digits (0–9), nothing else.';
  if (problem) throw new HandlerError('invalid', problem);
  const hash = await hashPin(pin as string);
  const live = db();
  if (role === 'owner' && ownerExists(live)) throw new HandlerError('conflict', 'This shop already has its owner.');
  if (live.selectValue('SELECT 1 FROM staff WHERE active = 1 AND lower(name) = lower(?)', [clean]) !== undefined) {
    throw new HandlerError('conflict', `Someone called ${clean} already works here. Add a surname or an initial.`);
  }
  const id = live.selectValue(
    'INSERT INTO staff (name, role, pin_salt, pin_iterations, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
    [clean, role, hash.salt, hash.iterations, hash.hash, Date.now()],
  );
  return { id: Number(id), name: clean, role };
}

export const staffHandlers = {
  'staff.status': {
    kind: 'query',
    run: ({ db }) => ({ ownerExists: ownerExists(db), staff: listStaff(db) }),
  },
  'staff.createOwner': {
    kind: 'task',
    effect: 'write',
    run: (ctx, { name, pin }) => addStaff(() => ctx.db, name, 'owner', pin),
  },
  'staff.add': {
    kind: 'task',
    effect: 'write',
    run: (ctx, { name, role, pin }) => {
      if (role !== 'manager' && role !== 'cashier') throw new HandlerError('invalid', 'A new member of staff is a manager or a cashier.');
      return addStaff(() => ctx.db, name, role, pin);
    },
  },
  // Both write only the sign-in (and the lockout): a re-sent one signs in or out again, so neither is kept in the
  // request ledger, which would keep the token in clear.
  'staff.signIn': {
    kind: 'task',
    effect: 'read',
    run: async (ctx, { staffId, pin }) => {
      if (!findStaff(ctx.db, staffId)) throw new HandlerError('not-found', 'No one with that name works here any more.');
      const member = await checkPin(() => ctx.db, staffId, pin, Date.now, 'invalid');
      return { ...member, token: await startSignIn(() => ctx.db, member.id, ctx.signInToken) };
    },
  },
  'staff.signOut': {
    kind: 'task',
    effect: 'read',
    run: async (ctx) => ({ ended: await endSignIn(() => ctx.db, ctx.signInToken) }),
  },
  'audit.list': {
    kind: 'query',
    run: ({ db }) => ({
      entries: db
        .selectObjects('SELECT id, at, action, approver_name, approver_role, for_name, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT 1000')
        .map(
          (row): AuditEntry => ({
            id: Number(row.id),
            at: new Date(Number(row.at)).toISOString(),
            action: String(row.action),
            approver: String(row.approver_name),
            approverRole: String(row.approver_role) as AuditEntry['approverRole'],
            forName: row.for_name === null ? null : String(row.for_name),
            detail: row.detail === null ? null : String(row.detail),
          }),
        ),
    }),
  },
} satisfies HandlerImpls<StaffHandlers>;
