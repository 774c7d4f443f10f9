/**
 * Refunding or voiding a completed sale: the sale found by its number or its receipt's code, the lines with what
 * is left to refund, a reason, how the money goes back, and then the refund's receipt. Nothing is checked only
 * here: the worker refuses more than was sold and asks for a manager's or the owner's PIN (the approval dialog
 * opens by itself, state/approval.ts).
 */
import { useState } from 'preact/hooks';
import type { RefundMethod, RefundableSale } from '../../../db/protocol/refunds';
import type { SaleDetail } from '../../../pos/sale';
import { planRefund } from '../../../pos/refund-limits';
import { Modal } from '../../components/Modal';
import { printReceipt, Receipt, saleNumberLabel } from '../../components/Receipt';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';
import { registerId } from '../../state/register';
import { money } from '../../state/shop';
import styles from './sales.module.css';

/** What the dialog does: refund lines, or void the whole sale. */
export type RefundMode = 'refund' | 'void';

interface Props {
  /** The sale's number or its receipt's code, as typed or scanned. */
  query: string;
  mode: RefundMode;
  onClose(): void;
  /** The refund (or void) was recorded: its receipt. */
  onDone(receipt: SaleDetail): void;
}

export function RefundDialog({ query, mode, onClose, onDone }: Props) {
  const found = useQuery('refund.find', { query }, ['sales']);
  const [done, setDone] = useState<SaleDetail | null>(null);
  const title = mode === 'void' ? 'Void a sale' : 'Refund';
  return (
    <Modal label={title} onClose={onClose} class={styles.refundDialog} testId="refund-dialog">
      <h2>{title}</h2>
      {found.error && (
        <p class="error" role="alert" data-testid="refund-error">
          {found.error.message}
        </p>
      )}
      {done ? (
        <>
          <p data-testid="refund-done">{done.isVoid ? 'The sale is voided.' : 'The refund is recorded.'} Give back {money(-done.paid)}.</p>
          <Receipt sale={done} />
          <div class="dialog-actions">
            <button type="button" data-testid="refund-print" onClick={() => printReceipt(done, '80mm')}>
              Print
            </button>
            <button type="button" class="secondary" data-testid="refund-close" onClick={() => onDone(done)}>
              Done
            </button>
          </div>
        </>
      ) : (
        found.data && <RefundForm found={found.data} mode={mode} onCancel={onClose} onRecorded={setDone} />
      )}
      {!found.data && (
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Modal>
  );
}

function RefundForm({ found, mode, onCancel, onRecorded }: { found: RefundableSale; mode: RefundMode; onCancel(): void; onRecorded(r: SaleDetail): void }) {
  const { sale } = found;
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<RefundMethod>('original');
  const submit = useAction(async () => {
    // Recorded as given by whoever is signed in here: the worker knows it from this tab's sign-in.
    const receipt =
      mode === 'void'
        ? await db().send('sale.void', { saleNumber: sale.number, reason, registerId: registerId() })
        : await db().send('refund.create', {
            saleNumber: sale.number,
            lines: Object.entries(quantities).map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity })),
            reason,
            method,
            registerId: registerId(),
          });
    onRecorded(receipt);
  });
  const left = (l: RefundableSale['lines'][number]) => l.quantity - l.refundedQty;
  const plan = planRefund(found.lines, Object.entries(quantities).map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity })));
  const blocked = found.voided
    ? `Sale ${saleNumberLabel(sale.number)} was voided: there is nothing left to refund.`
    : mode === 'void' && found.refunds.length > 0
      ? 'Part of this sale was already refunded, so it cannot be voided. Refund what is left instead.'
      : found.lines.every((l) => left(l) === 0)
        ? 'Everything on this sale was refunded already.'
        : null;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run();
      }}
    >
      <p data-testid="refund-sale">
        Sale {saleNumberLabel(sale.number)}, {money(sale.total)}
        {sale.staffName && `, rung up by ${sale.staffName}`}
      </p>
      {found.refunds.length > 0 && (
        <ul class={styles.earlier} data-testid="refund-earlier">
          {found.refunds.map((r) => (
            <li key={r.number}>
              {r.isVoid ? 'Voided' : 'Refunded'} {money(r.total)} (no. {saleNumberLabel(r.number)}): {r.reason}
            </li>
          ))}
        </ul>
      )}
      <table class={styles.table}>
        <thead>
          <tr>
            <th>Item</th>
            <th class={styles.num}>Sold</th>
            <th class={styles.num}>Refunded</th>
            {mode === 'refund' && <th class={styles.num}>Refund now</th>}
          </tr>
        </thead>
        <tbody>
          {found.lines.map((l) => (
            <tr key={l.lineNo} data-testid="refund-line">
              <td>{l.name}</td>
              <td class={styles.num}>{l.quantity}</td>
              <td class={styles.num}>{l.refundedQty}</td>
              {mode === 'refund' && (
                <td class={styles.num}>
                  <input
                    type="number"
                    min={0}
                    max={left(l)}
                    step={1}
                    size={4}
                    aria-label={`How many ${l.name} to refund`}
                    data-testid="refund-qty"
                    disabled={left(l) === 0}
                    value={quantities[l.lineNo] ?? 0}
                    onInput={(e) => setQuantities({ ...quantities, [l.lineNo]: Math.max(0, Math.trunc(Number(e.currentTarget.value) || 0)) })}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {mode === 'refund' && (
        <p>
          <button type="button" class="secondary" data-testid="refund-all" onClick={() => setQuantities(Object.fromEntries(found.lines.map((l) => [l.lineNo, left(l)])))}>
            Everything left
          </button>{' '}
          <span data-testid="refund-preview">
            {plan.ok ? `To give back: ${money(plan.total)}${sale.pricesIncludeTax ? '' : ' plus tax'}` : Object.values(quantities).some((q) => q > 0) ? plan.error : ''}
          </span>
        </p>
      )}
      <label class={styles.field}>
        Reason <input data-testid="refund-reason" maxLength={200} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      {mode === 'refund' && (
        <label class={styles.field}>
          Give the money back{' '}
          <select data-testid="refund-method" value={method} onChange={(e) => setMethod(e.currentTarget.value as RefundMethod)}>
            <option value="original">the way it was paid ({sale.payments.map((p) => p.method).join(', ')})</option>
            <option value="cash">in cash</option>
          </select>
        </label>
      )}
      {(blocked || submit.error) && (
        <p class="error" role="alert" data-testid="refund-form-error">
          {blocked ?? submit.error}
        </p>
      )}
      <div class="dialog-actions">
        <button type="submit" data-testid="refund-submit" disabled={submit.busy || blocked !== null || !reason.trim() || (mode === 'refund' && !plan.ok)}>
          {mode === 'void' ? 'Void the sale' : 'Refund'}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
