/**
 * A sale laid out for an A4 page: the shop's details and tax number at the top, the invoice number and date
 * beside them, one table row per line with quantity, unit price, discount, tax rate and amount, then tax per
 * rate, the totals and how it was paid. What a customer asking for an invoice takes away.
 */
import { Fragment } from 'preact';
import type { SaleDetail } from '../../../pos/sale';
import { formatMoney } from '../../../pos/currency';
import { receiptLabels } from '../../../pos/receipt-labels';
import { dateTime, locale, percent } from '../../state/shop';
import { saleNumberLabel } from './receipt';
import { RoundingLines } from './rounding-lines';
import styles from './invoice.module.css';

/** The A4 invoice of one sale. */
export function Invoice({ sale }: { sale: SaleDetail }) {
  const m = (minor: number) => formatMoney(minor, sale.currency, locale());
  const t = receiptLabels(locale());
  const title = sale.kind === 'refund' ? t.creditNote : t.invoice;
  return (
    <article class={styles.invoice} data-testid="invoice">
      <header class={styles.head}>
        <div>
          <p class={styles.shopName} data-testid="invoice-shop">
            {sale.shop.name}
          </p>
          {sale.shop.address && <p>{sale.shop.address}</p>}
          {sale.shop.phone && <p>
              {t.tel} {sale.shop.phone}
            </p>}
          {sale.shop.taxNumber && <p data-testid="invoice-tax-number">
              {t.taxNumber} {sale.shop.taxNumber}
            </p>}
        </div>
        <dl class={styles.meta}>
          <dt class={styles.title}>{title}</dt>
          <dd />
          <dt>{t.number}</dt>
          <dd data-testid="invoice-number">{saleNumberLabel(sale.number)}</dd>
          <dt>{t.date}</dt>
          <dd>
            <time dateTime={sale.createdAt}>{dateTime(sale.createdAt)}</time>
          </dd>
        </dl>
      </header>
      <table class={styles.lines}>
        <thead>
          <tr>
            <th>{t.description}</th>
            <th class={styles.num}>{t.quantity}</th>
            <th class={styles.num}>{t.unitPrice}</th>
            <th class={styles.num}>{t.discount}</th>
            <th class={styles.num}>{t.tax}</th>
            <th class={styles.num}>{t.amount}</th>
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
              <td class={styles.num}>
                {m(line.unitPrice)}
                {line.listPrice !== undefined && <small> ({t.insteadOf} {m(line.listPrice)})</small>}
              </td>
              <td class={styles.num}>{line.discount > 0 ? `− ${m(line.discount)}` : ''}</td>
              <td class={styles.num}>{percent(line.taxBp)}</td>
              <td class={styles.num}>{m(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class={styles.bottom}>
        <table class={styles.taxes}>
          <thead>
            <tr>
              <th>{t.taxRate}</th>
              <th class={styles.num}>{t.net}</th>
              <th class={styles.num}>{t.tax}</th>
              <th class={styles.num}>{t.gross}</th>
            </tr>
          </thead>
          <tbody>
            {sale.taxes.map((band) => (
              <tr key={band.taxBp}>
                <td>{percent(band.taxBp)}</td>
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
              <dt>{t.subtotal}</dt>
              <dd>{m(sale.subtotal)}</dd>
              <dt>{t.discounts}</dt>
              <dd>− {m(sale.discountTotal)}</dd>
            </>
          )}
          <dt>{t.net}</dt>
          <dd>{m(sale.total - sale.taxTotal)}</dd>
          <dt>{t.tax}</dt>
          <dd>{m(sale.taxTotal)}</dd>
          <dt class={styles.grand}>{t.total}</dt>
          <dd class={styles.grand} data-testid="invoice-total">
            {m(sale.total)}
          </dd>
          <RoundingLines sale={sale} t={t} m={m} locale={locale()} />
          {sale.payments.map((p, i) => (
            <Fragment key={i}>
              <dt>
                {t.paid}: {t[p.method]}
              </dt>
              <dd>{m(p.tendered)}</dd>
            </Fragment>
          ))}
          {sale.changeDue > 0 && (
            <>
              <dt>{t.change}</dt>
              <dd>{m(sale.changeDue)}</dd>
            </>
          )}
        </dl>
      </div>
      <p class={styles.thanks}>{t.invoiceThanks}</p>
    </article>
  );
}
