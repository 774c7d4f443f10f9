/** A shift's figures as the X and Z reports show them, amounts in the shop's currency and locale. */
import type { ClosingFigures, ShiftFigures } from '../../../pos/z-report';
import { METHODS } from '../../../pos/z-report';
import { formatPercent } from '../../../pos/currency';
import { money } from '../../state/shop';

const METHOD_LABELS = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

export function FiguresTable({ figures }: { figures: ShiftFigures | ClosingFigures }) {
  const closing = 'counted' in figures ? figures : null;
  const line = (label: string, value: number, id: string) => (
    <tr data-testid={`figure-${id}`}>
      <th scope="row">{label}</th>
      <td>{money(value)}</td>
    </tr>
  );
  return (
    <div class="figures">
      <table>
        <tbody>
          <tr data-testid="figure-sales-count">
            <th scope="row">Sales</th>
            <td>{figures.salesCount}</td>
          </tr>
          <tr data-testid="figure-refunds-count">
            <th scope="row">Refunds</th>
            <td>{figures.refundsCount}</td>
          </tr>
          {line('Gross', figures.gross, 'gross')}
          {line('Discounts', figures.discounts, 'discounts')}
          {line('Refunded', figures.refunds, 'refunds')}
          {/* Z reports stored before voids had a line of their own counted them among the refunds: no line there. */}
          {figures.voidsCount !== undefined && (
            <tr data-testid="figure-voids">
              <th scope="row">Voids ({figures.voidsCount})</th>
              <td>{money(figures.voids ?? 0)}</td>
            </tr>
          )}
          {line('Net', figures.net, 'net')}
          {figures.cashRounding ? line('Cash rounding (in the cash taken)', figures.cashRounding, 'cash-rounding') : null}
          {figures.taxes.map((t) => line(`Tax ${formatPercent(t.taxBp)} (on ${money(t.gross)})`, t.tax, `tax-${t.taxBp}`))}
          {line('Float', figures.float, 'float')}
          {line('Cash in', figures.cashIn, 'cash-in')}
          {line('Cash out', figures.cashOut, 'cash-out')}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>Method</th>
            <th>Taken</th>
            <th>Expected</th>
            {closing && <th>Counted</th>}
            {closing && <th>Difference</th>}
          </tr>
        </thead>
        <tbody>
          {METHODS.map((m) => (
            <tr key={m} data-testid={`method-${m}`}>
              <th scope="row">{METHOD_LABELS[m]}</th>
              <td>{money(figures.payments[m])}</td>
              <td>{money(figures.expected[m])}</td>
              {closing && <td>{money(closing.counted[m])}</td>}
              {closing && <td>{money(closing.difference[m])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
