// Decoding bytes that arrive in chunks, for files larger than one JS string (design.md:
// V8 strings end near 536 million characters; full exports can be larger, §1.4).
import {
  DETECT_HEAD_BYTES,
  decodeUtf16le,
  decodeUtf8Strict,
  decodeWindows1252,
  detectUnicode,
  swapBytePairs,
  utf8WithoutBomNote,
} from './decode';
import type { Diagnostic, RegEncoding } from './types';

type Mode = 'detect' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

/**
 * Same results as decodeRegBytes on the whole input, piece by piece. Carried between chunks:
 * the first bytes until the encoding is known, an odd trailing byte and a high surrogate whose
 * low half is in the next chunk (UTF-16), an incomplete UTF-8 sequence.
 *
 * One deliberate difference: without a BOM, the whole-buffer decoder reads everything as
 * Windows-1252 when any byte is invalid UTF-8. Here text already handed out stays as read; if
 * it held non-ASCII UTF-8 characters, a warning says so. (Pure ASCII reads the same either way.)
 */
export class StreamDecoder {
  encoding: RegEncoding = 'utf-8';
  readonly diagnostics: Diagnostic[] = [];
  private mode: Mode = 'detect';
  private carry: Uint8Array = new Uint8Array(0);
  private sawNonAscii = false;
  private bom = false;

  push(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = new Uint8Array(0);
    }
    if (this.mode === 'detect') {
      if (bytes.length < DETECT_HEAD_BYTES) {
        this.carry = bytes.slice();
        return '';
      }
      bytes = this.detect(bytes);
    }
    return this.decode(bytes, false);
  }

  end(): string {
    let bytes = this.carry;
    this.carry = new Uint8Array(0);
    if (this.mode === 'detect') bytes = this.detect(bytes);
    const text = this.decode(bytes, true);
    if (this.encoding === 'utf-8' && this.sawNonAscii && !this.bom) {
      this.diagnostics.push(utf8WithoutBomNote());
    }
    return text;
  }

  private detect(bytes: Uint8Array): Uint8Array {
    const guess = detectUnicode(bytes.subarray(0, DETECT_HEAD_BYTES));
    if (!guess) {
      this.mode = 'utf-8';
      this.encoding = 'utf-8';
      return bytes;
    }
    this.mode = guess.encoding;
    this.encoding = guess.encoding;
    this.bom = guess.bomLength > 0;
    for (const item of guess.diagnostics) this.diagnostics.push(item);
    return bytes.subarray(guess.bomLength);
  }

  private decode(bytes: Uint8Array, last: boolean): string {
    switch (this.mode) {
      case 'utf-16le':
      case 'utf-16be': {
        let n = last ? bytes.length : bytes.length & ~1;
        if (!last && n >= 2) {
          // Keep a high surrogate for its low half in the next chunk.
          const hi = this.mode === 'utf-16le' ? bytes[n - 1] : bytes[n - 2];
          if (hi !== undefined && hi >= 0xd8 && hi <= 0xdb) n -= 2;
        }
        this.carry = bytes.slice(n);
        return this.mode === 'utf-16le'
          ? decodeUtf16le(bytes, 0, n)
          : decodeUtf16le(swapBytePairs(bytes, 0, n));
      }
      case 'utf-8': {
        const n = last ? bytes.length : completeUtf8Length(bytes);
        const text = decodeUtf8Strict(bytes, 0, n);
        if (text === null) {
          if (this.sawNonAscii) {
            this.diagnostics.push({
              line: 1,
              severity: 'warning',
              message:
                'the file is not valid UTF-8 after all: read from here on as Windows-1252, but earlier non-ASCII text was read as UTF-8 (the whole-file reader would read it all as Windows-1252)',
            });
          }
          this.mode = 'windows-1252';
          this.encoding = 'windows-1252';
          return this.decode(bytes, last);
        }
        this.carry = bytes.slice(n);
        // eslint-disable-next-line no-control-regex
        if (!this.sawNonAscii && /[^\u0000-\u007f]/.test(text)) this.sawNonAscii = true;
        return text;
      }
      case 'windows-1252':
        return decodeWindows1252(bytes);
      default:
        return '';
    }
  }
}

/** Length of the prefix of `bytes` that ends on a whole UTF-8 sequence. */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = bytes[n - back] ?? 0;
    if (b < 0x80) return n; // ASCII: everything before is complete
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}
