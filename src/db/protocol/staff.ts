/** Staff, sign-in by PIN, approvals and the audit log. */

/** What a person may do: an owner everything, a manager approve, a cashier sell. */
export type Role = 'owner' | 'manager' | 'cashier';

/** A member of staff as the UI shows them (never their PIN or its hash). */
export interface StaffMember {
  id: number;
  name: string;
  role: Role;
}

/**
 * A manager's or owner's PIN given for one call. It travels in the request's envelope (`RequestMessage.approval`),
 * and the worker checks it before the call runs: an approval the UI did not ask for is still checked, and a call
 * that needs one is refused without it.
 */
export interface Approval {
  staffId: number;
  pin: string;
}

/** One approval as the audit log shows it. */
export interface AuditEntry {
  id: number;
  /** UTC ISO 8601. */
  at: string;
  action: string;
  approver: string;
  approverRole: 'owner' | 'manager';
  /** Who was signed in and asked, or null. */
  forName: string | null;
  detail: string | null;
}

export interface StaffHandlers {
  /** Who works here, and whether the shop has its owner yet (until it has, nothing needs an approval). */
  'staff.status': (args: Record<string, never>) => { ownerExists: boolean; staff: StaffMember[] };
  /** Creates the shop's owner; refused once one exists. */
  'staff.createOwner': (args: { name: string; pin: string }) => StaffMember;
  /** Adds a manager or cashier (approved by a manager or the owner). */
  'staff.add': (args: { name: string; role: 'manager' | 'cashier'; pin: string }) => StaffMember;
  /** Checks a PIN and answers who it is; refused while that person is locked out after wrong PINs. */
  'staff.signIn': (args: { staffId: number; pin: string }) => StaffMember;
  /** The audit log, newest first (the owner's approval). */
  'audit.list': (args: Record<string, never>) => { entries: AuditEntry[] };
}
