// Get-ItemProperty's Format-List text, as PowerShell writes it to a file (reg-format.md §5, cases
// P1–P3): `Name : value` lines, names padded to one column per object, long values wrapped at the
// console width onto lines indented to the value column (joined without a separator), objects
// apart by blank lines. Types are not shown: every value is kept as the text PowerShell printed.
import { REG_BINARY, REG_SZ } from '../reg/data.ts';
import type { Diagnostic } from '../reg/types.ts';
import type { DocumentRead } from './document-read.ts';
import type { InputReader } from './input-reader.ts';
import { shown } from './shown.ts';
import { TEXT_WHOLE_BYTES, textResult } from './text-guest.ts';
import { decodeText, splitLines } from './text-input.ts';
import {
  isKvpObjectName,
  isPsProperty,
  psObjectOps,
  type PsObject,
  type PsValue,
} from './powershell-object.ts';
import { bytesValue, textValue } from './registry-values.ts';

const PROPERTY = /^(\S.*?) *: ?(.*)$/;
/** A byte array as Format-List shows it, cut after $FormatEnumerationLimit items: `{1, 2, 3, 4...}`. */
const BYTE_LIST = /^\{((?:\d{1,3}(?:, \d{1,3})*)?)(\.\.\.|…)?\}$/;

/** The column of " : " in an object's lines: the same for all, where the longest name ends. */
function colonColumn(lines: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const text of lines) {
    if (/^\s/.test(text)) continue;
    const at = text.indexOf(' :');
    if (at > 0) counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  let best = -1;
  let most = 0;
  for (const [at, n] of counts) if (n > most || (n === most && at < best)) [best, most] = [at, n];
  return best;
}

/** Whether a line is a property line of Format-List. */
export function isListPropertyLine(text: string): boolean {
  return PROPERTY.test(text) && / : |\s:$/.test(text);
}

function valueOf(name: string, text: string, line: number, diagnostics: Diagnostic[]): PsValue {
  const list = BYTE_LIST.exec(text);
  const items = list?.[1] ? list[1].split(', ').map(Number) : [];
  if (list && items.every((n) => n <= 255)) {
    if (list[2]) {
      diagnostics.push({
        line,
        severity: 'warning',
        message: `PowerShell shows only the first ${items.length} bytes of ${shown(name)} (“${list[2]}”): the rest is not in the text`,
      });
    }
    return { value: bytesValue(name, REG_BINARY, Uint8Array.from(items), line), shown: 'kind' };
  }
  return { value: textValue(name, REG_SZ, text, line), shown: 'none' };
}

/** Reads the lines of Format-List output (one or more objects). */
export function readPowerShellList(lines: readonly string[]): DocumentRead {
  const diagnostics: Diagnostic[] = [];
  const objects: PsObject[] = [];
  let start = 0;
  while (start < lines.length) {
    if ((lines[start] as string).trim() === '') {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && (lines[end] as string).trim() !== '') end++;
    objects.push(readObject(lines, start, end, diagnostics));
    start = end;
  }
  const { ops, typeShown } = psObjectOps(objects, diagnostics);
  return { ops, diagnostics: diagnostics.sort((a, b) => a.line - b.line), typeShown };
}

/** One object: lines [start, end) with no blank line among them. */
function readObject(
  lines: readonly string[],
  start: number,
  end: number,
  diagnostics: Diagnostic[],
): PsObject {
  const block = lines.slice(start, end);
  const column = colonColumn(block);
  const object: PsObject = { line: start + 1, values: [] };
  const properties: { name: string; text: string; line: number }[] = [];
  block.forEach((text, offset) => {
    const line = start + offset + 1;
    const last = properties[properties.length - 1];
    // A wrapped value goes on at the value column (two past the colon).
    if (last && column > 0 && text.startsWith(' '.repeat(column + 3))) {
      last.text += text.slice(column + 3);
      return;
    }
    if (column > 0 && text.slice(column, column + 2) === ' :' && !/^\s/.test(text)) {
      properties.push({
        name: text.slice(0, column).trimEnd(),
        text: text.slice(column + 3),
        line,
      });
      return;
    }
    diagnostics.push({
      line,
      severity: 'warning',
      message: 'not a line of Format-List output: skipped',
    });
  });
  for (const { name, text, line } of properties) {
    if (name.toLowerCase() === 'pspath') object.psPath = { text, line };
    if (isPsProperty(name)) continue;
    // The default value is the property "(default)" (§5).
    const valueName = name.toLowerCase() === '(default)' ? '' : name;
    object.values.push(valueOf(valueName, text, line, diagnostics));
  }
  return object;
}

export const powerShellListReader: InputReader = {
  kind: 'PowerShell Format-List output',
  // Property lines from the first line on, with PSPath or a Guest\Parameters or Auto value name.
  accepts(head) {
    const lines = splitLines(head.text)
      .filter((line) => line.trim() !== '')
      .slice(0, 40);
    const first = lines[0];
    if (first === undefined || !isListPropertyLine(first)) return false;
    return lines.some(
      (line) =>
        isListPropertyLine(line) && isKvpObjectName(line.slice(0, line.indexOf(' :')).trim()),
    );
  },
  wholeUpTo: TEXT_WHOLE_BYTES,
  readWhole(input) {
    const decoded = decodeText(input.bytes, 'windows-1252');
    const lines = splitLines(decoded.text);
    return textResult(input, 'powershell-list', decoded, lines, readPowerShellList(lines));
  },
};
