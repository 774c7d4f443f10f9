/**
 * Telling a barcode scanner from a person. A scanner is a keyboard that types a whole code within a few
 * milliseconds per key and ends it with Enter; a person, even a fast typist, leaves tens of milliseconds between
 * most keys and never keeps every gap short over a whole code. So a burst is: at least `minLength` printable keys
 * with no gap longer than `maxGapMs` between them, and Enter within `maxGapMs` of the last one.
 *
 * Where no text field has the focus, nothing can be typed into, so a code typed at a person's pace and ended with
 * Enter counts too (as long as no pause is longer than `typedGapMs`): the register's "type the code anywhere".
 */

/** The thresholds: scanners send a key every 1–20 ms; people rarely type two keys 50 ms apart, never a code. */
export const SCANNER_TIMING = { maxGapMs: 50, minLength: 4, typedGapMs: 1000, typedMinLength: 3 } as const;

/** The timing rules a detector applies (tests may pass their own). */
export type ScannerTiming = { [K in keyof typeof SCANNER_TIMING]: number };

/** What one key means: part of a code, the end of a code, or nothing for the scanner. */
export type BurstStep =
  | { kind: 'start' } // a printable key after a pause: the first key of what may become a scan
  | { kind: 'continue' } // a printable key close after the previous one
  | { kind: 'scan'; code: string; burst: boolean } // Enter that ends a code: `burst` when a scanner typed it
  | { kind: 'ignore' }; // anything else (Enter after typing in a field, modifiers, function keys)

/** Follows keys one at a time. Times are the events' timestamps in milliseconds. */
export class BurstDetector {
  private buffer = '';
  private last = Number.NEGATIVE_INFINITY;
  /** Whether every gap since the first key of the buffer was a scanner's. */
  private fast = true;

  constructor(private readonly timing: ScannerTiming = SCANNER_TIMING) {}

  /**
   * Feeds one keydown: its `key` (as in KeyboardEvent.key), its time, and whether a text field has the focus
   * (then only a scanner's burst counts: what a person types there belongs to the field).
   */
  key(key: string, time: number, inField: boolean): BurstStep {
    const gap = time - this.last;
    if (key === 'Enter') {
      const code = this.buffer;
      const burst = this.fast && gap <= this.timing.maxGapMs && code.length >= this.timing.minLength;
      const typed = !inField && gap <= this.timing.typedGapMs && code.length >= this.timing.typedMinLength;
      this.reset();
      return burst || typed ? { kind: 'scan', code, burst } : { kind: 'ignore' };
    }
    // Shift and other modifiers arrive between a scanner's capital letters: they neither add nor break a code.
    if (key.length !== 1) {
      if (!['Shift', 'CapsLock'].includes(key)) this.reset();
      return { kind: 'ignore' };
    }
    this.last = time;
    if (this.buffer.length === 0 || gap > this.timing.typedGapMs || (inField && gap > this.timing.maxGapMs)) {
      this.buffer = key;
      this.fast = true;
      return { kind: 'start' };
    }
    if (gap > this.timing.maxGapMs) this.fast = false;
    this.buffer += key;
    return { kind: 'continue' };
  }

  /** Forgets the keys so far (a click, a modifier shortcut, a dialog opening). */
  reset(): void {
    this.buffer = '';
    this.last = Number.NEGATIVE_INFINITY;
    this.fast = true;
  }
}
