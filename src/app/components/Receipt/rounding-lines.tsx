/** The cash rounding on a receipt or an invoice: the rounding and what was paid after it, only where there was one. */
import type { SaleDetail } from '../../../pos/sale';
import type { ReceiptLabels } from '../../../pos/receipt-labels';
import { formatSignedMoney } from '../../../pos/currency';

/** Two `<dt>`/`<dd>` pairs for a description list, or nothing for a sale without cash rounding. */
export function RoundingLines({ sale, t, m, locale }: { sale: SaleDetail; t: ReceiptLabels; m: (minor: number) => string; locale: string }) {
  if (!sale.cashRounding) return null;
  return (
    <>
      <dt>{t.rounding}</dt>
      <dd data-testid="receipt-rounding">{formatSignedMoney(sale.cashRounding, sale.currency, locale)}</dd>
      <dt>{t.toPay}</dt>
      <dd data-testid="receipt-to-pay">{m(sale.total + sale.cashRounding)}</dd>
    </>
  );
}
