/**
 * The X and Z reports on paper: on an 80 mm roll a narrow list (label and amount per row, each payment method as
 * its own block), on A4 the on-screen tables with the shop's name and the report's times. Printed through the
 * print area (components/Receipt), which sizes the roll's page to the content.
 */
import type { ZReport } from '../../../db/protocol/shifts';
import type { Paper } from '../../components/Receipt';
import { METHODS, type ShiftFigures } from '../../../pos/z-report';
import { dateTime, money, percent, shop } from '../../state/shop';
import { FiguresTable } from './figures-table';

const METHOD_LABELS = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

/** What prints: a Z report, or an X report (the figures so far) with when it was taken. */
export type ShiftPrint = { z: ZReport } | { x: ShiftFigures; openedAt: string; openedBy: string; at: string };

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <td>{label}</td>
      <td class="num">{value}</td>
    </tr>
  );
}

function RollFigures({ f }: { f: ShiftFigures | ZReport }) {
  const z = 'counted' in f ? f : null;
  return (
    <>
      <table>
        <tbody>
          <Row label="Sales" value={String(f.salesCount)} />
          <Row label="Refunds" value={String(f.refundsCount)} />
          <Row label="Gross" value={money(f.gross)} />
          <Row label="Discounts" value={money(f.discounts)} />
          <Row label="Refunded" value={money(f.refunds)} />
          {/* Absent from Z reports stored before voids had a line of their own: they print as they were made. */}
          {f.voidsCount !== undefined && <Row label={`Voids (${f.voidsCount})`} value={money(f.voids ?? 0)} />}
          <Row label="Net" value={money(f.net)} />
          {f.taxes.map((t) => <Row key={t.taxBp} label={`Tax ${percent(t.taxBp)} on ${money(t.gross)}`} value={money(t.tax)} />)}
          {f.cashRounding ? <Row label="Cash rounding" value={money(f.cashRounding)} /> : null}
          <Row label="Float" value={money(f.float)} />
          <Row label="Cash in" value={money(f.cashIn)} />
          <Row label="Cash out" value={money(f.cashOut)} />
        </tbody>
      </table>
      {METHODS.map((m) => (
        <table key={m} class="z-method">
          <tbody>
            <tr><th colSpan={2}>{METHOD_LABELS[m]}</th></tr>
            <Row label="Taken" value={money(f.payments[m])} />
            <Row label="Expected" value={money(f.expected[m])} />
            {z && <Row label="Counted" value={money(z.counted[m])} />}
            {z && <Row label="Difference" value={money(z.difference[m])} />}
          </tbody>
        </table>
      ))}
      {z && <p class="z-total">Difference in all: {money(z.differenceTotal)}</p>}
    </>
  );
}

/** The printed report on `paper`. */
export function ShiftReportPrint({ job, paper }: { job: ShiftPrint; paper: Paper }) {
  const figures = 'z' in job ? job.z : job.x;
  const title = 'z' in job ? `Z report no. ${job.z.number}` : 'X report (not a closing)';
  const times = 'z' in job
    ? [`Opened ${dateTime(job.z.openedAt)} by ${job.z.openedBy}`, `Closed ${dateTime(job.z.closedAt)} by ${job.z.closedBy}`]
    : [`Opened ${dateTime(job.openedAt)} by ${job.openedBy}`, `Taken ${dateTime(job.at)}`];
  return (
    <article class={paper === '80mm' ? 'receipt z-print' : 'z-print z-a4'} data-testid="shift-print">
      <header>
        <h2>{shop.value?.name}</h2>
        <h3>{title}</h3>
        {times.map((t) => <p key={t}>{t}</p>)}
      </header>
      {paper === '80mm' ? <RollFigures f={figures} /> : <FiguresTable figures={figures} />}
      {paper === 'a4' && 'z' in job && <p>Difference in all: {money(job.z.differenceTotal)}</p>}
    </article>
  );
}
