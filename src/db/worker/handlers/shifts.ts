/**
 * Shifts and the drawer in the worker: opening with a float, cash in and out, the X report at any time, closing
 * against the count into a numbered, stored Z report. Once the shop has an owner (staff are in use), a sale is
 * refused while no shift is open (`requireOpenShift`); before that nothing changes for a shop that works alone.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ShiftHandlers, ShiftInfo, ZReport } from '../../protocol/shifts';
import { currencyDigits, toDecimal } from '../../../pos/currency';
import { closingFigures, METHODS } from '../../../pos/z-report';
import { HandlerError } from '../runtime/errors';
import type { HandlerImpls, MutationImpl } from '../runtime/processor';
import { figuresOf, openShiftRow, SHIFT_COLUMNS } from '../staff/shift-figures';
import { ownerExists } from '../staff/pins';
import { ringingUp } from '../staff/sign-in';
import type { StaffMember } from '../../protocol/staff';

type Row = Record<string, unknown>;
const iso = (ms: unknown): string => new Date(Number(ms)).toISOString();

const info = (row: Row): ShiftInfo => ({
  id: Number(row.id),
  openedAt: iso(row.opened_at),
  openedBy: String(row.opened_by),
  openedById: row.opened_by_id === null ? null : Number(row.opened_by_id),
  float: Number(row.float),
  closedAt: row.closed_at === null ? null : iso(row.closed_at),
  closedBy: row.closed_by === null ? null : String(row.closed_by),
  closedById: row.closed_by_id === null ? null : Number(row.closed_by_id),
});

function money(value: unknown, what: string, allowNegative = false): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || (!allowNegative && value < 0)) {
    throw new HandlerError('invalid', `${what} must be a whole amount${allowNegative ? '' : ' of 0 or more'} in the smallest unit of the currency.`);
  }
  return value;
}

function name(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new HandlerError('invalid', `Say ${what}.`);
  return text;
}

/**
 * Who opens or closes the shift or moves cash: the member of staff signed in at the calling till (never an id the
 * call names), refused when the shop has staff and no one is signed in there; in a shop without staff, the name
 * typed (`typed` null: no name, for a cash move).
 */
function who(db: Database, signedIn: StaffMember | null | undefined, typed: unknown, what: string): { id: number | null; name: string | null } {
  return ringingUp(db, signedIn, what) ?? { id: null, name: typed === null ? null : name(typed, `who will ${what}`) };
}

function readZ(db: Database, number: number): ZReport {
  const row = db.selectObject('SELECT number, shift_id, made_at, figures FROM z_reports WHERE number = ?', [number]);
  if (!row) throw new HandlerError('not-found', `There is no Z report number ${number}.`);
  return { ...(JSON.parse(String(row.figures)) as Omit<ZReport, 'number' | 'shiftId' | 'madeAt'>), number, shiftId: Number(row.shift_id), madeAt: iso(row.made_at) };
}

export const shiftHandlers = {
  'shift.current': {
    kind: 'query',
    run: ({ db }) => {
      const row = openShiftRow(db);
      return row ? { shift: info(row), figures: figuresOf(db, row, Date.now()) } : { shift: null, figures: null };
    },
  },
  'shift.open': {
    kind: 'mutation',
    changes: ['sales'],
    run: ({ db, signedIn }, { float, openedBy }) => {
      const amount = money(float, 'The float');
      const by = who(db, signedIn, openedBy, 'open the shift');
      if (openShiftRow(db)) throw new HandlerError('conflict', 'A shift is already open. Close it (count the drawer) before opening another.');
      const id = db.selectValue('INSERT INTO shifts (opened_at, opened_by, opened_by_id, float) VALUES (?, ?, ?, ?) RETURNING id', [Date.now(), by.name, by.id, amount]);
      return info(db.selectObject(`SELECT ${SHIFT_COLUMNS} WHERE sh.id = ?`, [Number(id)]) as Row);
    },
  },
  'shift.cashMove': {
    kind: 'mutation',
    changes: ['sales'],
    run: ({ db, signedIn }, { amount, reason, by }) => {
      const value = money(amount, 'The amount', true);
      if (value === 0) throw new HandlerError('invalid', 'Enter the amount put in or taken out.');
      const why = name(reason, 'why cash goes in or out');
      const mover = who(db, signedIn, typeof by === 'string' && by.trim() ? by : null, value > 0 ? 'put cash in' : 'take cash out');
      const shift = openShiftRow(db);
      if (!shift) throw new HandlerError('conflict', 'No shift is open. Open a shift before putting cash in or taking it out.');
      const id = db.selectValue('INSERT INTO cash_moves (shift_id, at, amount, reason, by_name, by_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [
        Number(shift.id), Date.now(), value, why, mover.name, mover.id,
      ]);
      return { id: Number(id), amount: value, reason: why };
    },
  },
  'shift.close': {
    kind: 'mutation',
    changes: ['sales'],
    run: ({ db, signedIn }, { counted, confirmDifference, closedBy }) => {
      const by = who(db, signedIn, closedBy, 'close the shift');
      const count = { cash: 0, card: 0, other: 0 };
      for (const m of METHODS) count[m] = money(counted?.[m], `The ${m} counted`);
      const shift = openShiftRow(db);
      if (!shift) throw new HandlerError('conflict', 'No shift is open, so there is nothing to close.');
      const now = Date.now();
      const figures = closingFigures(figuresOf(db, shift, now), count);
      if (figures.differenceTotal !== 0 && confirmDifference !== figures.differenceTotal) {
        const digits = currencyDigits(String(db.selectValue('SELECT currency FROM shop WHERE id = 1') ?? 'EUR'));
        const words = figures.differenceTotal < 0 ? 'short' : 'over';
        throw new HandlerError(
          'conflict',
          `The count is ${toDecimal(Math.abs(figures.differenceTotal), digits)} ${words} against what was expected. Check the count, or confirm the difference to close.`,
          { difference: figures.difference, differenceTotal: figures.differenceTotal },
        );
      }
      db.exec("INSERT INTO sequences (name, value) VALUES ('z_number', 0) ON CONFLICT (name) DO NOTHING");
      const number = Number(db.selectValue("UPDATE sequences SET value = value + 1 WHERE name = 'z_number' RETURNING value"));
      db.exec('UPDATE shifts SET closed_at = ?, closed_by = ?, closed_by_id = ? WHERE id = ?', { bind: [now, by.name, by.id, Number(shift.id)] });
      // The names as they are at the close: the Z report prints them as made, whatever happens to the names later.
      const stored = { ...figures, openedAt: iso(shift.opened_at), closedAt: iso(now), openedBy: String(shift.opened_by), closedBy: String(by.name) };
      db.exec('INSERT INTO z_reports (number, shift_id, made_at, figures) VALUES (?, ?, ?, ?)', {
        bind: [number, Number(shift.id), now, JSON.stringify(stored)],
      });
      return readZ(db, number);
    },
  },
  'zreport.get': {
    kind: 'query',
    run: ({ db }, { number }) => readZ(db, number),
  },
} satisfies HandlerImpls<ShiftHandlers>;

/** `commit`, refused while the shop has staff and no shift is open. */
export function requireOpenShift(commit: MutationImpl<'sales.commit'>): MutationImpl<'sales.commit'> {
  return {
    ...commit,
    run(ctx, args) {
      if (ownerExists(ctx.db) && !openShiftRow(ctx.db)) {
        throw new HandlerError('conflict', 'No shift is open. Open a shift (count the float into the drawer) before ringing up sales.');
      }
      return commit.run(ctx, args);
    },
  };
}
