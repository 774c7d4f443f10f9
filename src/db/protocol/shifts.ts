/** Shifts and the cash drawer: open with a float, cash in and out, the X report, close with the Z report. */
import type { ByMethod, ClosingFigures, ShiftFigures } from '../../pos/z-report';

/** A shift as the UI shows it. Times UTC ISO 8601; money in minor units. */
export interface ShiftInfo {
  id: number;
  openedAt: string;
  /** Who opened it: the member of staff's name now (by id), or the name as written where there is no id. */
  openedBy: string;
  /** The member of staff who opened and closed it, by id (null before staff were in use, or not known). */
  openedById: number | null;
  float: number;
  closedAt: string | null;
  closedBy: string | null;
  closedById: number | null;
}

/** A stored Z report: the figures as made at close, never recomputed. */
export interface ZReport extends ClosingFigures {
  number: number;
  shiftId: number;
  madeAt: string;
  openedAt: string;
  closedAt: string;
  openedBy: string;
  closedBy: string;
}

export interface ShiftHandlers {
  /** The open shift and its X report so far (null when no shift is open). */
  'shift.current': (args: Record<string, never>) => { shift: ShiftInfo | null; figures: ShiftFigures | null };
  /** Opens a shift with the float counted into the drawer; refused while one is open. */
  /**
   * Recorded as opened by whoever is signed in at the calling till (refused with `signed-out` when the shop has
   * staff and no one is); `openedBy` names who opens it only in a shop without staff. The same holds for cash moves
   * (`by`) and the close (`closedBy`).
   */
  'shift.open': (args: { float: number; openedBy: string }) => ShiftInfo;
  /** Cash put into the drawer (amount > 0) or taken out (amount < 0), with a reason, by whoever is signed in. */
  'shift.cashMove': (args: { amount: number; reason: string; by: string | null }) => { id: number; amount: number; reason: string };
  /**
   * Closes the open shift against the count. When the count differs from what was expected, `confirmDifference`
   * must be the difference in minor units (counted − expected, all methods), as the closing screen showed it.
   */
  'shift.close': (args: { counted: ByMethod; confirmDifference: number | null; closedBy: string }) => ZReport;
  /** A stored Z report by number, for a reprint. */
  'zreport.get': (args: { number: number }) => ZReport;
}
