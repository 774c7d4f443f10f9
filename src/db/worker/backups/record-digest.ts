/**
 * A table's digest from its stored records: the manifest's fast form (format 2, see `manifest.ts`).
 *
 * The text form builds every value's `quote()` text in SQL, which at the large shop's 180 MB took 5.9 s of a new
 * backup's 16 s check (measured). This form reads the table's b-tree through `sqlite_dbpage` instead, in key
 * order, and digests each row's record as SQLite stored it (its header of types, then its values, overflow pages
 * followed), with the rowid in front where it is the table's INTEGER PRIMARY KEY. A record holds each value
 * once, in a form that tells every value apart (NULL from 'NULL', where one column ends), so the digest changes
 * when any value does; it does not change when pages are rewritten (a VACUUM, a copy through `sqlite_dbpage`),
 * which copy records as they are.
 *
 * Only for tables whose b-tree order is the order of their key: WITHOUT ROWID tables, and rowid tables keyed by
 * the rowid or by no declared key. A rowid table with another key (its b-tree is in rowid order, which a VACUUM
 * may renumber) keeps the text form. Read only from a database SQLite has found whole (a check's copy after its
 * `quick_check`, the live database): a page that is not what the walk expects throws, it is never guessed at.
 */
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { IHasher } from 'hash-wasm';

/** The digest's prefix in the manifest: which form took it. */
export const RECORDS_DIGEST = 'xxh64-records:';

/** How a table's b-tree is walked: where it starts and what its rowid is to the digest. */
export interface RecordTable {
  root: number;
  /** `include`: the rowid is the table's key; `omit`: it is no part of the row; null: a WITHOUT ROWID table. */
  rowid: 'include' | 'omit' | null;
}

/** How `table` is walked, or null where its b-tree order is not the order of its key (see the module comment). */
export function recordTableOf(db: Database, table: string): RecordTable | null {
  const root = Number(db.selectValue("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]));
  if (!Number.isInteger(root) || root < 1) return null;
  const withoutRowid = Number(db.selectValue("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?", [table])) === 1;
  if (withoutRowid) return { root, rowid: null };
  const keys = db.selectObjects('SELECT type FROM pragma_table_info(?) WHERE pk > 0', [table]) as { type: string }[];
  if (keys.length === 0) return { root, rowid: 'omit' };
  // An INTEGER PRIMARY KEY is the rowid itself, unless it was declared in a way that makes it an ordinary key
  // (DESC), which SQLite then indexes: such a table has an index of origin 'pk'.
  const indexed = db.selectValue("SELECT 1 FROM pragma_index_list(?) WHERE origin = 'pk'", [table]) !== undefined;
  return keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER' && !indexed ? { root, rowid: 'include' } : null;
}

const TABLE_LEAF = 0x0d;
const TABLE_INTERIOR = 0x05;
const INDEX_LEAF = 0x0a;
const INDEX_INTERIOR = 0x02;
/** Deeper than any b-tree of a file SQLite can hold: a deeper walk is a loop in a damaged file. */
const MAX_DEPTH = 40;
/** Bytes gathered before each call of the hasher. */
const GATHER_BYTES = 1 << 20;

class NotWhole extends Error {
  constructor(what: string) {
    super(`its pages are not as SQLite writes them (${what})`);
  }
}

interface Frame {
  page: Uint8Array;
  /** Where the page's header starts (100 on page 1, after the file's header). */
  at: number;
  cells: number;
  interior: boolean;
  /** The next cell to visit, and whether its child has been walked already. */
  next: number;
  descended: boolean;
}

/** A varint at `at` of `bytes`: its value (exact up to 2^53, enough for sizes) and where it ends. */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i]!;
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) return [value, at + i + 1];
  }
  return [value * 256 + bytes[at + 8]!, at + 9];
}

const u32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
const u16 = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;

/**
 * Digests the records of the table `table` describes into `hash`, in key order, yielding the rows read so far
 * after each leaf page (a caller may pause there: the walk keeps its place). Returns the rows and the digest.
 */
export function* recordSteps(db: Database, table: RecordTable, hash: IHasher): Generator<number, { rows: number; digest: string }> {
  const pageSize = Number(db.selectValue('PRAGMA page_size'));
  const pageCount = Number(db.selectValue('PRAGMA page_count'));
  const read = db.prepare('SELECT data FROM sqlite_dbpage WHERE pgno = ?');
  try {
    const pageAt = (pgno: number): Uint8Array => {
      if (!Number.isInteger(pgno) || pgno < 1 || pgno > pageCount) throw new NotWhole(`a page number ${pgno} past the end`);
      read.bind([pgno]);
      const data = read.step() ? read.get(0) : null;
      read.reset(true);
      if (!(data instanceof Uint8Array) || data.length !== pageSize) throw new NotWhole(`page ${pgno} could not be read`);
      return data;
    };
    // The bytes of each page the b-tree may use: the page less the bytes reserved at its end (file header byte 20).
    const usable = pageSize - pageAt(1)[20]!;
    const indexTree = table.rowid === null;
    const maxLocal = indexTree ? Math.floor(((usable - 12) * 64) / 255) - 23 : usable - 35;
    const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;

    const gathered = new Uint8Array(GATHER_BYTES);
    let length = 0;
    const put = (bytes: Uint8Array, from: number, to: number) => {
      if (to > bytes.length || from > to) throw new NotWhole('a cell that runs past its page');
      if (length + (to - from) > GATHER_BYTES) {
        hash.update(gathered.subarray(0, length));
        length = 0;
      }
      if (to - from > GATHER_BYTES) hash.update(bytes.subarray(from, to));
      else {
        gathered.set(bytes.subarray(from, to), length);
        length += to - from;
      }
    };
    let pagesRead = 0;
    /** A payload of `size` bytes starting at `at` of `page`: its local part, then its overflow pages. */
    const putPayload = (page: Uint8Array, at: number, size: number) => {
      let local = size;
      if (size > maxLocal) {
        const k = minLocal + ((size - minLocal) % (usable - 4));
        local = k <= maxLocal ? k : minLocal;
      }
      put(page, at, at + local);
      let left = size - local;
      let next = left > 0 ? u32(page, at + local) : 0;
      while (left > 0) {
        if (++pagesRead > pageCount) throw new NotWhole('an overflow chain that loops');
        const overflow = pageAt(next);
        const take = Math.min(left, usable - 4);
        put(overflow, 4, 4 + take);
        left -= take;
        next = u32(overflow, 0);
      }
    };
    const open = (pgno: number): Frame => {
      if (++pagesRead > pageCount) throw new NotWhole('a b-tree that loops');
      const page = pageAt(pgno);
      const at = pgno === 1 ? 100 : 0;
      const type = page[at]!;
      const leaf = indexTree ? INDEX_LEAF : TABLE_LEAF;
      const interior = indexTree ? INDEX_INTERIOR : TABLE_INTERIOR;
      if (type !== leaf && type !== interior) throw new NotWhole(`page ${pgno} of type ${type}`);
      return { page, at, cells: u16(page, at + 3), interior: type === interior, next: 0, descended: false };
    };
    /** Where cell `i` of `frame` starts. */
    const cellAt = (frame: Frame, i: number) => u16(frame.page, frame.at + (frame.interior ? 12 : 8) + 2 * i);

    hash.init();
    let rows = 0;
    const stack: Frame[] = [open(table.root)];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (!frame.interior) {
        for (let i = 0; i < frame.cells; i++) {
          const [size, afterSize] = varint(frame.page, cellAt(frame, i));
          let payload = afterSize;
          if (!indexTree) {
            const [, afterRowid] = varint(frame.page, afterSize);
            if (table.rowid === 'include') put(frame.page, afterSize, afterRowid);
            payload = afterRowid;
          }
          putPayload(frame.page, payload, size);
          rows++;
        }
        stack.pop();
        yield rows;
        continue;
      }
      const child =
        frame.next < frame.cells ? u32(frame.page, cellAt(frame, frame.next)) : frame.next === frame.cells ? u32(frame.page, frame.at + 8) : null;
      if (child === null) {
        stack.pop();
        continue;
      }
      if (!frame.descended) {
        frame.descended = true;
        if (stack.length >= MAX_DEPTH) throw new NotWhole('a b-tree deeper than any SQLite writes');
        stack.push(open(child));
        continue;
      }
      // Back from the child: in an index b-tree (a WITHOUT ROWID table) the interior cell holds a row of its own,
      // which comes after everything in its child.
      if (indexTree && frame.next < frame.cells) {
        const [size, payload] = varint(frame.page, cellAt(frame, frame.next) + 4);
        putPayload(frame.page, payload, size);
        rows++;
      }
      frame.next++;
      frame.descended = false;
    }
    if (length > 0) hash.update(gathered.subarray(0, length));
    return { rows, digest: `${RECORDS_DIGEST}${hash.digest('hex')}` };
  } finally {
    read.finalize();
  }
}
