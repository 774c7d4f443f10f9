/**
 * A sale laid out for an A4 page: the shop's details and tax number at the top, the invoice number and date
 * beside them, one table row per line with quantity, unit price, discount, tax rate and amount, then tax per
 * rate, the totals and how it was paid. What a customer asking for an invoice takes away.
 */
import { Fragment } from 'preact';
import type { SaleDetail } from '../../../pos/sale';
import { formatMoney, formatPercent } from '../../../pos/currency';
import { dateTime, locale } from '../../state/shop';
import { saleNumberLabel } from './receipt';
import styles from './invoice.module.css';

const METHOD_LABEL = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

/** The A4 invoice of one sale. */
export function Invoice({ sale }: { sale: SaleDetail }) {
  const m = (minor: number) => formatMoney(minor, sale.currency, locale());
  const title = sale.kind === 'refund' ? 'Credit note' : 'Invoice';
  return (
    <article class={styles.invoice} data-testid="invoice">
      <header class={styles.head}>
        <div>
          <p class={styles.shopName} data-testid="invoice-shop">
            {sale.shop.name}
          </p>
          {sale.shop.address && <p>{sale.shop.address}</p>}
          {sale.shop.phone && <p>Tel. {sale.shop.phone}</p>}
          {sale.shop.taxNumber && <p data-testid="invoice-tax-number">VAT/Tax no. {sale.shop.taxNumber}</p>}
        </div>
        <dl class={styles.meta}>
          <dt class={styles.title}>{title}</dt>
          <dd />
          <dt>No.</dt>
          <dd data-testid="invoice-number">{saleNumberLabel(sale.number)}</dd>
          <dt>Date</dt>
          <dd>
            <time dateTime={sale.createdAt}>{dateTime(sale.createdAt)}</time>
          </dd>
        </dl>
      </header>
      <table class={styles.lines}>
        <thead>
          <tr>
            <th>Description</th>
            <th class={styles.num}>Qty</th>
            <th class={styles.num}>Unit price</th>
            <th class={styles.num}>Discount</th>
            <th class={styles.num}>Tax</th>
            <th class={styles.num}>Amount</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((line) => (
            <tr key={line.lineNo}>
              <td>
                {line.name}
                {line.sku && <small> · {line.sku}</small>}
              </td>
              <td class={styles.num}>{line.quantity}</td>
              <td class={styles.num}>{m(line.unitPrice)}</td>
              <td class={styles.num}>{line.discount > 0 ? `− ${m(line.discount)}` : ''}</td>
              <td class={styles.num}>{formatPercent(line.taxBp)}</td>
              <td class={styles.num}>{m(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class={styles.bottom}>
        <table class={styles.taxes}>
          <thead>
            <tr>
              <th>Tax rate</th>
              <th class={styles.num}>Net</th>
              <th class={styles.num}>Tax</th>
              <th class={styles.num}>Gross</th>
            </tr>
          </thead>
          <tbody>
            {sale.taxes.map((band) => (
              <tr key={band.taxBp}>
                <td>{formatPercent(band.taxBp)}</td>
                <td class={styles.num}>{m(band.net)}</td>
                <td class={styles.num}>{m(band.tax)}</td>
                <td class={styles.num}>{m(band.gross)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl class={styles.totals}>
          {sale.discountTotal > 0 && (
            <>
              <dt>Subtotal</dt>
              <dd>{m(sale.subtotal)}</dd>
              <dt>Discounts</dt>
              <dd>− {m(sale.discountTotal)}</dd>
            </>
          )}
          <dt>Net</dt>
          <dd>{m(sale.total - sale.taxTotal)}</dd>
          <dt>Tax</dt>
          <dd>{m(sale.taxTotal)}</dd>
          <dt class={styles.grand}>Total</dt>
          <dd class={styles.grand} data-testid="invoice-total">
            {m(sale.total)}
          </dd>
          {sale.payments.map((p, i) => (
            <Fragment key={i}>
              <dt>Paid: {METHOD_LABEL[p.method]}</dt>
              <dd>{m(p.tendered)}</dd>
            </Fragment>
          ))}
          {sale.changeDue > 0 && (
            <>
              <dt>Change</dt>
              <dd>{m(sale.changeDue)}</dd>
            </>
          )}
        </dl>
      </div>
      <p class={styles.thanks}>Thank you for your purchase.</p>
    </article>
  );
}
