/**
 * Sales reports, the part that knows about the shop's clock. The database groups sales by UTC quarter-hour
 * (`floor(created_at / 15 min)`): every time zone in use is offset from UTC by a whole number of quarter-hours, so
 * a quarter-hour falls entirely inside one local hour and one local day, whatever the zone and across daylight
 * saving changes. This module turns those quarters into local days and hours, and a local date range into the
 * UTC instants the database is asked about. Money is minor units throughout.
 */

/** Fifteen minutes in milliseconds: the database's grouping of sales over time. */
export const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;

/** Sales and refunds of one UTC quarter-hour (or any group), as the database sums them. */
export interface Tally {
  /** Completed sales (refunds not counted). */
  sales: number;
  refunds: number;
  /** Subtotals of sales before discounts. */
  gross: number;
  discounts: number;
  /** What refunds paid back (positive). */
  refunded: number;
  /** What customers paid in all: sales' totals less refunds. */
  net: number;
  tax: number;
  /** What rounding cash to the coin added (positive) or took off: the payments add up to net + rounding. */
  rounding: number;
}

/** A quarter-hour's tally; `quarter` is `floor(utcMs / QUARTER_MS)`. */
export interface QuarterTally extends Tally {
  quarter: number;
}

/** A local day's tally; `day` is the shop's calendar date, YYYY-MM-DD. */
export interface DayTally extends Tally {
  day: string;
}

/** A local hour's tally over the whole range (0–23). */
export interface HourTally extends Tally {
  hour: number;
}

/** An empty tally. */
export const emptyTally = (): Tally => ({ sales: 0, refunds: 0, gross: 0, discounts: 0, refunded: 0, net: 0, tax: 0, rounding: 0 });

function add(into: Tally, t: Tally): void {
  into.sales += t.sales;
  into.refunds += t.refunds;
  into.gross += t.gross;
  into.discounts += t.discounts;
  into.refunded += t.refunded;
  into.net += t.net;
  into.tax += t.tax;
  into.rounding += t.rounding;
}

/** All of `tallies` added up. */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const total = emptyTally();
  for (const t of tallies) add(total, t);
  return total;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** How far `timeZone`'s clock is ahead of UTC at instant `ms`, in milliseconds (whole seconds). */
export function zoneOffset(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour as number, p.minute as number, p.second as number);
  return asUtc - (Math.floor(ms / 1000) * 1000);
}

/** Checks a YYYY-MM-DD date and returns its parts. */
function dateParts(day: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (!match || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`“${day}” is not a date. Choose a day from the calendar.`);
  }
  return [y, m, d];
}

/** The UTC instant at which local day `day` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [y, m, d] = dateParts(day);
  const wall = Date.UTC(y, m - 1, d);
  // The offset at the guess may differ from the one at midnight itself (a DST change that day): settle it twice.
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return instant;
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = dateParts(day);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The UTC range [from, to) of the local days `firstDay` to `lastDay` inclusive. Refused when the last day is
 * before the first.
 */
export function localRange(firstDay: string, lastDay: string, timeZone: string): { from: number; to: number } {
  const from = startOfLocalDay(firstDay, timeZone);
  const to = startOfLocalDay(nextDay(lastDay), timeZone);
  if (to <= from) throw new RangeError('The last day is before the first. Choose a range that runs forward.');
  return { from, to };
}

/** The local date (YYYY-MM-DD) and hour at UTC instant `ms` in `timeZone`, given that zone's offset then. */
function localParts(ms: number, offset: number): { day: string; hour: number } {
  const wall = new Date(ms + offset);
  return { day: wall.toISOString().slice(0, 10), hour: wall.getUTCHours() };
}

/**
 * Offsets of `timeZone` for the quarters of one UTC day at a time: a zone's offset changes at most a few times a
 * year, so when the day's start and end agree the whole day has one offset and Intl is asked twice, not 96 times.
 */
function offsetReader(timeZone: string): (ms: number) => number {
  const days = new Map<number, number | null>();
  return (ms) => {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = days.get(utcDay);
    if (offset === undefined) {
      const start = zoneOffset(utcDay * DAY_MS, timeZone);
      offset = start === zoneOffset(utcDay * DAY_MS + DAY_MS - 1, timeZone) ? start : null;
      days.set(utcDay, offset);
    }
    return offset ?? zoneOffset(ms, timeZone);
  };
}

/**
 * A reader of local wall-clock date and time in `timeZone` for many instants (a CSV of a year's sales): the date
 * as YYYY-MM-DD and the time as HH:MM:SS, which spreadsheets read as a date and a time in any locale. Throws a
 * RangeError for a zone the runtime does not know.
 */
export function localClock(timeZone: string): (ms: number) => { date: string; time: string } {
  partsFormatter(timeZone); // an unknown zone throws here, before any row
  const offsetAt = offsetReader(timeZone);
  return (ms) => {
    const iso = new Date(ms + offsetAt(ms)).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
  };
}

/** The quarters added up per local day in `timeZone`, in date order (days without sales left out). */
export function tallyByDay(quarters: readonly QuarterTally[], timeZone: string): DayTally[] {
  const offsetAt = offsetReader(timeZone);
  const days = new Map<string, DayTally>();
  for (const q of quarters) {
    const ms = q.quarter * QUARTER_MS;
    const { day } = localParts(ms, offsetAt(ms));
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, ...emptyTally() }));
    add(row, q);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The quarters added up per local hour of the day (0–23) in `timeZone`: all 24, hours without sales at zero. */
export function tallyByHour(quarters: readonly QuarterTally[], timeZone: string): HourTally[] {
  const offsetAt = offsetReader(timeZone);
  const hours: HourTally[] = Array.from({ length: 24 }, (_, hour) => ({ hour, ...emptyTally() }));
  for (const q of quarters) {
    const ms = q.quarter * QUARTER_MS;
    add(hours[localParts(ms, offsetAt(ms)).hour] as HourTally, q);
  }
  return hours;
}

/** How many of the best-selling products a report carries (the page shows them; the products' CSV has them all). */
export const REPORT_TOP_PRODUCTS = 10;
