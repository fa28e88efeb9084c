// `reg query "HKLM\SOFTWARE\Microsoft\Virtual Machine" /s` as cmd.exe or PowerShell write it
// (reg-format.md §4, cases Q1–Q7): key path lines, then `    name    REG_TYPE    data` lines,
// mapped onto the registry document model. Lossy by nature: trailing spaces cannot be told from
// console padding, a string holding `\0` from a REG_MULTI_SZ separator.
import {
  REG_DWORD,
  REG_DWORD_BIG_ENDIAN,
  REG_EXPAND_SZ,
  REG_LINK,
  REG_MULTI_SZ,
  REG_QWORD,
  REG_SZ,
  typeName,
} from '../reg/data.ts';
import { normalizeKeyPath } from '../reg/key-line.ts';
import type { Diagnostic, RegOp } from '../reg/types.ts';
import { ParsedValue } from '../reg/value.ts';
import type { DocumentRead } from './document-read.ts';
import type { InputReader } from './input-reader.ts';
import { shown } from './shown.ts';
import { TEXT_WHOLE_BYTES, textResult } from './text-guest.ts';
import { decodeText, splitLines } from './text-input.ts';
import { bytesValue, listValue, qwordValue, textValue } from './registry-values.ts';

/** Registry type names (REG_SZ …) → their codes. */
const TYPE_CODES = new Map(Array.from({ length: 12 }, (_, code) => [typeName(code), code]));

/** Four spaces (or, from Windows XP's reg.exe 3.0, a tab) between the columns. */
const VALUE_LINE = /^(?: {4}|\t)(.+?)(?: {4}|\t)(REG_[A-Z_]+)(?:(?: {4}|\t)(.*))?$/;
const KEY_LINE = /^(?:\\\\[^\\]+\\)?(HKEY_[A-Z_]+(?:\\.*)?)$/i;
const HEX = /^(?:[0-9A-Fa-f]{2})*$/;

function note(line: number, severity: Diagnostic['severity'], message: string): Diagnostic {
  return { line, severity, message };
}

/** Whether a line is a key path as reg query prints it (long root name, maybe `\\COMPUTER\`). */
export function isRegQueryKeyLine(line: string): boolean {
  return KEY_LINE.test(line.trimEnd());
}

/** Whether a line is a value line as reg query prints it. */
export function isRegQueryValueLine(line: string): boolean {
  return VALUE_LINE.test(line.trimEnd());
}

/** The value of one line's data, or why there is none. */
function valueOf(name: string, type: number, data: string, line: number): ParsedValue | string {
  switch (type) {
    case REG_SZ:
    case REG_EXPAND_SZ:
      return textValue(name, type, data, line);
    case REG_MULTI_SZ:
      return listValue(name, data === '' ? [] : data.split('\\0'), line);
    case REG_DWORD:
    case REG_DWORD_BIG_ENDIAN:
    case REG_QWORD: {
      const match = /^0x([0-9a-f]{1,16})$/i.exec(data);
      const limit = type === REG_QWORD ? 16 : 8;
      if (!match || (match[1] as string).length > limit) {
        return `${typeName(type)} data ${shown(data)} is not the 0x… number reg query prints`;
      }
      const value = BigInt(`0x${match[1]}`);
      if (type === REG_QWORD) return qwordValue(name, value, line);
      if (type === REG_DWORD) return ParsedValue.ofDword(name, Number(value), line);
      const n = Number(value);
      return bytesValue(
        name,
        type,
        Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255),
        line,
      );
    }
    default: {
      // REG_BINARY, REG_NONE and the rest: hex pairs without separators (REG_LINK too).
      if (!HEX.test(data)) return `${typeName(type)} data is not the hex pairs reg query prints`;
      const bytes = new Uint8Array(data.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(data.slice(2 * i, 2 * i + 2), 16);
      return bytesValue(name, type === REG_LINK ? REG_LINK : type, bytes, line);
    }
  }
}

/**
 * Reads the lines of `reg query` output. `oem`: the text came in the console's code page, so a
 * name with other than ASCII characters may not be the registry's own.
 */
export function readRegQuery(lines: readonly string[], oem: boolean): DocumentRead {
  const ops: RegOp[] = [];
  const diagnostics: Diagnostic[] = [];
  let key: string | null = null;
  // Unindented lines with a number: the trailer, unless keys or values follow them.
  const trailer: number[] = [];
  const notTrailer = () => {
    for (const at of trailer.splice(0)) {
      diagnostics.push(note(at, 'warning', 'not a line reg query writes: skipped'));
    }
  };
  const first = lines.findIndex((l) => l.trim() !== '');
  lines.forEach((raw, index) => {
    const line = index + 1;
    // Console padding and the four spaces an empty value leaves (Q2).
    const text = raw.trimEnd();
    if (text === '') return;
    if (oem && /[^\x20-\x7e\t]/.test(text)) {
      diagnostics.push(
        note(
          line,
          'warning',
          'this line holds characters other than ASCII: reg query wrote them in the console’s code page (read here as 437, the US one), so names and text on it may not be the registry’s own; an export (reg export) keeps every character',
        ),
      );
    }
    const keyMatch = KEY_LINE.exec(text);
    if (keyMatch) {
      key = normalizeKeyPath(keyMatch[1] as string);
      notTrailer();
      ops.push({ op: 'key', line, path: key });
      return;
    }
    if (index === first && /^! REG\.EXE VERSION/i.test(text)) return;
    const valueMatch = VALUE_LINE.exec(text);
    if (valueMatch) {
      if (key === null) {
        diagnostics.push(note(line, 'warning', 'a value line before any key line: skipped'));
        return;
      }
      const [, label = '', typeText = '', data = ''] = valueMatch;
      // The default value's label is localized — "(Default)", "(Predefinito)", … (§4).
      const isDefault = /^\(.*\)$/.test(label);
      const name = isDefault ? '' : label;
      const type = TYPE_CODES.get(typeText);
      if (type === undefined) {
        diagnostics.push(
          note(
            line,
            'warning',
            `the type ${typeText} is not a registry type reg query names: skipped`,
          ),
        );
        return;
      }
      // `(Default)    REG_SZ    (value not set)` (Q6): the key has no default value.
      if (isDefault && type === REG_SZ && /^\(.*\)$/.test(data)) return;
      const value = valueOf(name, type, data, line);
      if (typeof value === 'string') {
        diagnostics.push(note(line, 'warning', `${value}: skipped`));
        return;
      }
      notTrailer();
      ops.push({ op: 'value', line, path: key, value });
      return;
    }
    // "End of search: 2 match(es) found." after /f or /v (its words are localized too, Q7).
    if (!/^\s/.test(text) && /\d/.test(text)) {
      trailer.push(line);
      return;
    }
    diagnostics.push(note(line, 'warning', 'not a line reg query writes: skipped'));
  });
  return { ops, diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
}

/** Lines of a head, without the blank ones and XP's `! REG.EXE VERSION 3.0`. */
function firstLines(text: string, count: number): string[] {
  return splitLines(text)
    .filter((line) => line.trim() !== '' && !/^! REG\.EXE VERSION/i.test(line))
    .slice(0, count);
}

export const regQueryReader: InputReader = {
  kind: 'reg query output',
  // The first line is a key path (reg query prints the long root name), the next a value or key.
  accepts(head) {
    const [first, second] = firstLines(head.text, 2);
    return (
      first !== undefined &&
      isRegQueryKeyLine(first) &&
      (second === undefined || isRegQueryKeyLine(second) || isRegQueryValueLine(second))
    );
  },
  wholeUpTo: TEXT_WHOLE_BYTES,
  readWhole(input) {
    const decoded = decodeText(input.bytes, 'oem');
    const lines = splitLines(decoded.text);
    const read = readRegQuery(lines, decoded.encoding === 'oem');
    return textResult(input, 'reg-query', decoded, lines, read);
  },
};
