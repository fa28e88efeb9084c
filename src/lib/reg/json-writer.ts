// JSON text written as UTF-8 bytes straight into fixed-size buffers, for outputs larger than a
// string can hold (`kvp-analyzer parse --json` of a whole-registry export). Strings are escaped
// exactly as JSON.stringify escapes them, so the bytes are those of JSON.stringify's text.

/** Bytes one call below may add at most: a piece of PIECE_CHARS characters, six bytes each. */
const PIECE_CHARS = 8192;
/** Bytes of hex one call writes at most (two characters a byte). */
const PIECE_BYTES = 16384;
const HEADROOM = 6 * PIECE_CHARS + 1024;
/** Chunks carved from one allocation. */
const SLAB_CHUNKS = 16;

/** Positions a mark can tell apart in one slab (more than any slab holds). */
const MARKS_PER_BUFFER = 2 ** 31;

const HEX_DIGITS = '0123456789abcdef';
/** The two lowercase hex digits of every byte, as character codes. */
const HEX_HIGH = new Uint8Array(256);
const HEX_LOW = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  HEX_HIGH[b] = HEX_DIGITS.charCodeAt(b >> 4);
  HEX_LOW[b] = HEX_DIGITS.charCodeAt(b & 15);
}

/**
 * For each ASCII code: 0 when JSON.stringify writes it as it is, else the letter of its short
 * escape (`\n` …), or 1 for `\u00XX`.
 */
const ESCAPE = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) ESCAPE[c] = 1;
ESCAPE[0x08] = 0x62; // b
ESCAPE[0x09] = 0x74; // t
ESCAPE[0x0a] = 0x6e; // n
ESCAPE[0x0c] = 0x66; // f
ESCAPE[0x0d] = 0x72; // r
ESCAPE[0x22] = 0x22; // "
ESCAPE[0x5c] = 0x5c; // \

/**
 * Collects JSON bytes into chunks of about `chunkBytes`. Every write lands in the current chunk;
 * once it holds `chunkBytes`, it becomes a ready chunk (`take`). A caller that writes large
 * strings or byte runs in pieces (`*Pieces`) and takes the ready chunks between them keeps at
 * most a few chunks in memory, whatever the size of the output.
 *
 * The chunks are consecutive views into slabs of SLAB_CHUNKS chunks, never written again once
 * handed out: no copy, and one allocation per slab (an ArrayBuffer per chunk, memory outside
 * the heap, made V8 collect garbage more often).
 */
export class JsonWriter {
  private buffer: Uint8Array;
  /** Where the current chunk starts in `buffer`. */
  private start = 0;
  private at = 0;
  private ready: Uint8Array[] = [];
  /** How many chunks were handed over: a hex mark is valid while this stays the same. */
  private rotations = 0;
  private readonly slabBytes: number;

  constructor(private readonly chunkBytes = 64 * 1024) {
    this.slabBytes = chunkBytes * SLAB_CHUNKS + HEADROOM;
    this.buffer = new Uint8Array(this.slabBytes);
  }

  /** The chunks filled so far, handed over; `final` adds what the current chunk holds. */
  take(final = false): Uint8Array[] {
    if (final && this.at > this.start) this.rotate();
    const out = this.ready;
    this.ready = [];
    return out;
  }

  get hasReady(): boolean {
    return this.ready.length > 0;
  }

  /** Pre-encoded bytes (punctuation, keys, indentation). */
  raw(bytes: Uint8Array): void {
    const buffer = this.buffer;
    let at = this.at;
    // A loop: these are a few bytes, where set() costs more than it copies.
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i] as number;
    this.at = at;
    this.check();
  }

  /** A number, as JSON.stringify writes it. */
  number(n: number): void {
    if (Number.isSafeInteger(n) && n >= 0) {
      // Digits straight into the buffer: String(n) was one string per line number.
      const buffer = this.buffer;
      let end = this.at;
      for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) end++;
      this.at = end + 1;
      for (let rest = n; ; rest = Math.floor(rest / 10)) {
        buffer[end--] = 0x30 + (rest % 10);
        if (rest < 10) break;
      }
    } else {
      const text = JSON.stringify(n);
      for (let i = 0; i < text.length; i++) this.buffer[this.at++] = text.charCodeAt(i);
    }
    this.check();
  }

  /** The four bytes of a DWORD, little-endian, as lowercase hex. */
  dwordHex(n: number): void {
    const buffer = this.buffer;
    let at = this.at;
    for (let shift = 0; shift < 32; shift += 8) {
      const b = (n >>> shift) & 0xff;
      buffer[at] = HEX_HIGH[b] as number;
      buffer[at + 1] = HEX_LOW[b] as number;
      at += 2;
    }
    this.at = at;
    this.check();
  }

  /** A quoted string of at most PIECE_CHARS characters (longer ones: stringPieces). */
  string(text: string): void {
    if (text.length > PIECE_CHARS) throw new RangeError('string(): use stringPieces');
    this.buffer[this.at++] = 0x22;
    this.chars(text, 0, text.length);
    this.buffer[this.at++] = 0x22;
    this.check();
  }

  /** A quoted string of any length, yielding the chunks that fill up on the way. */
  *stringPieces(text: string): Generator<Uint8Array> {
    this.buffer[this.at++] = 0x22;
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + PIECE_CHARS);
      // A surrogate pair stays in one piece, so that it is written as one character.
      const last = text.charCodeAt(to - 1);
      if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
      this.chars(text, from, to);
      this.check();
      yield* this.take();
      from = to;
    }
    this.buffer[this.at++] = 0x22;
    this.check();
  }

  /**
   * Lowercase hex of bytes[from, to), at most PIECE_BYTES of them, unquoted. Returns a mark of
   * where it starts, for copy.
   */
  hex(bytes: Uint8Array, from = 0, to = bytes.length): number {
    const buffer = this.buffer;
    const start = this.at;
    const mark = this.rotations * MARKS_PER_BUFFER + start;
    let at = start;
    for (let i = from; i < to; i++) {
      const b = bytes[i] as number;
      buffer[at] = HEX_HIGH[b] as number;
      buffer[at + 1] = HEX_LOW[b] as number;
      at += 2;
    }
    this.at = at;
    this.check();
    return mark;
  }

  /**
   * Writes again the `length` bytes that hex wrote at `mark`; false, writing nothing, when they
   * have left the buffer since (or mark is −1).
   */
  copy(mark: number, length: number): boolean {
    if (mark < 0 || Math.floor(mark / MARKS_PER_BUFFER) !== this.rotations) return false;
    const start = mark % MARKS_PER_BUFFER;
    this.buffer.copyWithin(this.at, start, start + length);
    this.at += length;
    this.check();
    return true;
  }

  /** Lowercase hex of any number of bytes, unquoted, yielding the chunks that fill up. */
  *hexPieces(bytes: Uint8Array): Generator<Uint8Array> {
    for (let from = 0; from < bytes.length; from += PIECE_BYTES) {
      this.hex(bytes, from, Math.min(bytes.length, from + PIECE_BYTES));
      yield* this.take();
    }
  }

  /**
   * Lowercase hex of `text[from, to)` stored as UTF-16LE (each code unit, low byte first), for
   * text whose bytes were never made; at most PIECE_BYTES / 2 units.
   */
  utf16Hex(text: string, from = 0, to = text.length): void {
    const buffer = this.buffer;
    let at = this.at;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const low = c & 0xff;
      const high = c >> 8;
      buffer[at] = HEX_HIGH[low] as number;
      buffer[at + 1] = HEX_LOW[low] as number;
      buffer[at + 2] = HEX_HIGH[high] as number;
      buffer[at + 3] = HEX_LOW[high] as number;
      at += 4;
    }
    this.at = at;
    this.check();
  }

  /** utf16Hex of text of any length, yielding the chunks that fill up. */
  *utf16HexPieces(text: string): Generator<Uint8Array> {
    const units = PIECE_BYTES / 2;
    for (let from = 0; from < text.length; from += units) {
      this.utf16Hex(text, from, Math.min(text.length, from + units));
      yield* this.take();
    }
  }

  /**
   * A quoted string of the UTF-16LE text in bytes[from, to), read as decodeUtf16le reads it
   * (every code unit kept; an odd last byte is U+FFFD), without making the string; at most
   * 2 × PIECE_CHARS bytes (longer ones: utf16StringPieces).
   */
  utf16String(bytes: Uint8Array, from: number, to: number): void {
    this.buffer[this.at++] = 0x22;
    this.units(bytes, from, to);
    this.buffer[this.at++] = 0x22;
    this.check();
  }

  /** utf16String of any length, yielding the chunks that fill up on the way. */
  *utf16StringPieces(bytes: Uint8Array, from: number, to: number): Generator<Uint8Array> {
    this.buffer[this.at++] = 0x22;
    for (let start = from; start < to;) {
      let end = Math.min(to, start + 2 * PIECE_CHARS);
      // A surrogate pair stays in one piece (its high half ends a piece at an even offset).
      const high = bytes[end - 1] as number;
      if (end < to && (end - start) % 2 === 0 && high >= 0xd8 && high <= 0xdb) end -= 2;
      this.units(bytes, start, end);
      this.check();
      yield* this.take();
      start = end;
    }
    this.buffer[this.at++] = 0x22;
    this.check();
  }

  /** The characters of text[from, to) inside a JSON string: escaped as JSON.stringify does. */
  private chars(text: string, from: number, to: number): void {
    const buffer = this.buffer;
    let at = this.at;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80 && ESCAPE[c] === 0) {
        buffer[at++] = c;
        continue;
      }
      const written = encodeUnit(buffer, at, c, i + 1 < to ? text.charCodeAt(i + 1) : -1);
      if (written < 0) {
        at = ~written;
        i++;
      } else {
        at = written;
      }
    }
    this.at = at;
  }

  /** chars() for the UTF-16LE code units of bytes[from, to); an odd last byte is U+FFFD. */
  private units(bytes: Uint8Array, from: number, to: number): void {
    const buffer = this.buffer;
    let at = this.at;
    const even = to - ((to - from) & 1);
    for (let i = from; i < even; i += 2) {
      const c = (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
      if (c < 0x80 && ESCAPE[c] === 0) {
        buffer[at++] = c;
        continue;
      }
      const next = i + 3 < even ? (bytes[i + 2] as number) | ((bytes[i + 3] as number) << 8) : -1;
      const written = encodeUnit(buffer, at, c, next);
      if (written < 0) {
        at = ~written;
        i += 2;
      } else {
        at = written;
      }
    }
    if (even < to) at = encodeUnit(buffer, at, 0xfffd, -1);
    this.at = at;
  }

  private check(): void {
    if (this.at - this.start >= this.chunkBytes) this.rotate();
  }

  private rotate(): void {
    this.ready.push(this.buffer.subarray(this.start, this.at));
    this.start = this.at;
    this.rotations++;
    if (this.buffer.length - this.at < this.chunkBytes + HEADROOM) {
      this.buffer = new Uint8Array(this.slabBytes);
      this.start = 0;
      this.at = 0;
    }
  }
}

/**
 * Code unit `c` inside a JSON string, as JSON.stringify writes it, then UTF-8 (`next`: the unit
 * after it, or −1). Returns the position after it, or its complement (~) when `c` and `next`
 * were a surrogate pair, written as one character.
 */
function encodeUnit(buffer: Uint8Array, at: number, c: number, next: number): number {
  if (c < 0x80) {
    const escape = ESCAPE[c] as number;
    if (escape === 0) {
      buffer[at] = c;
      return at + 1;
    }
    if (escape === 1) return unicodeEscape(buffer, at, c);
    buffer[at] = 0x5c;
    buffer[at + 1] = escape;
    return at + 2;
  }
  if (c < 0x800) {
    buffer[at] = 0xc0 | (c >> 6);
    buffer[at + 1] = 0x80 | (c & 0x3f);
    return at + 2;
  }
  if (c < 0xd800 || c > 0xdfff) {
    buffer[at] = 0xe0 | (c >> 12);
    buffer[at + 1] = 0x80 | ((c >> 6) & 0x3f);
    buffer[at + 2] = 0x80 | (c & 0x3f);
    return at + 3;
  }
  if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
    const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
    buffer[at] = 0xf0 | (point >> 18);
    buffer[at + 1] = 0x80 | ((point >> 12) & 0x3f);
    buffer[at + 2] = 0x80 | ((point >> 6) & 0x3f);
    buffer[at + 3] = 0x80 | (point & 0x3f);
    return ~(at + 4);
  }
  // A lone surrogate: JSON.stringify writes it as \udXXX (well-formed JSON.stringify).
  return unicodeEscape(buffer, at, c);
}

/** `\uXXXX` with lowercase digits, as JSON.stringify writes control characters and lone surrogates. */
function unicodeEscape(buffer: Uint8Array, at: number, c: number): number {
  buffer[at] = 0x5c;
  buffer[at + 1] = 0x75;
  buffer[at + 2] = HEX_HIGH[c >> 8] as number;
  buffer[at + 3] = HEX_LOW[c >> 8] as number;
  buffer[at + 4] = HEX_HIGH[c & 0xff] as number;
  buffer[at + 5] = HEX_LOW[c & 0xff] as number;
  return at + 6;
}

const encoder = new TextEncoder();

/** ASCII text as bytes, for the fixed parts of a JSON layout. */
export function ascii(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The most characters `string` takes and the most bytes `hex` takes in one call. */
export const JSON_PIECE = { chars: PIECE_CHARS, bytes: PIECE_BYTES } as const;
