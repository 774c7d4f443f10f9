/**
 * Counting the drawer at close: how many of each note and coin of the shop's currency, summed into the cash
 * counted as the person types (the sum goes into the "Cash counted" field, which stays editable).
 */
import { useState } from 'preact/hooks';
import { cashDenominations } from '../../../pos/cash-notes';
import { countCash } from '../../../pos/z-report';
import { currency, digits, money } from '../../state/shop';

/** The count form; `onTotal` gets the sum in minor units after every change. */
export function DrawerCount({ onTotal }: { onTotal: (minor: number) => void }) {
  const pieces = cashDenominations(currency(), digits());
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const total = (next: Record<string, string>): number | null => {
    const byValue: Record<number, number> = {};
    for (const p of pieces) {
      const text = (next[`${p.kind}-${p.value}`] ?? '').trim();
      const n = text === '' ? 0 : Number(text);
      byValue[p.value] = (byValue[p.value] ?? 0) + n;
    }
    try {
      return countCash(byValue);
    } catch {
      return null;
    }
  };
  const change = (key: string, value: string) => {
    const next = { ...counts, [key]: value };
    setCounts(next);
    const sum = total(next);
    setError(sum === null ? 'Type how many of each note and coin as a whole number (0 or more).' : null);
    if (sum !== null) onTotal(sum);
  };
  const sum = total(counts);
  return (
    <fieldset class="drawer-count" data-testid="drawer-count">
      <legend>Count the notes and coins</legend>
      <div class="drawer-pieces">
        {pieces.map((p) => {
          const key = `${p.kind}-${p.value}`;
          return (
            <label key={key} class={p.kind}>
              <span>{money(p.value)}{p.kind === 'coin' && pieces.some((o) => o.kind === 'note' && o.value === p.value) ? ' coin' : ''}</span>
              <input type="number" min="0" step="1" inputMode="numeric" aria-label={`${money(p.value)} ${p.kind}s`} data-testid={`piece-${key}`}
                value={counts[key] ?? ''} onInput={(e) => change(key, e.currentTarget.value)} />
            </label>
          );
        })}
      </div>
      <p>
        Counted in cash: <strong data-testid="drawer-total">{sum === null ? '—' : money(sum)}</strong>
      </p>
      {error && <p class="error" role="alert">{error}</p>}
    </fieldset>
  );
}
