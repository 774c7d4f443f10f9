/**
 * Checking a member of staff's PIN against the database, with the lockout rule applied and its state written
 * back in the same row: a reload, a crash or another tab sees the same lock. Used by sign-in and by approvals.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { Role, StaffMember } from '../../protocol/staff';
import { afterFailure, CLEAR, lockedFor, lockoutMessage } from '../../../pos/lockout';
import { verifyPin } from '../../../pos/pin';
import { HandlerError } from '../runtime/errors';
import { rowOnce, stepOnce } from '../storage/prepared';

type Row = Record<string, unknown>;

const member = (row: Row): StaffMember => ({ id: Number(row.id), name: String(row.name), role: String(row.role) as Role });

/** Whether the shop has an active owner (until it has, nothing is locked). */
export function ownerExists(db: Database): boolean {
  // Asked by every approval and every sale: prepared once.
  return stepOnce(db, "SELECT 1 FROM staff WHERE role = 'owner' AND active = 1 LIMIT 1") !== undefined;
}

/** The active staff, owner first, then by name. */
export function listStaff(db: Database): StaffMember[] {
  return db
    .selectObjects("SELECT id, name, role FROM staff WHERE active = 1 ORDER BY role = 'owner' DESC, role = 'manager' DESC, name")
    .map(member);
}

/** The active member with this id, or null. */
export function findStaff(db: Database, id: number): StaffMember | null {
  const row = rowOnce(db, 'SELECT id, name, role FROM staff WHERE id = ? AND active = 1', [id]);
  return row ? member(row) : null;
}

/**
 * Checks `pin` for staff member `staffId` at `now` (UTC ms). Answers the member when right; throws `locked-out`
 * (without checking the PIN) while locked, `approval-required`/`invalid` when wrong, counting the failure.
 * `wrongCode` is the code a wrong PIN fails with (an approval and a sign-in are refused differently).
 */
export async function checkPin(
  db: () => Database,
  staffId: number,
  pin: string,
  now: () => number,
  wrongCode: 'invalid' | 'approval-required',
): Promise<StaffMember> {
  const row = db().selectObject(
    'SELECT id, name, role, pin_salt, pin_iterations, pin_hash, failures, locked_until FROM staff WHERE id = ? AND active = 1',
    [staffId],
  );
  if (!row) throw new HandlerError('not-found', 'No one with that name works here any more. Choose another name.');
  const state = { failures: Number(row.failures), lockedUntil: row.locked_until === null ? null : Number(row.locked_until) };
  const wait = lockedFor(state, now());
  if (wait > 0) throw new HandlerError('locked-out', lockoutMessage(wait), { retryInMs: wait, staffId });
  const right = await verifyPin(String(pin), {
    salt: String(row.pin_salt),
    iterations: Number(row.pin_iterations),
    hash: String(row.pin_hash),
  });
  // The database may have been swapped (a restore) while the hash ran: write to the live one, by id.
  const after = right ? CLEAR : afterFailure(state, now());
  db().exec('UPDATE staff SET failures = ?, locked_until = ? WHERE id = ?', { bind: [after.failures, after.lockedUntil, staffId] });
  if (right) return member(row);
  if (after.lockedUntil !== null) {
    const ms = after.lockedUntil - now();
    throw new HandlerError('locked-out', lockoutMessage(ms), { retryInMs: ms, staffId });
  }
  throw new HandlerError(wrongCode, `That PIN is not right for ${String(row.name)}. Try again.`, { staffId });
}
