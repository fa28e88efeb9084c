// Get-ItemProperty piped to ConvertTo-Json: one object, or an array of them (several keys), with
// PSPath inside. JSON keeps a little of the type — numbers, text and lists differ — but not
// REG_DWORD from REG_QWORD, nor REG_SZ from REG_EXPAND_SZ (already expanded) (reg-format.md §5).
import { REG_BINARY, REG_SZ } from '../reg/data.ts';
import type { Diagnostic } from '../reg/types.ts';
import { ParsedValue } from '../reg/value.ts';
import type { DocumentRead } from './document-read.ts';
import type { InputReader } from './input-reader.ts';
import { shown } from './shown.ts';
import { TEXT_WHOLE_BYTES, textResult } from './text-guest.ts';
import { decodeText, splitLines } from './text-input.ts';
import { parseJsonLines, type JsonNode } from './json-lines.ts';
import {
  isKvpObjectName,
  isPsProperty,
  psObjectOps,
  type PsObject,
  type PsValue,
} from './powershell-object.ts';
import { bytesValue, listValue, qwordValue, textValue } from './registry-values.ts';

const INT32_MIN = -(2n ** 31n);
const INT32_END = 2n ** 31n;

/** .NET gives REG_DWORD as Int32 and REG_QWORD as Int64, so a number outside Int32 is a QWORD. */
function numberValue(name: string, raw: string, line: number): ParsedValue | null {
  if (!/^-?\d+$/.test(raw)) return null;
  const n = BigInt(raw);
  if (n >= INT32_MIN && n < INT32_END)
    return ParsedValue.ofDword(name, Number(BigInt.asUintN(32, n)), line);
  if (n >= -(2n ** 63n) && n < 2n ** 63n) return qwordValue(name, BigInt.asUintN(64, n), line);
  return null;
}

function valueOf(name: string, node: JsonNode, line: number): PsValue | null {
  switch (node.kind) {
    case 'string':
      return { value: textValue(name, REG_SZ, node.value, line), shown: 'kind' };
    case 'number': {
      const value = numberValue(name, node.raw, line);
      return value ? { value, shown: 'kind' } : null;
    }
    case 'array': {
      const { items } = node;
      if (items.every((item) => item.kind === 'string')) {
        const texts = items.map((item) => (item.kind === 'string' ? item.value : ''));
        // [] is an empty byte array as often as an empty list: read as bytes, like REG_BINARY.
        if (texts.length > 0) return { value: listValue(name, texts, line), shown: 'kind' };
      }
      const bytes = items.map((item) =>
        item.kind === 'number' && /^\d{1,3}$/.test(item.raw) ? Number(item.raw) : 256,
      );
      if (bytes.every((b) => b <= 255)) {
        return { value: bytesValue(name, REG_BINARY, Uint8Array.from(bytes), line), shown: 'kind' };
      }
      return null;
    }
    default:
      return null;
  }
}

function readObject(node: JsonNode & { kind: 'object' }, diagnostics: Diagnostic[]): PsObject {
  const object: PsObject = { line: node.line, values: [] };
  for (const { key, line, value } of node.entries) {
    if (key.toLowerCase() === 'pspath' && value.kind === 'string') {
      object.psPath = { text: value.value, line };
    }
    if (isPsProperty(key)) continue;
    const name = key.toLowerCase() === '(default)' ? '' : key;
    const read = valueOf(name, value, line);
    if (read) object.values.push(read);
    else {
      diagnostics.push({
        line,
        severity: 'warning',
        message: `${shown(key)} is ${value.kind === 'literal' ? String(value.value) : `a JSON ${value.kind}`}, which no registry value gives: skipped`,
      });
    }
  }
  return object;
}

/** The objects of the JSON: an object, an array of objects, or Windows PowerShell's {value, Count}. */
function objectsOf(root: JsonNode): (JsonNode & { kind: 'object' })[] | null {
  if (root.kind === 'object') {
    const value = root.entries.find((e) => e.key === 'value')?.value;
    const wrapped = root.entries.length === 2 && root.entries.some((e) => e.key === 'Count');
    return wrapped && value?.kind === 'array' ? objectsOf(value) : [root];
  }
  if (root.kind !== 'array') return null;
  const objects = root.items.filter(
    (item): item is JsonNode & { kind: 'object' } => item.kind === 'object',
  );
  return objects.length === root.items.length ? objects : null;
}

/** Reads ConvertTo-Json text; `error` when it is not JSON of registry objects. */
export function readPowerShellJson(text: string): DocumentRead | { error: string } {
  const root = parseJsonLines(text);
  if ('error' in root) return { error: `the JSON is broken on line ${root.line}: ${root.error}` };
  const objects = objectsOf(root);
  if (!objects)
    return {
      error: 'the JSON is not an object or a list of objects, as ConvertTo-Json writes them',
    };
  const diagnostics: Diagnostic[] = [];
  const read = objects.map((object) => readObject(object, diagnostics));
  const { ops, typeShown } = psObjectOps(read, diagnostics);
  return { ops, typeShown, diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
}

const PROPERTY_NAME = /"((?:[^"\\]|\\.){1,200})"\s*:/g;

export const powerShellJsonReader: InputReader = {
  kind: 'PowerShell ConvertTo-Json output',
  // JSON whose property names include PSPath or a Guest\Parameters or Auto value name.
  accepts(head) {
    if (!/^\s*[[{]/.test(head.text)) return false;
    for (const match of head.text.matchAll(PROPERTY_NAME)) {
      if (isKvpObjectName(match[1] as string)) return true;
    }
    return false;
  },
  wholeUpTo: TEXT_WHOLE_BYTES,
  readWhole(input) {
    const decoded = decodeText(input.bytes, 'windows-1252');
    const read = readPowerShellJson(decoded.text);
    if ('error' in read) return read;
    return textResult(input, 'powershell-json', decoded, splitLines(decoded.text), read);
  },
};
