/**
 * The switch record: which of the two live-file names holds the shop's database. A swap writes the new file
 * beside the live one and then this record, last; so whatever instant the worker or the browser dies, the
 * record names a file that was whole when it was written.
 *
 * The record is kept twice (two slots, written alternately), each copy with its sequence number and a
 * checksum: a torn write of one copy leaves the other, older copy, which names the file that is still there.
 */

/** Which live file is current, and how many swaps have happened. */
export interface SwitchRecord {
  /** Incremented by every swap; the copy with the highest valid one wins. */
  seq: number;
  /** The pool name of the live database. */
  live: string;
}

/** Reads and writes the record (OPFS in the app, memory in tests). */
export interface SwitchRecordStore {
  /** The newest whole copy, or null when there is none (a shop that never swapped). */
  read(): Promise<SwitchRecord | null>;
  /** Writes `record` into the slot it belongs to (`seq % 2`) and flushes it before resolving. */
  write(record: SwitchRecord): Promise<void>;
}

/** FNV-1a over the record's text: enough to tell a torn or foreign copy from a whole one. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const body = (record: SwitchRecord) => `${record.seq}:${record.live}`;

/** The text one copy holds. */
export function encodeSwitchRecord(record: SwitchRecord): string {
  return JSON.stringify({ seq: record.seq, live: record.live, check: checksum(body(record)) });
}

/** One copy's record, or null when the text is not a whole copy. */
export function decodeSwitchRecord(text: string): SwitchRecord | null {
  try {
    const value = JSON.parse(text) as { seq?: unknown; live?: unknown; check?: unknown };
    if (typeof value.seq !== 'number' || !Number.isInteger(value.seq) || value.seq < 0) return null;
    if (typeof value.live !== 'string' || value.live === '') return null;
    const record = { seq: value.seq, live: value.live };
    return value.check === checksum(body(record)) ? record : null;
  } catch {
    return null;
  }
}

/** The newest of the whole copies among `texts` (missing slots are null). */
export function newestSwitchRecord(texts: (string | null)[]): SwitchRecord | null {
  let best: SwitchRecord | null = null;
  for (const text of texts) {
    const record = text === null ? null : decodeSwitchRecord(text);
    if (record && (!best || record.seq > best.seq)) best = record;
  }
  return best;
}

/** A record store over two text slots in memory (unit tests); `slots` is exposed so tests can tear a copy. */
export function memorySwitchRecords(): SwitchRecordStore & { slots: (string | null)[] } {
  const slots: (string | null)[] = [null, null];
  return {
    slots,
    read: async () => newestSwitchRecord(slots),
    write: async (record) => {
      slots[record.seq % 2] = encodeSwitchRecord(record);
    },
  };
}
