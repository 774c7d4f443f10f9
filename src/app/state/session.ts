/**
 * Who is signed in at this till. Kept for the tab's session (a reload keeps it, closing the tab forgets it). The
 * worker holds the sign-in itself (`staff.signIn` made it after checking the PIN); the tab keeps its name, to show,
 * and its token, which every call carries: the worker records the person of that sign-in as who rang up, refunded
 * or moved cash, never an id the page names.
 */
import { signal } from '@preact/signals';
import type { SignedIn } from '../../db/protocol/staff';

const KEY = 'tillite.signed-in';

function restore(): SignedIn | null {
  try {
    const text = sessionStorage.getItem(KEY);
    const member = text ? (JSON.parse(text) as SignedIn) : null;
    // A sign-in kept by an older version has no token: the worker would not know it, so sign in again.
    return member && typeof member.token === 'string' ? member : null;
  } catch {
    return null;
  }
}

/** The member of staff signed in here, or null. */
export const signedIn = signal<SignedIn | null>(restore());

/**
 * Remembers `member`'s sign-in here (or that no one is signed in, with null). Ending the worker's sign-in is
 * `signOut` (state/sign-out.ts); this only changes what the tab keeps.
 */
export function setSignedIn(member: SignedIn | null): void {
  signedIn.value = member;
  try {
    if (member) sessionStorage.setItem(KEY, JSON.stringify(member));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without session storage the sign-in lasts until a reload; nothing else depends on it.
  }
}
