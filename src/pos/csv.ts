/** CSV as RFC 4180 writes it: comma-separated, fields quoted when they hold a comma, a quote or a line break. */

/** Parses CSV text into rows of fields. Accepts CRLF or LF and a leading byte-order mark. */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function quote(field: string, separator: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it so it stays text.
  const safe = /^[=+\-@]/.test(field) && !/^-?\d/.test(field) ? `'${field}` : field;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Writes rows as CSV with CRLF line ends, fields separated by `separator` (a comma; a semicolon where the comma is
 * the decimal mark, as spreadsheets in those locales expect).
 */
export function toCsv(rows: string[][], separator: ',' | ';' = ','): string {
  return rows.map((row) => row.map((field) => quote(field, separator)).join(separator)).join('\r\n') + '\r\n';
}
