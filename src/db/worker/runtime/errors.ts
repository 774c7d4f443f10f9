/**
 * Errors a handler throws on purpose, and the translation of anything else into a {@link WireError}
 * that a person can read.
 */
import type { ErrorCode, WireError } from '../../protocol/envelope';

/** An error meant for the user: its code and message cross to the UI as they are. */
export class HandlerError extends Error {
  readonly code: ErrorCode;
  readonly detail: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = 'HandlerError';
    this.code = code;
    this.detail = detail;
  }
}

// SQLite primary result codes we explain (the low byte of an extended code).
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CONSTRAINT = 19;
const SQLITE_NOTADB = 26;

/** What a person is told when the device's storage is full; `code` is SQLite's, in small print at the end. */
export function storageFull(code?: string): WireError {
  return {
    code: 'quota',
    message:
      "This device's storage is full, so this was not saved (what was saved before is safe). " +
      'Free some space on the device (delete files, apps or other websites\' data you do not need), then try again.' +
      (code ? ` (${code})` : ''),
  };
}

/** The SQLite result code's name at the start of an sqlite-wasm error message ("SQLITE_IOERR_WRITE: …"). */
function sqliteCodeName(text: string): string | undefined {
  return /^(SQLITE_[A-Z_]+)/.exec(text)?.[1];
}

/** SQLite's primary result code carried by `error` (a `SQLite3Error`), or -1 when it carries none. */
export function primaryResultCode(error: unknown): number {
  const code = (error as { resultCode?: unknown } | null)?.resultCode;
  return typeof code === 'number' ? code & 0xff : -1;
}

/** Whether `error` is SQLite finding a file damaged or not a database at all (not the storage failing). */
export function isDamagedFileError(error: unknown): boolean {
  const code = primaryResultCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/**
 * Like {@link toWireError}, for a failure that may come from a full disk: the VFS reports a full disk as a plain
 * I/O error, so on an I/O error this asks `isStorageFull` (in the worker: an estimate and a probe, see
 * `storage-full.ts`) and says the storage is full when it is.
 */
export async function explainFailure(error: unknown, isStorageFull: () => Promise<boolean>): Promise<WireError> {
  const resultCode = primaryResultCode(error);
  if (resultCode !== SQLITE_IOERR) return toWireError(error);
  const text = error instanceof Error ? error.message : String(error);
  const code = sqliteCodeName(text) ?? 'SQLITE_IOERR';
  if (await isStorageFull().catch(() => false)) return storageFull(code);
  return {
    code: 'internal',
    message: `The device could not write Tillite's data (a storage error), so this was not saved. Close other windows of Tillite and try again; if it happens again, restart the browser. (${code})`,
  };
}

/** Turns anything thrown into a WireError. Unknown errors keep their message so nothing is hidden. */
export function toWireError(error: unknown): WireError {
  if (error instanceof HandlerError) {
    return error.detail ? { code: error.code, message: error.message, detail: error.detail } : { code: error.code, message: error.message };
  }
  const resultCode = primaryResultCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (resultCode === SQLITE_FULL || (error instanceof DOMException && error.name === 'QuotaExceededError')) {
    return storageFull(resultCode === SQLITE_FULL ? sqliteCodeName(text) ?? 'SQLITE_FULL' : undefined);
  }
  if (resultCode === SQLITE_CORRUPT || resultCode === SQLITE_NOTADB) {
    return { code: 'damaged', message: `The database is damaged: ${text}` };
  }
  if (resultCode === SQLITE_CONSTRAINT) {
    return { code: 'conflict', message: `That conflicts with what is already saved: ${text}` };
  }
  return { code: 'internal', message: text || 'An unexpected error happened in the database worker.' };
}
