/**
 * The first look at a file someone picked to import: what its bytes say before SQLite is allowed near them.
 * Pure functions of the bytes, so every refusal here is unit-tested without a database.
 *
 * The SQLite header (https://sqlite.org/fileformat.html#the_database_header) gives the page size (offset 16),
 * the read/write versions (18, 19: 1 = rollback journal, 2 = WAL), the change counter (24), the page count
 * (28, valid when offset 92 equals the change counter), `user_version` (60) and `application_id` (68).
 */
import { IMPORT_HEAD_BYTES, type ImportRefusalReason } from '../../protocol/transfer';
import { startsAsDatabase } from '../storage/db-header';

/** A refusal: why, in one word for code and tests, and in plain words for a person. */
export interface Refusal {
  ok: false;
  reason: ImportRefusalReason;
  message: string;
}

/** What the header of an SQLite file says. */
export interface HeaderFacts {
  pageSize: number;
  /** From the header, or null when the header's count is not valid (files from very old SQLite). */
  pageCount: number | null;
  wal: boolean;
  userVersion: number;
  applicationId: number;
}

/** Appended to every refusal: the one thing a person most needs to know. */
export const UNCHANGED = 'Nothing was changed: your data is as it was.';


/** Builds a refusal; `smallPrint` (SQLite's code and words, for whoever helps) goes last, in brackets. */
export function refuse(reason: ImportRefusalReason, message: string, smallPrint?: string | null): Refusal {
  return { ok: false, reason, message: `${message} ${UNCHANGED}${smallPrint ? ` (${smallPrint})` : ''}` };
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** A guess at what a non-SQLite file is, so the refusal can name it ("an image", "text"). */
export function describeForeignFile(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive (or an office document)';
  const sample = bytes.subarray(0, 4096);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  // UTF-8 text has bytes >= 128 too; a text file has no NUL and few control characters.
  if (!sample.includes(0) && printable >= sample.length * 0.95) return 'a text file';
  return 'a file of another kind';
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

/** How many bytes of a file the header check looks at (the header is 100; the rest helps name a foreign file). */
export const HEAD_BYTES = IMPORT_HEAD_BYTES;

/**
 * Reads and checks the header: an SQLite file, a sane page size, a size that matches its page count, and not
 * in WAL mode (checked first: its own message says how to fix it). Returns the header's facts, or the refusal.
 */
export function checkHeader(bytes: Uint8Array): HeaderFacts | Refusal {
  return checkHeaderOf(bytes.subarray(0, HEAD_BYTES), bytes.length);
}

/**
 * {@link checkHeader} from the file's first {@link HEAD_BYTES} bytes (`head`) and its size alone, so that a file
 * is refused before it is copied or read whole: a file of 1 GB whose header counts a few pages costs 4 KiB.
 */
export function checkHeaderOf(head: Uint8Array, size: number): HeaderFacts | Refusal {
  const bytes = head;
  if (size === 0) return refuse('empty', 'This file is empty (0 bytes): it holds no data at all.');
  if (bytes.length < 100 || !startsAsDatabase(bytes)) {
    return refuse('not-sqlite', `This is not a Tillite backup: it is ${describeForeignFile(bytes)}, not an SQLite database.`);
  }
  const rawPageSize = u16(bytes, 16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return refuse('damaged', `This file is damaged: its header gives an impossible page size (${rawPageSize}).`);
  }
  const write = bytes[18]!;
  const read = bytes[19]!;
  if (![1, 2].includes(write) || ![1, 2].includes(read)) {
    return refuse('damaged', `This file is damaged: its header gives unknown file format versions (${write}, ${read}).`);
  }
  if (write === 2 || read === 2) {
    // A lone file in WAL mode may miss its latest commits: they live in a separate "-wal" file until SQLite
    // checkpoints them, and nothing in the main file says whether such a file existed. Importing it could
    // silently bring back an older state of the shop, so it is refused with the way to fold the -wal file in.
    return refuse(
      'wal',
      'This database is in SQLite\'s WAL mode, so its latest changes may be in a separate "-wal" file that was not picked with it. Open it with SQLite and run PRAGMA journal_mode=DELETE (which writes everything into the one file), then pick it again. Files exported by Tillite never need this.',
    );
  }
  const counted = u32(bytes, 28);
  const pageCount = counted > 0 && u32(bytes, 92) === u32(bytes, 24) ? counted : null;
  const expected = pageCount === null ? null : pageCount * pageSize;
  if (expected !== null && size < expected) {
    return refuse(
      'size-mismatch',
      `This file is incomplete: its header says ${pageCount} pages of ${pageSize} bytes (${expected} bytes), but it has only ${size} bytes. It was probably cut off while being copied or downloaded.`,
    );
  }
  if (expected !== null ? size !== expected : size % pageSize !== 0) {
    return refuse(
      'size-mismatch',
      `This file's size (${size} bytes) does not match its header (${expected ?? `pages of ${pageSize} bytes`}): bytes were added to it or it was cut off.`,
    );
  }
  return { pageSize, pageCount, wal: false, userVersion: u32(bytes, 60) | 0, applicationId: u32(bytes, 68) };
}
