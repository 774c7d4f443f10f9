/**
 * A sale's receipt: shop details, sale number, lines, tax per rate, payments and change. The same component is
 * shown on screen and printed (80 mm roll or A4) through {@link PrintArea}.
 */
import { Fragment } from 'preact';
import { signal } from '@preact/signals';
import type { SaleDetail } from '../../../pos/sale';
import { formatMoney, formatPercent } from '../../../pos/currency';
import './style.css';

/** Paper sizes the receipt is laid out for. */
export type Paper = '80mm' | 'a4';

const METHOD_LABEL = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

/** The receipt number as printed: zero-padded so receipts sort and read alike. */
export function saleNumberLabel(number: number): string {
  return String(number).padStart(6, '0');
}

/** One receipt. */
export function Receipt({ sale }: { sale: SaleDetail }) {
  const m = (minor: number) => formatMoney(minor, sale.currency);
  const cashBack = sale.changeDue;
  return (
    <article class="receipt" data-testid="receipt">
      <header>
        <h2 data-testid="receipt-shop">{sale.shop.name}</h2>
        {sale.shop.address && <p>{sale.shop.address}</p>}
        {sale.shop.phone && <p>Tel. {sale.shop.phone}</p>}
        {sale.shop.taxNumber && <p>VAT/Tax no. {sale.shop.taxNumber}</p>}
      </header>
      <p class="receipt-meta">
        <span data-testid="receipt-number">
          {sale.kind === 'refund' ? 'Refund' : 'Sale'} no. {saleNumberLabel(sale.number)}
        </span>
        <time dateTime={sale.createdAt}>{new Date(sale.createdAt).toLocaleString()}</time>
      </p>
      <table class="receipt-lines">
        <tbody>
          {sale.lines.map((line) => (
            <tr key={line.lineNo}>
              <td>
                {line.name}
                <small>
                  {line.quantity} × {m(line.unitPrice)}
                  {line.discount > 0 && ` − ${m(line.discount)}`}
                </small>
              </td>
              <td class="num">{m(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="receipt-sums">
        {sale.discountTotal > 0 && (
          <>
            <dt>Subtotal</dt>
            <dd>{m(sale.subtotal)}</dd>
            <dt>Discounts</dt>
            <dd>− {m(sale.discountTotal)}</dd>
          </>
        )}
        {!sale.pricesIncludeTax && (
          <>
            <dt>Net</dt>
            <dd>{m(sale.total - sale.taxTotal)}</dd>
            <dt>Tax</dt>
            <dd>{m(sale.taxTotal)}</dd>
          </>
        )}
        <dt class="grand">Total</dt>
        <dd class="grand" data-testid="receipt-total">
          {m(sale.total)}
        </dd>
      </dl>
      <table class="receipt-taxes" data-testid="receipt-taxes">
        <thead>
          <tr>
            <th>Tax rate</th>
            <th class="num">Net</th>
            <th class="num">Tax</th>
            <th class="num">Gross</th>
          </tr>
        </thead>
        <tbody>
          {sale.taxes.map((band) => (
            <tr key={band.taxBp}>
              <td>{formatPercent(band.taxBp)}</td>
              <td class="num">{m(band.net)}</td>
              <td class="num">{m(band.tax)}</td>
              <td class="num">{m(band.gross)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="receipt-sums" data-testid="receipt-payments">
        {sale.payments.map((p, i) => (
          <Fragment key={i}>
            <dt>{METHOD_LABEL[p.method]}</dt>
            <dd>{m(p.tendered)}</dd>
          </Fragment>
        ))}
        {cashBack > 0 && (
          <>
            <dt>Change</dt>
            <dd data-testid="receipt-change">{m(cashBack)}</dd>
          </>
        )}
      </dl>
      <p class="receipt-thanks">Thank you!</p>
    </article>
  );
}

/** What is being printed right now. */
const printing = signal<{ sale: SaleDetail; paper: Paper } | null>(null);

/** Prints `sale` on `paper`: renders it into the print area, then opens the browser's print dialog. */
export function printReceipt(sale: SaleDetail, paper: Paper): void {
  printing.value = { sale, paper };
  // Let Preact render the print area before the browser lays out the printed page.
  requestAnimationFrame(() => {
    window.print();
  });
}

/** Rendered once beside the app shell: invisible on screen, the only thing on the printed page. */
export function PrintArea() {
  const job = printing.value;
  if (!job) return null;
  return (
    <div class={`print-area paper-${job.paper}`} data-testid="print-area" data-paper={job.paper}>
      <Receipt sale={job.sale} />
    </div>
  );
}
