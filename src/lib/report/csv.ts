// CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas,
// a field holding a comma, a double quote, CR or LF enclosed in double quotes with its quotes
// doubled, each record ended by CRLF. A cell that a spreadsheet would run as a formula — one
// starting with = + - @, a tab or a CR (OWASP, "CSV Injection",
// https://owasp.org/www-community/attacks/CSV_Injection) — is written after a ' so that it is
// shown as text: a file or VM name is data, never a formula.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as written. */
export function csvCell(value: string): string {
  const cell = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One record: its cells, then CRLF. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
