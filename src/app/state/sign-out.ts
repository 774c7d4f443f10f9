/** Signing out: the lock button, switching user and the idle lock end this tab's sign-in in the worker too. */
import { db } from '../db';
import { setSignedIn, signedIn } from './session';

/** Ends this tab's sign-in, here at once and in the worker (which then refuses to record anyone for this tab). */
export function signOut(): void {
  const token = signedIn.value?.token;
  setSignedIn(null);
  if (!token) return;
  // If the database does not answer, the sign-in is still over here, and the worker drops it within a day.
  db()
    .send('staff.signOut', {}, { signIn: token })
    .catch(() => {});
}
