/**
 * The lock screen: who is at the till. A person picks their name and enters their PIN; the worker checks it and
 * applies the lockout (five wrong PINs: 30 seconds, then longer), which it keeps in the database, so a reload does
 * not lift it. It is also the screen the idle lock shows (state/idle-lock.ts), and where a manager sets the till's
 * rules (the idle time, the discount that needs approval).
 */
import { useState } from 'preact/hooks';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';
import { idleLocked } from '../../state/idle-lock';
import { setSignedIn, signedIn } from '../../state/session';
import { signOut } from '../../state/sign-out';
import { TillRules } from './till-rules';

export function LockView() {
  const status = useQuery('staff.status', {}, ['all']);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const signIn = useAction(async (id: number, value: string) => {
    setPin('');
    setSignedIn(await db().send('staff.signIn', { staffId: id, pin: value }));
  });
  const staff = status.data?.staff ?? [];
  const chosen = staffId ?? staff[0]?.id ?? null;
  const me = signedIn.value;

  if (status.data && staff.length === 0) {
    return <p data-testid="lock-no-staff">No staff yet: the owner is created on the Staff page. Until then nothing is locked.</p>;
  }
  return (
    <section class="lock">
      <h1>Who is at the till?</h1>
      {idleLocked.value && (
        <p data-testid="idle-locked" role="status">
          The till locked itself after a while without use. Sign in with your PIN to carry on.
        </p>
      )}
      <p data-testid="signed-in">{me ? `Signed in: ${me.name} (${me.role})` : 'No one is signed in.'}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen !== null) void signIn.run(chosen, pin);
        }}
      >
        <label>
          Name{' '}
          <select data-testid="lock-staff" value={chosen ?? ''} onChange={(e) => setStaffId(Number(e.currentTarget.value))}>
            {staff.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          PIN{' '}
          <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} data-testid="lock-pin" value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="lock-sign-in" disabled={signIn.busy || pin.length < 4}>
          Sign in
        </button>
        {me && (
          <button type="button" class="secondary" data-testid="lock-sign-out" onClick={signOut}>
            Sign out
          </button>
        )}
      </form>
      {signIn.error && (
        <p class="error" role="alert" data-testid="lock-error">
          {signIn.error}
        </p>
      )}
      {!idleLocked.value && <TillRules />}
    </section>
  );
}
