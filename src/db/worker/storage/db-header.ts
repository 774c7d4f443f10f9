/** Facts of the 100-byte SQLite database header that copies of the live file must get right. */

/** The 16 bytes every SQLite database file starts with. */
export const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Whether `bytes` (a file's first bytes) start as an SQLite database does. */
export const startsAsDatabase = (bytes: Uint8Array): boolean => String.fromCharCode(...bytes.subarray(0, 16)) === SQLITE_MAGIC;

/**
 * Marks a copy of a WAL-mode database as a rollback-journal file (header bytes 18 and 19: write and read format
 * 2 → 1), so that any SQLite opens it on its own, with no `-wal` file expected beside it. VACUUM INTO and the
 * serializer both keep the WAL flag of their source.
 */
export function markStandalone(bytes: Uint8Array): Uint8Array {
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return bytes;
}
