/**
 * A sale's receipt: shop details, sale number, lines, tax per rate, payments and change. The same component is
 * shown on screen and printed on an 80 mm roll; A4 prints the {@link Invoice} layout (see print.tsx).
 */
import { Fragment } from 'preact';
import type { SaleDetail } from '../../../pos/sale';
import { formatMoney } from '../../../pos/currency';
import { receiptLabels } from '../../../pos/receipt-labels';
import { dateTime, locale, percent } from '../../state/shop';
import { RoundingLines } from './rounding-lines';
import { SaleCode } from './sale-code';
import './style.css';

/** The receipt number as printed: zero-padded so receipts sort and read alike. */
export function saleNumberLabel(number: number): string {
  return String(number).padStart(6, '0');
}

/** The text the code printed on sale `number`'s receipt carries, as a scanner types it back. */
export function saleCodeText(number: number): string {
  return `S${saleNumberLabel(number)}`;
}

/** One receipt. */
export function Receipt({ sale }: { sale: SaleDetail }) {
  const m = (minor: number) => formatMoney(minor, sale.currency, locale());
  // Printed in the shop's language (the same locale as its amounts).
  const t = receiptLabels(locale());
  const cashBack = sale.changeDue;
  return (
    <article class="receipt" data-testid="receipt">
      <header>
        <h2 data-testid="receipt-shop">{sale.shop.name}</h2>
        {sale.shop.address && <p>{sale.shop.address}</p>}
        {sale.shop.phone && <p>
            {t.tel} {sale.shop.phone}
          </p>}
        {sale.shop.taxNumber && <p>
            {t.taxNumber} {sale.shop.taxNumber}
          </p>}
      </header>
      <p class="receipt-meta">
        <span data-testid="receipt-number">
          {sale.kind === 'refund' ? t.refund : t.sale} {t.number} {saleNumberLabel(sale.number)}
        </span>
        <time dateTime={sale.createdAt}>{dateTime(sale.createdAt)}</time>
      </p>
      {sale.refundOf != null && (
        <p data-testid="receipt-refund-of">
          {sale.isVoid ? t.voidOf : t.refundOf} {t.number} {saleNumberLabel(sale.refundOf)}
          {sale.reason && <small class="receipt-reason"> {t.reason}: {sale.reason}</small>}
        </p>
      )}
      {sale.voided && (
        <p class="receipt-voided" data-testid="receipt-voided">
          {t.voided}
        </p>
      )}
      {sale.staffName && (
        <p data-testid="receipt-staff">
          {t.servedBy} {sale.staffName}
        </p>
      )}
      <table class="receipt-lines">
        <tbody>
          {sale.lines.map((line) => (
            <tr key={line.lineNo}>
              <td>
                {line.name}
                <small>
                  {line.quantity} × {m(line.unitPrice)}
                  {line.listPrice !== undefined && <span data-testid="receipt-list-price"> ({t.insteadOf} {m(line.listPrice)})</span>}
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
            <dt>{t.subtotal}</dt>
            <dd>{m(sale.subtotal)}</dd>
            <dt>{t.discounts}</dt>
            <dd>− {m(sale.discountTotal)}</dd>
          </>
        )}
        {!sale.pricesIncludeTax && (
          <>
            <dt>{t.net}</dt>
            <dd>{m(sale.total - sale.taxTotal)}</dd>
            <dt>{t.tax}</dt>
            <dd>{m(sale.taxTotal)}</dd>
          </>
        )}
        <dt class="grand">{t.total}</dt>
        <dd class="grand" data-testid="receipt-total">
          {m(sale.total)}
        </dd>
        <RoundingLines sale={sale} t={t} m={m} locale={locale()} />
      </dl>
      <table class="receipt-taxes" data-testid="receipt-taxes">
        <thead>
          <tr>
            <th>{t.taxRate}</th>
            <th class="num">{t.net}</th>
            <th class="num">{t.tax}</th>
            <th class="num">{t.gross}</th>
          </tr>
        </thead>
        <tbody>
          {sale.taxes.map((band) => (
            <tr key={band.taxBp}>
              <td>{percent(band.taxBp)}</td>
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
            <dt>{t[p.method]}</dt>
            <dd>{m(p.tendered)}</dd>
          </Fragment>
        ))}
        {cashBack > 0 && (
          <>
            <dt>{t.change}</dt>
            <dd data-testid="receipt-change">{m(cashBack)}</dd>
          </>
        )}
      </dl>
      {sale.kind === 'sale' && <SaleCode text={saleCodeText(sale.number)} />}
      <p class="receipt-thanks">{t.thanks}</p>
    </article>
  );
}

