/**
 * Taking the payment: cash (with quick buttons for the notes a customer is likely to hand over), card or other,
 * split across several; then completing the sale in one database transaction.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SaleDetail } from '../../../pos/sale';
import { parseDecimal, toDecimal } from '../../../pos/currency';
import { quickCashAmounts, type PaymentMethod } from '../../../pos/payments';
import { useAction } from '../../hooks/use-action';
import { cart, completeSale, settlement, totals, updateCart } from '../../state/cart';
import { digits, money } from '../../state/shop';

const LABEL: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** The payment dialog. `onDone` receives the recorded sale; `onCancel` goes back to the cart. */
export function PaymentPanel({ onDone, onCancel }: { onDone(sale: SaleDetail): void; onCancel(): void }) {
  const s = settlement.value;
  const total = totals.value.total;
  const [amount, setAmount] = useState(toDecimal(s.remaining, digits()));
  const { run: complete, busy, error, setError } = useAction(async () => onDone(await completeSale()));
  const amountRef = useRef<HTMLInputElement>(null);
  useEffect(() => setAmount(toDecimal(s.remaining, digits())), [s.remaining]);
  useEffect(() => amountRef.current?.select(), []);

  const addTender = (method: PaymentMethod, minor: number | null) => {
    if (minor === null || minor <= 0) return setError('Type the amount received, for example 20 or 12.50.');
    setError(null);
    updateCart((c) => ({ ...c, tenders: [...c.tenders, { method, amount: minor }] }));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
    if (e.key === 'F8' && s.complete && !s.error) {
      e.preventDefault();
      void complete();
    }
  };

  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-label="Payment" onKeyDown={onKey}>
      <div class="dialog payment">
        <h2>
          Payment <span data-testid="pay-total">{money(total)}</span>
        </h2>
        <ul class="tenders" data-testid="tenders">
          {(cart.value?.tenders ?? []).map((t, i) => (
            <li key={i}>
              <span>{LABEL[t.method]}</span>
              <span>{money(t.amount)}</span>
              <button
                type="button"
                class="remove"
                aria-label={`Remove ${LABEL[t.method]} ${money(t.amount)}`}
                onClick={() => updateCart((c) => ({ ...c, tenders: c.tenders.filter((_, j) => j !== i) }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {s.remaining > 0 && (
          <>
            <label class="amount">
              Amount received
              <input
                ref={amountRef}
                inputMode="decimal"
                data-testid="tender-amount"
                value={amount}
                onInput={(e) => setAmount(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Enter' && addTender('cash', parseDecimal(amount, digits()))}
              />
            </label>
            <div class="methods">
              {(['cash', 'card', 'other'] as const).map((method) => (
                <button key={method} type="button" data-testid={`tender-${method}`} onClick={() => addTender(method, parseDecimal(amount, digits()))}>
                  {LABEL[method]}
                </button>
              ))}
            </div>
            <div class="quick" aria-label="Quick cash">
              {quickCashAmounts(s.remaining, digits()).map((a) => (
                <button key={a} type="button" class="secondary" data-testid="quick-cash" onClick={() => addTender('cash', a)}>
                  {money(a)}
                </button>
              ))}
            </div>
          </>
        )}
        <dl class="sums">
          <dt>Paid</dt>
          <dd data-testid="pay-paid">{money(s.paid)}</dd>
          <dt>{s.change > 0 ? 'Change due' : 'Still to pay'}</dt>
          <dd class="grand" data-testid={s.change > 0 ? 'pay-change' : 'pay-remaining'}>
            {money(s.change > 0 ? s.change : s.remaining)}
          </dd>
        </dl>
        {(error ?? s.error) && (
          <p class="error" role="alert">
            {error ?? s.error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={onCancel}>
            Back <kbd>Esc</kbd>
          </button>
          <button type="button" data-testid="complete-sale" disabled={!s.complete || !!s.error || busy} onClick={() => void complete()}>
            Complete sale <kbd>F8</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
