// Bytes → text, the way the file's encoding is told apart (reg-format.md §1.2).
import type { Diagnostic, RegEncoding } from './types';

export interface EncodingGuess {
  encoding: RegEncoding;
  /** Bytes of the byte-order mark, skipped before decoding. */
  bomLength: number;
  diagnostics: Diagnostic[];
}

/**
 * 0x80–0x9F of Windows-1252. Node 20's TextDecoder('windows-1252') maps this range to C1
 * controls (reg-format.md §1.2, "Node gotcha"), so we ship the table. The five bytes that
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the same code point,
 * as in Latin-1; every byte outside this range is its own code point.
 */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const CHUNK = 0x2000;
export const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;
/**
 * Below this many bytes, reading the units directly beats a TextDecoder call (whose fixed cost
 * dominates for the short strings of most values).
 */
const DECODER_FROM_BYTES = 512;

/** The code points of bytes 0x80–0xFF in Windows-1252 (the rest of 0xA0–0xFF is Latin-1). */
const CP1252_HIGH = Array.from({ length: 128 }, (_, i) => CP1252_80_9F[i] ?? 0x80 + i);

/** Windows-1252 bytes → text, with our own table for 0x80–0x9F. */
export function decodeWindows1252(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return decodeSingleByte(bytes, CP1252_HIGH, start, end);
}

/** Bytes of a single-byte code page → text: ASCII as is, 0x80–0xFF through `high`. */
export function decodeSingleByte(
  bytes: Uint8Array,
  high: readonly number[],
  start = 0,
  end = bytes.length,
): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, Math.max(0, end - start)));
  for (let p = start; p < end; p += CHUNK) {
    const n = Math.min(CHUNK, end - p);
    for (let i = 0; i < n; i++) {
      const b = bytes[p + i] ?? 0;
      units[i] = b >= 0x80 ? (high[b - 0x80] ?? b) : b;
    }
    parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  }
  return parts.join('');
}

// ignoreBOM: true keeps a U+FEFF that happens to start a chunk; the file's BOM is skipped by offset.
const utf16Decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-16LE code units, one by one, so that unpaired surrogates survive (reg-format.md §7.5 X37). */
function utf16Units(bytes: Uint8Array, start: number, end: number): string {
  const count = Math.max(0, (end - start) >> 1);
  const at = bytes.byteOffset + start;
  if (count <= CHUNK && at % 2 === 0 && LITTLE_ENDIAN) {
    // Aligned (value bytes are, see line-parser.ts alloc): read the units in place, no copy.
    return String.fromCharCode.apply(
      null,
      new Uint16Array(bytes.buffer, at, count) as unknown as number[],
    );
  }
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, count));
  for (let p = start; p + 1 < end; p += CHUNK * 2) {
    const n = Math.min(CHUNK, (end - p) >> 1);
    for (let i = 0; i < n; i++) {
      units[i] = (bytes[p + 2 * i] ?? 0) | ((bytes[p + 2 * i + 1] ?? 0) << 8);
    }
    parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * UTF-16LE → text, keeping every code unit. TextDecoder is fast but replaces unpaired surrogates
 * with U+FFFD; when its output contains U+FFFD we decode unit by unit instead. An odd last byte
 * becomes U+FFFD.
 */
export function decodeUtf16le(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const even = start + ((end - start) & ~1);
  let text: string;
  if (even - start < DECODER_FROM_BYTES) {
    text = utf16Units(bytes, start, even);
  } else {
    text = utf16Decoder.decode(bytes.subarray(start, even));
    if (text.indexOf('\uFFFD') !== -1) text = utf16Units(bytes, start, even);
  }
  return even < end ? text + '\uFFFD' : text;
}

/** Text → UTF-16LE bytes, code unit by code unit (lone surrogates included). */
export function encodeUtf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  writeUtf16le(text, out, 0);
  return out;
}

/** Writes `text` as UTF-16LE into `out` from byte `at` (as encodeUtf16le). */
export function writeUtf16le(text: string, out: Uint8Array, at: number): void {
  for (let i = 0, o = at; i < text.length; i++, o += 2) {
    const c = text.charCodeAt(i);
    out[o] = c & 0xff;
    out[o + 1] = c >> 8;
  }
}

/** Copy with each pair of bytes swapped: UTF-16BE ⇄ UTF-16LE. */
export function swapBytePairs(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = start; i + 1 < end; i += 2) {
    out[i - start] = bytes[i + 1] ?? 0;
    out[i - start + 1] = bytes[i] ?? 0;
  }
  if ((end - start) & 1) out[end - start - 1] = bytes[end - 1] ?? 0;
  return out;
}

/** Strict UTF-8, or null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0, end = bytes.length): string | null {
  try {
    return utf8Fatal.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

/**
 * The encoding a byte-order mark or the zero bytes of UTF-16LE announce (§1.2, steps 1–2).
 * Returns null for 8-bit text, where UTF-8 versus Windows-1252 needs the whole input.
 */
export function detectUnicode(head: Uint8Array): EncodingGuess | null {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { encoding: 'utf-16le', bomLength: 2, diagnostics: [] };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return {
      encoding: 'utf-16be',
      bomLength: 2,
      diagnostics: [
        warn('the file is UTF-16 big-endian; regedit rejects it (it reads only UTF-16LE with BOM)'),
      ],
    };
  }
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) {
    return {
      encoding: 'utf-8',
      bomLength: 3,
      diagnostics: [
        warn(
          'the file is UTF-8 with a byte-order mark; newer Windows imports it, but older regedit reports "not a registry script" — UTF-16LE with BOM is the safe choice',
        ),
      ],
    };
  }
  // No BOM: UTF-16LE shows as a zero high byte after the first characters ("W\0i\0", "R\0E\0").
  if (head.length >= 2 && b0 !== 0 && b1 === 0 && (head.length < 4 || head[3] === 0)) {
    return {
      encoding: 'utf-16le',
      bomLength: 0,
      diagnostics: [
        warn(
          'the file is UTF-16LE without a byte-order mark; regedit rejects it ("not a registry script") — it needs the FF FE mark at the start',
        ),
      ],
    };
  }
  return null;
}

/** Bytes needed by detectUnicode to decide. */
export const DETECT_HEAD_BYTES = 4;

function warn(message: string): Diagnostic {
  return { line: 1, severity: 'warning', message };
}

/** The note for BOM-less 8-bit text with non-ASCII characters read as UTF-8 (§1.2, UNCERTAIN). */
export function utf8WithoutBomNote(): Diagnostic {
  return {
    line: 1,
    severity: 'info',
    message:
      'no byte-order mark: the non-ASCII text was read as UTF-8, but Windows reads such files in the ANSI code page, so it may import different characters',
  };
}

export interface DecodedText {
  text: string;
  encoding: RegEncoding;
  diagnostics: Diagnostic[];
}

/** Decode a whole file (§1.2 detection algorithm). Never throws. */
export function decodeRegBytes(bytes: Uint8Array): DecodedText {
  const guess = detectUnicode(bytes.subarray(0, DETECT_HEAD_BYTES));
  if (guess) {
    const { encoding, bomLength, diagnostics } = guess;
    let text: string;
    if (encoding === 'utf-16le') text = decodeUtf16le(bytes, bomLength);
    else if (encoding === 'utf-16be') {
      text = decodeUtf16le(swapBytePairs(bytes, bomLength, bytes.length));
    } else {
      const utf8 = decodeUtf8Strict(bytes, bomLength);
      if (utf8 === null) {
        return { text: decodeWindows1252(bytes, bomLength), encoding: 'windows-1252', diagnostics };
      }
      text = utf8;
    }
    return { text, encoding, diagnostics };
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) {
    // eslint-disable-next-line no-control-regex
    const diagnostics = /[^\u0000-\u007f]/.test(utf8) ? [utf8WithoutBomNote()] : [];
    return { text: utf8, encoding: 'utf-8', diagnostics };
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', diagnostics: [] };
}
