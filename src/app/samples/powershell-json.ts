// JSON laid out as Windows PowerShell 5.1's ConvertTo-Json writes it (as in the test fixtures of
// the collector reader and public files written by it): "name":  value with two spaces, each
// object's or list's contents indented four columns past its opening bracket, the closing bracket
// under the opening one, an empty list as "[", a blank line and "]"; CRLF line ends. Strings are
// escaped as .NET's JavaScriptSerializer does it, which also writes < > & ' as \u escapes.

export type Json = null | boolean | number | string | readonly Json[] | { [key: string]: Json };

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f<>&']/g, (c) => {
    return ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

const NEWLINE = '\r\n';

/** `value` as text that starts at `column` of its line. */
function write(value: Json, column: number): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const close = ' '.repeat(column);
  const inner = ' '.repeat(column + 4);
  const [open, end, parts] = Array.isArray(value)
    ? ['[', ']', (value as readonly Json[]).map((item) => inner + write(item, column + 4))]
    : [
        '{',
        '}',
        Object.entries(value).map(([key, item]) => {
          const lead = `${inner}${quote(key)}:  `;
          return lead + write(item, lead.length);
        }),
      ];
  if (parts.length === 0) return `${open}${NEWLINE}${NEWLINE}${close}${end}`;
  return `${open}${NEWLINE}${parts.join(`,${NEWLINE}`)}${NEWLINE}${close}${end}`;
}

/** The text of `ConvertTo-Json -InputObject $value` in Windows PowerShell 5.1. */
export function convertToJson51(value: Json): string {
  return write(value, 0);
}
