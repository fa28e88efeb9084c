// The JSON view of a parsed file (`kvp-analyzer parse --json`), written as UTF-8 chunks: an
// export of any size gives its JSON in bounded memory, without one string of the whole text.
import { REG_EXPAND_SZ, REG_LINK, REG_MULTI_SZ, REG_SZ, decodeData, typeName } from './data';
import { JSON_PIECE, JsonWriter, ascii } from './json-writer';
import { replacedKeys } from './replaced';
import type { RegDocument, RegEncoding, RegFormat, RegKey, RegValue, Severity } from './types';
import { ParsedValue } from './value';

export type ParseJsonData = string | string[] | number;

/** The shape of the JSON that parseJsonChunks writes. */
export interface ParseJsonValue {
  /** '' for the default value. */
  name: string;
  /** typeName(): REG_SZ …, or hex(N). */
  type: string;
  /**
   * Text for SZ/EXPAND_SZ/LINK, a list for MULTI_SZ, a number for a 4-byte DWORD (big-endian
   * for DWORD_BIG_ENDIAN), a decimal string for an 8-byte QWORD (JSON numbers lose precision
   * above 2^53), and lowercase hex for everything else, wrong lengths included.
   */
  data?: ParseJsonData;
  /** The stored bytes, lowercase hex without separators. */
  bytes: string;
  line: number;
  deleted?: true;
}

export interface ParseJsonKey {
  path: string;
  deleted?: true;
  /**
   * The file deletes this key (or a key above it) on `line` and then writes it again: on import
   * the key's earlier values and subkeys are gone, and it holds only `values`.
   */
  replaced?: { line: number };
  values: ParseJsonValue[];
}

export interface ParseJson {
  format: RegFormat;
  encoding: RegEncoding;
  keys: ParseJsonKey[];
  diagnostics: { line: number; severity: Severity; message: string }[];
}

/** The fixed parts of the layout: JSON.stringify(…, null, 2)'s when pretty, else none. */
function layout(pretty: boolean) {
  const nl = (depth: number) => (pretty ? `\n${'  '.repeat(depth)}` : '');
  const field = (depth: number, name: string) => `${nl(depth)}"${name}":${pretty ? ' ' : ''}`;
  return {
    docOpen: ascii(`{${field(1, 'format')}`),
    encoding: ascii(`,${field(1, 'encoding')}`),
    keys: ascii(`,${field(1, 'keys')}`),
    diagnostics: ascii(`,${field(1, 'diagnostics')}`),
    docClose: ascii(`${nl(0)}}\n`),
    empty: ascii('[]'),
    itemsOpen: ascii(`[${nl(2)}`),
    itemsNext: ascii(`,${nl(2)}`),
    itemsClose: ascii(`${nl(1)}]`),
    keyOpen: ascii(`{${field(3, 'path')}`),
    keyDeleted: ascii(`,${field(3, 'deleted')}true`),
    replacedOpen: ascii(`,${field(3, 'replaced')}{${field(4, 'line')}`),
    replacedClose: ascii(`${nl(3)}}`),
    values: ascii(`,${field(3, 'values')}`),
    keyClose: ascii(`${nl(2)}}`),
    valuesOpen: ascii(`[${nl(4)}`),
    valuesClose: ascii(`${nl(3)}]`),
    valueOpen: ascii(`{${field(5, 'name')}`),
    nextValueOpen: ascii(`,${nl(4)}{${field(5, 'name')}`),
    type: ascii(`,${field(5, 'type')}`),
    // The named types' `type` and the start of `data`, in one piece (REG_NONE … REG_QWORD).
    typeAndData: Array.from({ length: 12 }, (_, type) =>
      ascii(`,${field(5, 'type')}${JSON.stringify(typeName(type))},${field(5, 'data')}`),
    ),
    data: ascii(`,${field(5, 'data')}`),
    bytes: ascii(`,${field(5, 'bytes')}"`),
    line: ascii(`",${field(5, 'line')}`),
    valueClose: ascii(`${nl(4)}}`),
    deletedValueTail: ascii(`,${field(5, 'bytes')}"",${field(5, 'line')}`),
    valueDeleted: ascii(`,${field(5, 'deleted')}true${nl(4)}}`),
    listOpen: ascii(`[${nl(6)}`),
    listNext: ascii(`,${nl(6)}`),
    listClose: ascii(`${nl(5)}]`),
    quote: ascii('"'),
    nulUnit: ascii('0000'),
    diagnosticOpen: ascii(`{${field(3, 'line')}`),
    severity: ascii(`,${field(3, 'severity')}`),
    message: ascii(`,${field(3, 'message')}`),
  };
}

export interface ParseJsonOptions {
  /** Indent as JSON.stringify(json, null, 2) does; compact otherwise. */
  pretty?: boolean;
  /** About how many bytes each chunk holds. */
  chunkBytes?: number;
}

/**
 * The JSON of `doc` (ParseJson, then a newline) as UTF-8 chunks: the bytes of
 * JSON.stringify(json) — or JSON.stringify(json, null, 2) with `pretty` — without that string.
 * Consumes `doc`: its ops are dropped first and each key once written, so that the memory the
 * document held goes while the output is written (`doc` keeps its format, encoding and
 * diagnostics, and no keys).
 *
 * One generator for the whole walk, values inline: a generator per value showed in the profile
 * as much as the writing of its bytes. Parts longer than one writer call (JSON_PIECE) go in pieces, the full chunks
 * handed out between them, so that a 200 MB value needs no more memory than a small one.
 */
export function* parseJsonChunks(
  doc: RegDocument,
  options: ParseJsonOptions = {},
): Generator<Uint8Array> {
  const l = layout(options.pretty ?? false);
  const out = new JsonWriter(options.chunkBytes);
  const { chars: longText, bytes: longHex } = JSON_PIECE;
  const replaced = replacedKeys(doc);
  const count = doc.keys.length;
  out.raw(l.docOpen);
  out.string(doc.format);
  out.raw(l.encoding);
  out.string(doc.encoding);
  out.raw(l.keys);
  out.raw(count === 0 ? l.empty : l.itemsOpen);
  let firstKey = true;
  for (const key of handOverKeys(doc)) {
    if (!firstKey) out.raw(l.itemsNext);
    firstKey = false;
    out.raw(l.keyOpen);
    if (key.path.length > longText) yield* out.stringPieces(key.path);
    else out.string(key.path);
    if (key.deleted) out.raw(l.keyDeleted);
    const line = replaced.get(key);
    if (line !== undefined) {
      out.raw(l.replacedOpen);
      out.number(line);
      out.raw(l.replacedClose);
    }
    out.raw(l.values);
    const { values } = key;
    out.raw(values.length === 0 ? l.empty : l.valuesOpen);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as RegValue;
      out.raw(i === 0 ? l.valueOpen : l.nextValueOpen);
      if (v.name.length > longText) yield* out.stringPieces(v.name);
      else out.string(v.name);
      // A quoted string or a dword holds no bytes until asked for: they are written from data.
      const bytes = v instanceof ParsedValue ? v.peekBytes() : v.bytes;
      const named = l.typeAndData[v.type];
      if (named && !v.deleted) {
        out.raw(named);
      } else {
        out.raw(l.type);
        out.string(typeName(v.type));
        if (v.deleted) {
          out.raw(l.deletedValueTail);
          out.number(v.line);
          out.raw(l.valueDeleted);
          continue;
        }
        out.raw(l.data);
      }
      // Text is written from its UTF-16LE bytes, never made into a string here.
      const text = bytes === undefined ? null : textRanges(v.type, bytes);
      const data = text ? null : bytes === undefined ? v.data : decodeData(v.type, bytes);
      // The data of binary values is the hex of the bytes: written once, copied for `bytes`.
      let hexAt = -1;
      if (text) {
        const b = bytes as Uint8Array;
        if (text.list) out.raw(text.ranges.length === 0 ? l.empty : l.listOpen);
        for (let j = 0; j < text.ranges.length; j += 2) {
          if (j > 0) out.raw(l.listNext);
          const from = text.ranges[j] as number;
          const to = text.ranges[j + 1] as number;
          if (to - from > 2 * longText) yield* out.utf16StringPieces(b, from, to);
          else out.utf16String(b, from, to);
          if (out.hasReady) yield* out.take();
        }
        if (text.list && text.ranges.length > 0) out.raw(l.listClose);
      } else if (data === null) {
        out.raw(l.quote);
        if ((bytes as Uint8Array).length > longHex) yield* out.hexPieces(bytes as Uint8Array);
        else hexAt = out.hex(bytes as Uint8Array);
        out.raw(l.quote);
      } else if (typeof data === 'string') {
        if (data.length > longText) yield* out.stringPieces(data);
        else out.string(data);
      } else if (typeof data === 'number') {
        out.number(data);
      } else if (typeof data === 'bigint') {
        out.string(data.toString(10));
      } else if (data.length === 0) {
        out.raw(l.empty);
      } else {
        out.raw(l.listOpen);
        for (let j = 0; j < data.length; j++) {
          if (j > 0) out.raw(l.listNext);
          const item = data[j] as string;
          if (item.length > longText) yield* out.stringPieces(item);
          else out.string(item);
          if (out.hasReady) yield* out.take();
        }
        out.raw(l.listClose);
      }
      out.raw(l.bytes);
      if (bytes) {
        if (bytes.length > longHex) yield* out.hexPieces(bytes);
        else if (!out.copy(hexAt, bytes.length * 2)) out.hex(bytes);
      } else if (typeof data === 'string') {
        // REG_SZ: the text in UTF-16LE with its NUL (ParsedValue.ofString).
        if (data.length > longHex / 2) yield* out.utf16HexPieces(data);
        else out.utf16Hex(data);
        out.raw(l.nulUnit);
      } else if (typeof data === 'number') {
        out.dwordHex(data);
      }
      out.raw(l.line);
      out.number(v.line);
      out.raw(l.valueClose);
      if (out.hasReady) yield* out.take();
    }
    if (values.length > 0) out.raw(l.valuesClose);
    out.raw(l.keyClose);
  }
  if (count > 0) out.raw(l.itemsClose);
  out.raw(l.diagnostics);
  const { diagnostics } = doc;
  out.raw(diagnostics.length === 0 ? l.empty : l.itemsOpen);
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i] as RegDocument['diagnostics'][number];
    if (i > 0) out.raw(l.itemsNext);
    out.raw(l.diagnosticOpen);
    out.number(d.line);
    out.raw(l.severity);
    out.string(d.severity);
    out.raw(l.message);
    if (d.message.length > longText) yield* out.stringPieces(d.message);
    else out.string(d.message);
    out.raw(l.keyClose);
    if (out.hasReady) yield* out.take();
  }
  if (diagnostics.length > 0) out.raw(l.itemsClose);
  out.raw(l.docClose);
  yield* out.take(true);
}

/**
 * Where decodeData finds the text of a string-typed value in its UTF-16LE bytes, as byte ranges
 * [from, to) one after the other (an odd `to` ends the text with U+FFFD, as decodeUtf16le reads
 * a dangling byte): the text of SZ and EXPAND_SZ up to its first NUL, all of LINK, the items of
 * MULTI_SZ (`list`) by decodeData's policy. null for the other types.
 */
function textRanges(type: number, bytes: Uint8Array): { list: boolean; ranges: number[] } | null {
  const n = bytes.length;
  const nulAt = (i: number) => bytes[i] === 0 && bytes[i + 1] === 0;
  switch (type) {
    case REG_SZ:
    case REG_EXPAND_SZ: {
      let end = 0;
      while (end + 1 < n && !nulAt(end)) end += 2;
      return { list: false, ranges: [0, end + 1 < n ? end : n] };
    }
    case REG_LINK:
      return { list: false, ranges: [0, n] };
    case REG_MULTI_SZ: {
      const odd = n & 1;
      let end = n - odd;
      // One NUL ends the last string and a second the list; no more are dropped.
      if (!odd) {
        if (end >= 2 && nulAt(end - 2)) end -= 2;
        if (end >= 2 && nulAt(end - 2)) end -= 2;
        else if (end === 0) return { list: true, ranges: [] };
      }
      const ranges: number[] = [];
      let from = 0;
      for (let i = 0; i < end; i += 2) {
        if (!nulAt(i)) continue;
        ranges.push(from, i);
        from = i + 2;
      }
      ranges.push(from, end + odd);
      return { list: true, ranges };
    }
    default:
      return null;
  }
}

/**
 * The keys of `doc` one at a time, each dropped from the document as it is handed out (its ops
 * first, which hold the same values), so that a writer of the document frees it as it goes.
 */
export function* handOverKeys(doc: RegDocument): Generator<RegKey> {
  const keys: (RegKey | null)[] = doc.keys;
  doc.ops = [];
  doc.keys = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as RegKey;
    keys[i] = null;
    yield key;
  }
}
