/**
 * Reports as CSV files a spreadsheet opens correctly: UTF-8 with a byte-order mark (so accents survive), CRLF line
 * ends, quoting and formulas kept from running (`csv.ts`), amounts as plain decimals with the shop's decimal mark, and, where that
 * mark is a comma, fields separated by semicolons (what Excel and LibreOffice expect in those locales).
 */
import { delimiterFor, toCsv } from './csv';
import { toDecimal } from './currency';
import { separators } from './locale-amount';

/** The decimal mark a CSV for `locale` writes amounts with: the locale's comma, else a point. */
export function decimalMark(locale: string | undefined): '.' | ',' {
  return separators(locale).decimal === ',' ? ',' : '.';
}

/** How amounts are written into a CSV: the currency's minor digits and the decimal mark. */
export interface CsvNumbers {
  digits: number;
  decimal: '.' | ',';
}

/** `minor` units as a plain decimal with the file's decimal mark: 1250 → "12.50" or "12,50". */
export function csvAmount(minor: number, numbers: CsvNumbers): string {
  const text = toDecimal(minor, numbers.digits);
  return numbers.decimal === ',' ? text.replace('.', ',') : text;
}

/** The whole CSV file's text: the byte-order mark, then the header row and the rows. */
export function csvFile(header: string[], rows: string[][], decimal: '.' | ','): string {
  return toCsv([header, ...rows], delimiterFor(decimal));
}
