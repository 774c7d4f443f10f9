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
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CONSTRAINT = 19;
const SQLITE_NOTADB = 26;

/** Turns anything thrown into a WireError. Unknown errors keep their message so nothing is hidden. */
export function toWireError(error: unknown): WireError {
  if (error instanceof HandlerError) {
    return error.detail ? { code: error.code, message: error.message, detail: error.detail } : { code: error.code, message: error.message };
  }
  const resultCode = typeof (error as { resultCode?: unknown })?.resultCode === 'number' ? (error as { resultCode: number }).resultCode & 0xff : -1;
  const text = error instanceof Error ? error.message : String(error);
  if (resultCode === SQLITE_FULL || (error instanceof DOMException && error.name === 'QuotaExceededError')) {
    return { code: 'quota', message: 'The device has no room left for Tillite\'s data. Nothing was saved. Free some space and try again.' };
  }
  if (resultCode === SQLITE_CORRUPT || resultCode === SQLITE_NOTADB) {
    return { code: 'damaged', message: `The database is damaged: ${text}` };
  }
  if (resultCode === SQLITE_CONSTRAINT) {
    return { code: 'conflict', message: `That conflicts with what is already saved: ${text}` };
  }
  return { code: 'internal', message: text || 'An unexpected error happened in the database worker.' };
}
