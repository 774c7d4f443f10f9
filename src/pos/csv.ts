/**
 * CSV as spreadsheets write and read it, through Papa Parse: the separator is detected (a comma, or the semicolon
 * that Excel writes where the decimal mark is a comma, or a tab), a byte-order mark is dropped, quotes and line
 * breaks inside fields are kept. Files are written with a byte-order mark (Excel otherwise reads UTF-8 as its
 * legacy code page), CRLF line ends, quotes where needed, and formulas kept from running.
 */
import Papa from 'papaparse';

/** The separators a file may use. */
export type CsvDelimiter = ',' | ';' | '\t';

/** A parsed file: its rows of fields, the separator found, and problems with its quoting, in words. */
export interface CsvText {
  rows: string[][];
  delimiter: CsvDelimiter;
  problems: string[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Reads CSV text (see the module comment). A line with one empty field stays, so row i is record i + 1. */
export function readCsv(raw: string): CsvText {
  // One kind of line end: a file edited in two programs can mix CRLF and LF, and Papa Parse expects one.
  const text = raw.replace(/\r\n?/g, '\n');
  // The separator is guessed from the first records without empty lines (an empty line would spoil the guess);
  // the file is then read with it, empty lines kept so that record numbers match the file's.
  const guess = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [...DELIMITERS], skipEmptyLines: true, preview: 50 });
  const delimiter = DELIMITERS.find((d) => d === guess.meta.delimiter) ?? ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  // The line end after the last record reads as one more, empty record.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();
  const problems = parsed.errors.map((e) => (e.type === 'Quotes' ? `record ${(e.row ?? 0) + 1}: a quoted field is not closed` : `record ${(e.row ?? 0) + 1}: ${e.message}`));
  return { rows, delimiter, problems };
}

/** Fields starting with =, +, − or @ (other than numbers) would run as formulas in a spreadsheet: they get a leading '. */
const FORMULA = /^(?!-?\d)[=+\-@\t\r]/;

/** Writes rows as CSV with `delimiter`, a byte-order mark and CRLF line ends. */
export function toCsv(rows: string[][], delimiter: CsvDelimiter = ','): string {
  return `${Papa.BYTE_ORDER_MARK}${Papa.unparse(rows, { delimiter, newline: '\r\n', escapeFormulae: FORMULA })}\r\n`;
}

/**
 * The separator a spreadsheet in `locale` expects: a semicolon where the decimal mark is a comma (so that
 * "2,50" needs no quotes), else a comma.
 */
export function delimiterFor(decimalMark: string): CsvDelimiter {
  return decimalMark === ',' ? ';' : ',';
}
