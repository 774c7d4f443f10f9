/**
 * Taking the payment: cash (with quick buttons for the notes a customer is likely to hand over), card or other,
 * split across several; then completing the sale in one database transaction.
 *
 * From the keyboard: the amount field opens with what is still to pay selected, so Enter takes it in cash (or a
 * typed amount); once the sale is paid the focus moves to "Complete sale", so Enter or F8 completes it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SaleDetail } from '../../../pos/sale';
import { quickCashFromNotes } from '../../../pos/cash-notes';
import { formatSignedMoney } from '../../../pos/currency';
import { parseLocaleAmount, toLocaleDecimal } from '../../../pos/locale-amount';
import type { PaymentMethod } from '../../../pos/payments';
import { useAction } from '../../hooks/use-action';
import { Modal } from '../../components/Modal';
import { cart, completeSale, settlement, totals, updateCart } from '../../state/cart';
import { currency, digits, locale, money } from '../../state/shop';
import styles from './register.module.css';

const LABEL: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** The payment dialog. `onDone` receives the recorded sale; `onCancel` goes back to the cart. */
export function PaymentPanel({ onDone, onCancel, notice }: { onDone(sale: SaleDetail): void; onCancel(): void; notice: string | null }) {
  const s = settlement.value;
  const total = totals.value.total;
  // What the cashier typed, for the amount still to pay when they typed it; a new remainder pre-fills afresh,
  // with what the rest takes in cash (rounded to the coin where the shop rounds cash).
  const [typed, setTyped] = useState<{ remaining: number; text: string } | null>(null);
  const untouched = typed?.remaining !== s.remaining;
  const amount = untouched ? toLocaleDecimal(s.cashRemaining, digits(), locale()) : typed.text;
  // A card or other payment of the untouched field is charged the exact rest, never the cash-rounded one.
  const typedOrExact = () => (untouched ? s.remaining : parseLocaleAmount(amount, digits(), locale()));
  const { run: completeNow, busy, error, setError } = useAction(async () => onDone(await completeSale()));
  const amountRef = useRef<HTMLInputElement>(null);
  const completeRef = useRef<HTMLButtonElement>(null);
  const ready = s.complete && !s.error;

  // The focus follows the payment: the amount while something is left to pay, "Complete sale" once paid.
  useLayoutEffect(() => {
    if (ready) completeRef.current?.focus();
    else if (amountRef.current) {
      amountRef.current.focus();
      amountRef.current.select();
    }
  }, [ready, s.remaining]);

  const addTender = (method: PaymentMethod, minor: number | null) => {
    if (minor === null || minor <= 0) return setError(`Type the amount received, for example 20 or ${toLocaleDecimal(1250, digits(), locale())}.`);
    setError(null);
    updateCart((c) => ({ ...c, tenders: [...c.tenders, { method, amount: minor }] }));
  };
  const complete = async () => {
    if (!busy) await completeNow();
  };

  // F8 completes from anywhere in the dialog (the focus may be on a button that has just disappeared).
  const completeKey = useRef(complete);
  completeKey.current = complete;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8') return;
      e.preventDefault();
      if (settlement.value.complete && !settlement.value.error) void completeKey.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Modal label="Payment" onClose={onCancel} initialFocus={ready ? completeRef : amountRef} testId="payment-dialog">
      <h2 class={styles.dialogHead}>
        Payment <span data-testid="pay-total">{money(total)}</span>
      </h2>
      <div class={styles.dialogBody}>
        <ul class={styles.tenders} data-testid="tenders">
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
            <label class={styles.amount}>
              Amount received <span class="hint">(Enter: cash)</span>
              <input
                ref={amountRef}
                inputMode="decimal"
                data-testid="tender-amount"
                value={amount}
                onInput={(e) => setTyped({ remaining: s.remaining, text: e.currentTarget.value })}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  addTender('cash', parseLocaleAmount(amount, digits(), locale()));
                }}
              />
            </label>
            <div class={styles.methods}>
              {(['cash', 'card', 'other'] as const).map((method) => (
                <button
                  key={method}
                  type="button"
                  data-testid={`tender-${method}`}
                  onClick={() => addTender(method, method === 'cash' ? parseLocaleAmount(amount, digits(), locale()) : typedOrExact())}
                >
                  {LABEL[method]}
                </button>
              ))}
            </div>
            <div class={styles.quick} role="group" aria-label="Quick cash">
              {quickCashFromNotes(s.cashRemaining, currency(), digits()).map((a) => (
                <button key={a} type="button" class="secondary" data-testid="quick-cash" onClick={() => addTender('cash', a)}>
                  {money(a)}
                </button>
              ))}
            </div>
          </>
        )}
        <dl class="sums">
          {s.rounding !== 0 && (
            <>
              <dt>Cash rounding</dt>
              <dd data-testid="pay-rounding">{formatSignedMoney(s.rounding, currency(), locale())}</dd>
            </>
          )}
          {s.rounding === 0 && s.cashRemaining !== s.remaining && (
            <>
              <dt>In cash (rounded to the coin)</dt>
              <dd data-testid="pay-cash-due">{money(s.cashRemaining)}</dd>
            </>
          )}
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
        {notice && (
          <p class={styles.notice} role="status" data-testid="pay-notice">
            {notice}
          </p>
        )}
      </div>
      <div class={styles.dialogActions}>
        <button type="button" class="secondary" onClick={onCancel}>
          Back <kbd>Esc</kbd>
        </button>
        <button ref={completeRef} type="button" data-testid="complete-sale" disabled={!ready || busy} onClick={() => void complete()}>
          Complete sale <kbd>F8</kbd>
        </button>
      </div>
    </Modal>
  );
}
