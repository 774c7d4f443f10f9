/**
 * What an SQLite error says about a file being checked, in words a shop owner can act on. SQLite's own text
 * ("SQLITE_CORRUPT: sqlite3 result code 11: database disk image is malformed") never leads a refusal; its code
 * follows at the end, in brackets, for whoever helps them.
 */

/** The primary result codes a damaged or foreign file produces, and what they mean for that file. */
const MEANINGS: Record<number, string> = {
  7: 'it is too large to check in the memory this browser gives Tillite',
  10: 'it could not be read from the disk',
  11: 'parts of it are scrambled, so SQLite cannot read them',
  13: 'the device ran out of room while checking it',
  14: 'SQLite could not open it',
  26: 'its first page is not that of a database SQLite can read',
};

const CODE_NAMES: Record<number, string> = {
  7: 'SQLITE_NOMEM',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
};

function primaryCode(error: unknown): number | null {
  const code = (error as { resultCode?: unknown })?.resultCode;
  if (typeof code === 'number') return code & 0xff;
  const match = /sqlite3 result code (\d+)/.exec(error instanceof Error ? error.message : String(error));
  return match ? Number(match[1]) & 0xff : null;
}

/** SQLite's message without its "SQLITE_X: sqlite3 result code N: " prefix. */
export function sqliteText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^SQLITE_[A-Z_]+: (sqlite3 result code \d+: )?/, '').trim();
}

/** What went wrong with the file, in words (no trailing full stop). */
export function fileProblemInWords(error: unknown): string {
  const code = primaryCode(error);
  return (code !== null && MEANINGS[code]) || `SQLite could not read it (${sqliteText(error)})`;
}

/** The small print: "SQLite code 11, SQLITE_CORRUPT", or null for an error that is not SQLite's. */
export function sqliteSmallPrint(error: unknown): string | null {
  const code = primaryCode(error);
  if (code === null) return null;
  return `SQLite code ${code}${CODE_NAMES[code] ? `, ${CODE_NAMES[code]}` : ''}: ${sqliteText(error)}`;
}
