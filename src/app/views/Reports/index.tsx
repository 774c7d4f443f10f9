/**
 * Sales reports: a range of the shop's local days, its totals, a chart of the net taken over time, the tables by
 * day, hour, product, category and payment method, each downloadable as CSV, and the raw sales (one row per line);
 * below them the low-stock list.
 */
import { useState } from 'preact/hooks';
import { localClock, localRange, sumTallies, tallyByDay, tallyByHour, type DayTally } from '../../../pos/report';
import { decimalMark } from '../../../pos/report-csv';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';
import { digits, locale, money } from '../../state/shop';
import { downloadText } from '../../transfer/files';
import { BarChart, type Bar } from './chart';
import { LowStock } from './low-stock';
import { productRows, reportTables, tableCsv, type Cell, type ReportTable } from './tables';
import './style.css';

/** The shop's time zone: the device's, like its locale (see state/shop.ts). */
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const CSV_TYPE = 'text/csv;charset=utf-8';

const dayFormat = (day: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

function presets(today: string): { label: string; first: string; last: string }[] {
  const [y, m] = today.split('-');
  const back = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  return [
    { label: 'Today', first: today, last: today },
    { label: 'Last 7 days', first: back(6), last: today },
    { label: 'This month', first: `${y}-${m}-01`, last: today },
    { label: 'This year', first: `${y}-01-01`, last: today },
  ];
}

/** The bars of the chart: hours for one day, days up to two months, months beyond. */
function bars(days: DayTally[], hours: ReturnType<typeof tallyByHour>): Bar[] {
  const bar = (label: string, value: number, title: string): Bar => ({ label, value, title: `${title}: ${money(value)}` });
  if (days.length <= 1) {
    const open = hours.filter((h) => h.sales + h.refunds > 0).map((h) => h.hour);
    const from = Math.min(...open), to = Math.max(...open);
    return hours.slice(from, to + 1).map((h) => bar(String(h.hour).padStart(2, '0'), h.net, `${String(h.hour).padStart(2, '0')}:00`));
  }
  if (days.length <= 62) return days.map((d) => bar(dayFormat(d.day, { day: 'numeric', month: 'short' }), d.net, dayFormat(d.day, { dateStyle: 'medium' })));
  const months = new Map<string, number>();
  for (const d of days) months.set(d.day.slice(0, 7), (months.get(d.day.slice(0, 7)) ?? 0) + d.net);
  return [...months].map(([month, net]) => bar(dayFormat(`${month}-01`, { month: 'short', year: '2-digit' }), net, dayFormat(`${month}-01`, { month: 'long', year: 'numeric' })));
}

function CellText({ cell }: { cell: Cell }) {
  if (typeof cell === 'string') return <>{cell}</>;
  if (typeof cell === 'number') return <>{cell.toLocaleString(locale())}</>;
  return <>{'money' in cell ? money(cell.money) : dayFormat(cell.day, { dateStyle: 'medium' })}</>;
}

/**
 * One table and its CSV. A table that holds only its first rows (`count` beyond them: the best-selling products)
 * asks the worker for all of them when its CSV is downloaded.
 */
function Table({ table, fileName, range }: { table: ReportTable; fileName: string; range: { from: number; to: number } }) {
  const count = table.count ?? table.rows.length;
  const save = useAction(async () => {
    const rows = table.id === 'products' && count > table.rows.length ? productRows(await db().send('report.products', range)) : table.rows;
    downloadText(tableCsv({ ...table, rows }, { digits: digits(), decimal: decimalMark(locale()) }), `${fileName}-${table.id}.csv`, CSV_TYPE);
  });
  return (
    <section class={`card report-table${table.header.length > 4 ? ' wide' : ''}`} data-testid={`report-${table.id}`}>
      <h2>{table.title}</h2>
      {table.rows.length === 0 ? (
        <p class="muted">Nothing sold in this range.</p>
      ) : (
        <table>
          <thead>
            <tr>{table.header.map((h, i) => <th key={h} class={i > 0 && typeof table.rows[0]?.[i] !== 'string' ? 'num' : ''}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} class={typeof cell === 'string' ? '' : 'num'}>
                    <CellText cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.rows.length < count && <p class="muted">The top {table.rows.length} of {count.toLocaleString(locale())}; the CSV has them all.</p>}
      <button type="button" class="secondary no-print" data-testid={`csv-${table.id}`} disabled={table.rows.length === 0 || save.busy} onClick={() => void save.run()}>
        Download CSV
      </button>
      {save.error && <p class="error" role="alert">{save.error}</p>}
    </section>
  );
}

export function ReportsView() {
  const today = localClock(timeZone())(Date.now()).date;
  const [first, setFirst] = useState(presets(today)[2]!.first);
  const [last, setLast] = useState(today);
  const [range, setRange] = useState(() => localRange(first, last, timeZone()));
  const [formError, setFormError] = useState<string | null>(null);
  const report = useQuery('report.sales', range, ['sales', 'catalog']);
  const fileName = `tillite-${first}-to-${last}`;
  const raw = useAction(async () => {
    const { csv } = await db().send('report.salesCsv', { ...range, timeZone: timeZone(), decimal: decimalMark(locale()) });
    downloadText(csv, `${fileName}-sales-lines.csv`, CSV_TYPE);
  });

  const show = (a: string, b: string) => {
    setFirst(a);
    setLast(b);
    try {
      setRange(localRange(a, b, timeZone()));
      setFormError(null);
    } catch (error) {
      setFormError((error as Error).message);
    }
  };

  const data = report.data;
  const days = data ? tallyByDay(data.quarters, timeZone()) : [];
  const hours = data ? tallyByHour(data.quarters, timeZone()) : [];
  const total = sumTallies(days);
  return (
    <section class="reports">
      <h1>Reports</h1>
      <form class="report-range no-print" onSubmit={(e) => (e.preventDefault(), show(first, last))}>
        <label>
          From <input type="date" required data-testid="report-from" value={first} onInput={(e) => setFirst(e.currentTarget.value)} />
        </label>
        <label>
          To <input type="date" required data-testid="report-to" value={last} onInput={(e) => setLast(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="report-show">Show</button>
        {presets(today).map((p) => (
          <button key={p.label} type="button" class="secondary" onClick={() => show(p.first, p.last)}>
            {p.label}
          </button>
        ))}
        {formError && <p class="error" role="alert">{formError}</p>}
      </form>
      {report.error && <p class="error" role="alert">{report.error.message}</p>}
      {data && (
        <>
          <p class="report-period" data-testid="report-period">
            {dayFormat(first, { dateStyle: 'long' })} – {dayFormat(last, { dateStyle: 'long' })}
          </p>
          <dl class="report-totals" data-testid="report-totals">
            <div data-testid="total-net"><dt>Net taken</dt><dd>{money(total.net)}</dd></div>
            <div data-testid="total-sales"><dt>Sales</dt><dd>{total.sales.toLocaleString(locale())}</dd></div>
            <div data-testid="total-refunded"><dt>Refunded ({total.refunds})</dt><dd>{money(total.refunded)}</dd></div>
            <div data-testid="total-discounts"><dt>Discounts</dt><dd>{money(total.discounts)}</dd></div>
            <div data-testid="total-tax"><dt>Tax</dt><dd>{money(total.tax)}</dd></div>
            {total.rounding !== 0 && <div data-testid="total-rounding"><dt>Cash rounding</dt><dd>{money(total.rounding)}</dd></div>}
          </dl>
          {total.sales + total.refunds > 0 && (
            <section class="card">
              <h2>Net taken {days.length <= 1 ? 'by hour' : days.length <= 62 ? 'by day' : 'by month'}</h2>
              <BarChart bars={bars(days, hours)} format={money} label={`Net taken from ${first} to ${last}, ${money(total.net)} in all`} />
            </section>
          )}
          <p class="no-print">
            <button type="button" class="secondary" data-testid="csv-lines" disabled={raw.busy} onClick={() => void raw.run()}>
              Download the sales, one row per line (CSV)
            </button>
          </p>
          {raw.error && <p class="error" role="alert">{raw.error}</p>}
          <div class="report-tables">
            {reportTables(data, days, hours).map((t) => <Table key={t.id} table={t} fileName={fileName} range={range} />)}
          </div>
        </>
      )}
      <div class="report-tables">
        <LowStock />
      </div>
    </section>
  );
}
