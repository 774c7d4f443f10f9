/**
 * The till's rules a manager may change: after how many idle minutes the app locks, and above which discount a
 * sale needs a manager's or the owner's PIN. Saving asks for that approval (the worker enforces it).
 */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';

export function TillRules() {
  const current = useQuery('staffSettings.get', {}, ['settings', 'all']);
  const [minutes, setMinutes] = useState('');
  const [percent, setPercent] = useState('');
  useEffect(() => {
    if (!current.data) return;
    setMinutes(String(current.data.idleLockMinutes));
    setPercent(String(current.data.discountLimitBp / 100));
  }, [current.data]);
  const save = useAction(async () => {
    const idleLockMinutes = Number(minutes);
    const discountLimitBp = Math.round(Number(percent.replace(',', '.')) * 100);
    if (!/^\d+$/.test(minutes.trim()) || !Number.isFinite(discountLimitBp)) {
      throw new Error('Enter whole minutes and a percentage (such as 10 or 12.5).');
    }
    await db().send('staffSettings.save', { idleLockMinutes, discountLimitBp });
  });
  return (
    <form
      class="till-rules"
      data-testid="till-rules"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2>Till rules</h2>
      <label>
        Lock after{' '}
        <input inputMode="numeric" size={4} data-testid="rules-idle" value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} /> idle
        minutes (0: never)
      </label>
      <label>
        A manager approves discounts above{' '}
        <input inputMode="decimal" size={5} data-testid="rules-discount" value={percent} onInput={(e) => setPercent(e.currentTarget.value)} /> %
      </label>
      <button type="submit" class="secondary" data-testid="rules-save" disabled={save.busy}>
        Save the rules
      </button>
      {save.error && (
        <p class="error" role="alert">
          {save.error}
        </p>
      )}
    </form>
  );
}
