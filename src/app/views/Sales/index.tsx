/**
 * The sales list: a day's sales (today by default), or a sale found by its number or its amount. Opening a sale
 * shows its receipt, ready to reprint.
 */
import { useState } from 'preact/hooks';
import { parseLocaleAmount } from '../../../pos/locale-amount';
import { useQuery } from '../../hooks/use-query';
import { dateTime, digits, locale, money } from '../../state/shop';
import { printReceipt, Receipt, saleNumberLabel } from '../../components/Receipt';
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
                <td>{saleNumberLabel(s.number)}</td>
                <td>{dateTime(s.createdAt)}</td>
                <td class={styles.num}>{s.items}</td>
                <td>{s.methods.join(', ')}</td>
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
            </div>
          </>
        ) : (
          <p class={styles.empty}>Open a sale to see its receipt.</p>
        )}
      </aside>
    </section>
  );
}
