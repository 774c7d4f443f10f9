/**
 * The shift and the drawer: open with the float counted, cash in and out with a reason, the X report at any
 * time, close by counting (the difference shown and confirmed) into the numbered Z report, which prints and can
 * be reprinted by its number.
 */
import { useState } from 'preact/hooks';
import { DbError } from '../../../db/client';
import type { ZReport } from '../../../db/protocol/shifts';
import { parseDecimal, toDecimal } from '../../../pos/currency';
import { METHODS, type ByMethod } from '../../../pos/z-report';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';
import { signedIn } from '../../state/session';
import { dateTime, digits, money } from '../../state/shop';
import { printOnPaper, type Paper } from '../../components/Receipt';
import { DrawerCount } from './drawer-count';
import { FiguresTable } from './figures-table';
import { ShiftReportPrint, type ShiftPrint } from './z-print';
import './style.css';

/** Buttons that print `job` on the roll or on A4. */
function PrintButtons({ job, what }: { job: () => ShiftPrint; what: string }) {
  const print = (paper: Paper) => printOnPaper(<ShiftReportPrint job={job()} paper={paper} />, paper);
  return (
    <p class="no-print print-buttons">
      <button type="button" class="secondary" data-testid={`${what}-print-80`} onClick={() => print('80mm')}>
        Print (80 mm)
      </button>
      <button type="button" class="secondary" data-testid={`${what}-print-a4`} onClick={() => print('a4')}>
        Print (A4)
      </button>
    </p>
  );
}

function amount(text: string): number {
  const value = parseDecimal(text, digits());
  if (value === null) throw new Error(`“${text}” is not an amount. Type it like ${toDecimal(1250, digits())}.`);
  return value;
}

function ZReportCard({ z }: { z: ZReport }) {
  return (
    <section class="z-report" data-testid="z-report">
      <h2>Z report no. {z.number}</h2>
      <p>
        Opened {dateTime(z.openedAt)} by {z.openedBy}; closed {dateTime(z.closedAt)} by {z.closedBy}.
      </p>
      <FiguresTable figures={z} />
      <p data-testid="z-difference">Difference: {money(z.differenceTotal)}</p>
      <PrintButtons what="z" job={() => ({ z })} />
    </section>
  );
}

export function ShiftView() {
  const current = useQuery('shift.current', {}, ['sales']);
  const me = signedIn.value?.name ?? '';
  const [who, setWho] = useState('');
  const [float, setFloat] = useState('');
  const [move, setMove] = useState({ amount: '', direction: 'out', reason: '' });
  const [counted, setCounted] = useState<Record<keyof ByMethod, string>>({ cash: '', card: '', other: '' });
  const [difference, setDifference] = useState<number | null>(null);
  const [z, setZ] = useState<ZReport | null>(null);
  const [reprint, setReprint] = useState('');
  const name = me || who;

  const open = useAction(async () => {
    await db().send('shift.open', { float: amount(float), openedBy: name });
    setZ(null);
    current.reload();
  });
  const cash = useAction(async () => {
    const value = amount(move.amount);
    await db().send('shift.cashMove', { amount: move.direction === 'out' ? -value : value, reason: move.reason, by: name || null });
    setMove({ amount: '', direction: 'out', reason: '' });
    current.reload();
  });
  const close = useAction(async (confirm: number | null) => {
    const count = { cash: amount(counted.cash || '0'), card: amount(counted.card || '0'), other: amount(counted.other || '0') };
    try {
      setZ(await db().send('shift.close', { counted: count, confirmDifference: confirm, closedBy: name }));
      setDifference(null);
      current.reload();
    } catch (error) {
      if (error instanceof DbError && typeof error.detail?.differenceTotal === 'number') setDifference(error.detail.differenceTotal);
      throw error;
    }
  });
  const again = useAction(async () => setZ(await db().send('zreport.get', { number: Number(reprint) })));

  const nameField = !me && (
    <label>
      Your name <input required data-testid="shift-name" value={who} onInput={(e) => setWho(e.currentTarget.value)} />
    </label>
  );
  const shift = current.data?.shift;
  return (
    <section class="shift">
      <h1>Shift</h1>
      {current.data && !shift && (
        <form data-testid="shift-open-form" onSubmit={(e) => (e.preventDefault(), void open.run())}>
          <p>No shift is open. Count the float into the drawer to open one.</p>
          {nameField}
          <label>
            Float <input inputMode="decimal" required data-testid="shift-float" value={float} onInput={(e) => setFloat(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="shift-open" disabled={open.busy}>
            Open the shift
          </button>
          {open.error && <p class="error" role="alert" data-testid="shift-error">{open.error}</p>}
        </form>
      )}
      {shift && current.data?.figures && (
        <>
          <p data-testid="shift-open-since">
            Open since {dateTime(shift.openedAt)}, by {shift.openedBy}, float {money(shift.float)}.
          </p>
          <h2>X report (so far)</h2>
          <FiguresTable figures={current.data.figures} />
          <PrintButtons what="x" job={() => ({ x: current.data!.figures!, openedAt: shift.openedAt, openedBy: shift.openedBy, at: new Date().toISOString() })} />
          <form class="no-print" data-testid="cash-move-form" onSubmit={(e) => (e.preventDefault(), void cash.run())}>
            <h2>Cash in or out</h2>
            <select data-testid="cash-direction" value={move.direction} onChange={(e) => setMove({ ...move, direction: e.currentTarget.value })}>
              <option value="out">Take out</option>
              <option value="in">Put in</option>
            </select>
            <input inputMode="decimal" required aria-label="Amount" data-testid="cash-amount" value={move.amount} onInput={(e) => setMove({ ...move, amount: e.currentTarget.value })} />
            <input required aria-label="Reason" placeholder="Reason" data-testid="cash-reason" value={move.reason} onInput={(e) => setMove({ ...move, reason: e.currentTarget.value })} />
            <button type="submit" data-testid="cash-save" disabled={cash.busy}>
              Record
            </button>
            {cash.error && <p class="error" role="alert">{cash.error}</p>}
          </form>
          <form class="no-print" data-testid="close-form" onSubmit={(e) => (e.preventDefault(), void close.run(null))}>
            <h2>Close the shift</h2>
            {nameField}
            <DrawerCount onTotal={(sum) => setCounted((c) => ({ ...c, cash: toDecimal(sum, digits()) }))} />
            {METHODS.map((m) => (
              <label key={m}>
                {m === 'cash' ? 'Cash counted' : m === 'card' ? 'Card terminal total' : 'Other payments'}{' '}
                <input inputMode="decimal" data-testid={`count-${m}`} value={counted[m]} onInput={(e) => setCounted({ ...counted, [m]: e.currentTarget.value })} />
              </label>
            ))}
            <button type="submit" data-testid="shift-close" disabled={close.busy}>
              Close and make the Z report
            </button>
            {close.error && <p class="error" role="alert" data-testid="close-error">{close.error}</p>}
            {difference !== null && (
              <button type="button" data-testid="confirm-difference" disabled={close.busy} onClick={() => void close.run(difference)}>
                Confirm the difference of {money(difference)} and close
              </button>
            )}
          </form>
        </>
      )}
      {z && <ZReportCard z={z} />}
      <form class="no-print" onSubmit={(e) => (e.preventDefault(), void again.run())}>
        <label>
          Reprint Z report no. <input inputMode="numeric" data-testid="reprint-number" value={reprint} onInput={(e) => setReprint(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary" data-testid="reprint">
          Show
        </button>
        {again.error && <p class="error" role="alert">{again.error}</p>}
      </form>
    </section>
  );
}
