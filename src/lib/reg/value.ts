// A value as the parser reads it (types.ts RegValue). It keeps the form the file wrote: the
// text of a quoted string or a dword, the bytes of hex data. The other form is worked out on
// first read and then kept: decoding every value of a large export up front was 10–15% of a
// full parse whose caller reads a few of them (measured on the 42 MB bench export).
import { REG_DWORD, REG_SZ, decodeData } from './data';
import { writeUtf16le } from './decode';
import type { RegData, RegValue } from './types';

/**
 * The `overwritten` of every value that replaced nothing: one array per value was a measurable
 * share of the parse's garbage. Frozen, so that a caller that pushes to it fails loudly instead
 * of changing every value at once; `renamed` gives a value that replaces another its own array.
 */
const NONE_OVERWRITTEN = Object.freeze([]) as unknown as number[];

export class ParsedValue implements RegValue {
  name: string;
  readonly type: number;
  readonly line: number;
  readonly endLine: number;
  overwritten: number[];
  // At least one of the two is set; undefined means "not worked out yet" (RegData is never
  // undefined).
  #bytes: Uint8Array | undefined;
  #data: RegData | undefined;

  private constructor(
    name: string,
    type: number,
    line: number,
    endLine: number,
    overwritten: number[],
    bytes: Uint8Array | undefined,
    data: RegData | undefined,
  ) {
    this.name = name;
    this.type = type;
    this.line = line;
    this.endLine = endLine;
    this.overwritten = overwritten;
    this.#bytes = bytes;
    this.#data = data;
  }

  /**
   * `"name"="text"`: REG_SZ, stored as the text in UTF-16LE with a NUL (reg-format.md §2.3). The
   * data ends at the first NUL the text may hold, as decodeData reads the bytes.
   */
  static ofString(name: string, text: string, line: number): ParsedValue {
    const nul = text.indexOf('\0');
    return nul === -1
      ? new ParsedValue(name, REG_SZ, line, line, NONE_OVERWRITTEN, undefined, text)
      : new ParsedValue(
          name,
          REG_SZ,
          line,
          line,
          NONE_OVERWRITTEN,
          szBytes(text),
          text.slice(0, nul),
        );
  }

  /** `"name"=dword:…`: REG_DWORD, stored little-endian (§2.3). */
  static ofDword(name: string, value: number, line: number): ParsedValue {
    return new ParsedValue(name, REG_DWORD, line, line, NONE_OVERWRITTEN, undefined, value);
  }

  /** hex data: the stored bytes (string-data.ts for the string types). */
  static ofBytes(
    name: string,
    type: number,
    bytes: Uint8Array,
    line: number,
    endLine: number,
  ): ParsedValue {
    return new ParsedValue(name, type, line, endLine, NONE_OVERWRITTEN, bytes, undefined);
  }

  get bytes(): Uint8Array {
    // Only ofString and ofDword leave the bytes to be worked out, from their data.
    return (this.#bytes ??=
      this.type === REG_SZ ? szBytes(this.#data as string) : dwordBytes(this.#data as number));
  }

  /**
   * The bytes when the value holds them already; undefined for a quoted string or a dword whose
   * bytes were never asked for (`bytes` would make them: the text in UTF-16LE with a NUL, the
   * number little-endian), so that a writer can write them from `data` without making them.
   */
  peekBytes(): Uint8Array | undefined {
    return this.#bytes;
  }

  get data(): RegData {
    if (this.#data === undefined) {
      this.#data = decodeData(this.type, this.#bytes as Uint8Array);
    }
    return this.#data;
  }

  /** The same value under another spelling of its name, replacing the writes on `overwritten`. */
  renamed(name: string, overwritten: number[]): ParsedValue {
    return new ParsedValue(
      name,
      this.type,
      this.line,
      this.endLine,
      overwritten,
      this.#bytes,
      this.#data,
    );
  }
}

/** Size of the slabs that the bytes worked out from text are carved from. */
const SLAB_BYTES = 64 * 1024;
// One ArrayBuffer per value cost more to allocate and collect than the encoding itself (as in
// line-parser.ts): the bytes are views into shared slabs. A slab's bytes before `slabUsed` belong
// to values and never change.
let slab = new Uint8Array(0);
let slabUsed = 0;

/** `n` bytes for one value, zeroed. */
function alloc(n: number): Uint8Array {
  if (n > SLAB_BYTES / 8) return new Uint8Array(n);
  if (slabUsed + n > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = new Uint8Array(slab.buffer, slabUsed, n);
  // Even offsets keep UTF-16 data aligned for a Uint16Array view (decodeUtf16le).
  slabUsed += n + (n & 1);
  return out;
}

/** REG_SZ as stored: UTF-16LE with its NUL terminator (§2.3). */
function szBytes(text: string): Uint8Array {
  const out = alloc(text.length * 2 + 2);
  writeUtf16le(text, out, 0);
  return out;
}

function dwordBytes(value: number): Uint8Array {
  const out = alloc(4);
  out[0] = value & 0xff;
  out[1] = (value >>> 8) & 0xff;
  out[2] = (value >>> 16) & 0xff;
  out[3] = value >>> 24;
  return out;
}
