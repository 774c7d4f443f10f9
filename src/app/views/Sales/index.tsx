/**
 * The sales list: a day's sales (today by default), or a sale found by its number or its amount. Opening a sale
 * shows its receipt, ready to reprint, refund or void. A sale to refund is also found by typing its number or
 * scanning the code on its receipt, anywhere on this page.
 */
import { useState } from 'preact/hooks';
import { parseLocaleAmount } from '../../../pos/locale-amount';
import { useQuery } from '../../hooks/use-query';
import { dateTime, digits, locale, money } from '../../state/shop';
import { printReceipt, Receipt, saleNumberLabel } from '../../components/Receipt';
import { useScanner } from '../../hooks/use-scanner';
import { RefundDialog, type RefundMode } from './refund-dialog';
import styles from './sales.module.css';

/** The local calendar day `yyyy-mm-dd` as a UTC range [from, to). */
function dayRange(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { from: new Date(y, m - 1, d).toISOString(), to: new Date(y, m - 1, d + 1).toISOString() };
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function SalesView() {
  const [day, setDay] = useState(today());
  const [numberText, setNumberText] = useState('');
  const [amountText, setAmountText] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const number = /^\d+$/.test(numberText.trim()) ? Number(numberText.trim()) : undefined;
  const total = amountText.trim() ? (parseLocaleAmount(amountText, digits(), locale()) ?? -1) : undefined;
  // A number or an amount searches every day; otherwise the chosen day is listed.
  const range = number === undefined && total === undefined && day ? dayRange(day) : {};
  const list = useQuery('sales.list', { ...range, number, total, limit: 200 }, ['sales']);
  const open = useQuery('sales.get', { id: openId ?? '' }, ['sales']);
  const [refund, setRefund] = useState<{ query: string; mode: RefundMode } | null>(null);
  const [findText, setFindText] = useState('');
  // A receipt's code scanned anywhere on this page opens its refund.
  useScanner((code) => {
    if (!refund) setRefund({ query: code, mode: 'refund' });
  });

  return (
    <section class={styles.sales}>
      <div>
        <h1>Sales</h1>
        <form class={styles.filters} onSubmit={(e) => e.preventDefault()}>
          <label>
            Day <input type="date" data-testid="sales-day" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
          </label>
          <label>
            Sale no. <input inputMode="numeric" size={8} data-testid="sales-number" value={numberText} onInput={(e) => setNumberText(e.currentTarget.value)} />
          </label>
          <label>
            Amount <input inputMode="decimal" size={8} data-testid="sales-amount" value={amountText} onInput={(e) => setAmountText(e.currentTarget.value)} />
          </label>
        </form>
        <form
          class={styles.filters}
          onSubmit={(e) => {
            e.preventDefault();
            if (findText.trim()) setRefund({ query: findText.trim(), mode: 'refund' });
          }}
        >
          <label>
            Refund sale no. or code{' '}
            <input size={10} data-testid="refund-find" value={findText} onInput={(e) => setFindText(e.currentTarget.value)} />
          </label>
          <button type="submit" class="secondary" data-testid="refund-find-go">
            Find
          </button>
        </form>
        {list.data && (
          <p class={styles.summary} data-testid="sales-summary">
            {list.data.count} {list.data.count === 1 ? 'sale' : 'sales'}, {money(list.data.sum)}
          </p>
        )}
        <table class={styles.table}>
          <thead>
            <tr>
              <th>No.</th>
              <th>Time</th>
              <th class={styles.num}>Items</th>
              <th>Paid by</th>
              <th>By</th>
              <th class={styles.num}>Total</th>
            </tr>
          </thead>
          <tbody data-testid="sales-rows">
            {list.data?.sales.map((s) => (
              <tr
                key={s.id}
                class={s.id === openId ? styles.selected : ''}
                data-testid="sale-row"
                tabIndex={0}
                onClick={() => setOpenId(s.id)}
                onKeyDown={(e) => e.key === 'Enter' && setOpenId(s.id)}
              >
                <td>
                  {saleNumberLabel(s.number)}
                  {s.kind === 'refund' && <small class={styles.tag}> refund of {saleNumberLabel(s.refundOf ?? 0)}</small>}
                  {s.priceChanged && (
                    <small class={styles.tag} data-testid="sale-price-changed">
                      {' '}
                      price changed
                    </small>
                  )}
                  {s.voided && (
                    <small class={styles.tag} data-testid="sale-voided">
                      {' '}
                      voided
                    </small>
                  )}
                </td>
                <td>{dateTime(s.createdAt)}</td>
                <td class={styles.num}>{s.items}</td>
                <td>{s.methods.join(', ')}</td>
                <td data-testid="sale-staff">{s.staffName ?? ''}</td>
                <td class={styles.num}>{money(s.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data?.sales.length === 0 && <p class={styles.empty}>No sales found.</p>}
      </div>
      <aside class={styles.detail}>
        {open.data ? (
          <>
            <Receipt sale={open.data} />
            <div class={styles.actions}>
              <button type="button" class="secondary" data-testid="reprint-80" onClick={() => open.data && printReceipt(open.data, '80mm')}>
                Reprint 80 mm
              </button>
              <button type="button" class="secondary" onClick={() => open.data && printReceipt(open.data, 'a4')}>
                Reprint A4
              </button>
              {open.data.kind === 'sale' && !open.data.voided && (
                <>
                  <button type="button" data-testid="sale-refund" onClick={() => open.data && setRefund({ query: String(open.data.number), mode: 'refund' })}>
                    Refund…
                  </button>
                  <button type="button" class="secondary" data-testid="sale-void" onClick={() => open.data && setRefund({ query: String(open.data.number), mode: 'void' })}>
                    Void…
                  </button>
                </>
              )}
            </div>
          </>
        ) : (
          <p class={styles.empty}>Open a sale to see its receipt.</p>
        )}
      </aside>
      {refund && (
        <RefundDialog
          query={refund.query}
          mode={refund.mode}
          onClose={() => setRefund(null)}
          onDone={(receipt) => {
            setRefund(null);
            setOpenId(receipt.id);
          }}
        />
      )}
    </section>
  );
}
