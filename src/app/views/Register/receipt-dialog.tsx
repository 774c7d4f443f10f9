/** The receipt after a completed sale: the change to hand back, the receipt, print buttons and "New sale". */
import { useRef } from 'preact/hooks';
import type { SaleDetail } from '../../../pos/sale';
import { Modal } from '../../components/Modal';
import { printReceipt, Receipt } from '../../components/Receipt';
import { money } from '../../state/shop';
import styles from './register.module.css';

/** Shown until `onClose` (New sale, Enter on it, or Esc); the focus starts on "New sale" every time. */
export function ReceiptDialog({ sale, onClose }: { sale: SaleDetail; onClose(): void }) {
  const newSale = useRef<HTMLButtonElement>(null);
  return (
    <Modal label="Sale complete" onClose={onClose} initialFocus={newSale} class={styles.done} testId="receipt-dialog">
      <h2 class={styles.dialogHead}>Sale complete</h2>
      {sale.changeDue > 0 && (
        <p class={styles.change}>
          Change due <strong data-testid="change-due">{money(sale.changeDue)}</strong>
        </p>
      )}
      <div class={styles.dialogBody} tabIndex={0} role="region" aria-label="Receipt">
        <Receipt sale={sale} />
      </div>
      <div class={styles.dialogActions}>
        <button type="button" class="secondary" data-testid="print-80" onClick={() => printReceipt(sale, '80mm')}>
          Print 80 mm
        </button>
        <button type="button" class="secondary" data-testid="print-a4" onClick={() => printReceipt(sale, 'a4')}>
          Print A4
        </button>
        <button ref={newSale} type="button" data-testid="new-sale" onClick={onClose}>
          New sale <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
