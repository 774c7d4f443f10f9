/** Staff, sign-in by PIN, approvals and the audit log. */

/** What a person may do: an owner everything, a manager approve, a cashier sell. */
export type Role = 'owner' | 'manager' | 'cashier';

/** A member of staff as the UI shows them (never their PIN or its hash). */
export interface StaffMember {
  id: number;
  name: string;
  role: Role;
}

/** A sign-in: who, and the token the tab sends with its calls (opaque; the worker keeps only its hash). */
export interface SignedIn extends StaffMember {
  token: string;
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
  /**
   * Checks a PIN and signs that person in at this till: answers who it is and the token of the sign-in, which the
   * tab sends with its calls (`RequestMessage.signIn`); the sign-in the call carried, if any, ends (switching user).
   * Refused while that person is locked out after wrong PINs.
   */
  'staff.signIn': (args: { staffId: number; pin: string }) => SignedIn;
  /** Ends this till's sign-in (lock, sign out, the idle lock). */
  'staff.signOut': (args: Record<string, never>) => { ended: boolean };
  /** The audit log, newest first (the owner's approval). */
  'audit.list': (args: Record<string, never>) => { entries: AuditEntry[] };
}
