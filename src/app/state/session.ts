/**
 * Who is signed in at this till. Kept for the tab's session (a reload keeps it, closing the tab forgets it); the
 * worker never trusts it for anything but the audit log's "for whom": approvals are checked by PIN, every time.
 */
import { signal } from '@preact/signals';
import type { StaffMember } from '../../db/protocol/staff';

const KEY = 'tillite.signed-in';

function restore(): StaffMember | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as StaffMember) : null;
  } catch {
    return null;
  }
}

/** The member of staff signed in here, or null. */
export const signedIn = signal<StaffMember | null>(restore());

/** Signs `member` in (or everyone out, with null). */
export function setSignedIn(member: StaffMember | null): void {
  signedIn.value = member;
  try {
    if (member) sessionStorage.setItem(KEY, JSON.stringify(member));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without session storage the sign-in lasts until a reload; nothing else depends on it.
  }
}
