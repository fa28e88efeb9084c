// How the bytes of hex(1)/hex(2)/hex(7) become stored text on import (reg-format.md §2.3).
import { decodeWindows1252, writeUtf16le } from './decode';

export interface StoredString {
  /** UTF-16LE, as the registry holds the text. */
  bytes: Uint8Array;
  /** Set when the bytes did not match what the header promises. */
  note?: string;
}

/**
 * The bytes Windows stores for string-typed hex data:
 *
 * - v5.00 header: the hex bytes are UTF-16LE. One NUL character (00,00) is appended when the last
 *   character is not NUL (§2.3 "NUL termination", RIT Wine66/67); empty data stays empty (X25).
 * - REGEDIT4 header: the hex bytes are code-page text (we read Windows-1252). The same NUL rule
 *   holds in 8-bit form — `hex(7):4c,69,6e,65` is "Line\0" (§7.5 X23) — and the text is stored
 *   converted to UTF-16LE (§2.3: "code-page bytes converted to UTF-16"; Wine's
 *   `prepare_hex_string_data` does the same), so "Line\0" is 10 bytes.
 * - Fallback (§2.3 recommendation): REGEDIT4 data made of `xx,00` pairs is really UTF-16LE
 *   (hand-written files do this); we read it as UTF-16LE and say so.
 */
export function storedStringBytes(
  type: number,
  raw: Uint8Array,
  unicodeHeader: boolean,
): StoredString {
  if (raw.length === 0) return { bytes: raw };
  if (!unicodeHeader) {
    if (looksUtf16le(raw)) {
      return {
        bytes: withNulUnit(raw),
        note: `hex(${type}) bytes come in "xx,00" pairs, which is UTF-16LE text although the REGEDIT4 header means code-page bytes; read as UTF-16LE`,
      };
    }
    return { bytes: codePageToUtf16le(raw) };
  }
  if (raw.length % 2 === 1) {
    return {
      bytes: raw,
      note: `hex(${type}) has an odd number of bytes (${raw.length}), which is not whole UTF-16 text; the bytes are kept as written`,
    };
  }
  return { bytes: withNulUnit(raw) };
}

/** Windows-1252 bytes as UTF-16LE, with one NUL character appended when the last is not NUL. */
function codePageToUtf16le(raw: Uint8Array): Uint8Array {
  const text = decodeWindows1252(raw);
  const nul = raw[raw.length - 1] === 0 ? 0 : 2;
  const out = new Uint8Array(text.length * 2 + nul);
  writeUtf16le(text, out, 0);
  return out;
}

function withNulUnit(raw: Uint8Array): Uint8Array {
  const n = raw.length;
  if (raw[n - 1] === 0 && raw[n - 2] === 0) return raw;
  const out = new Uint8Array(n + 2);
  out.set(raw);
  return out;
}

function looksUtf16le(raw: Uint8Array): boolean {
  if (raw.length < 2 || raw.length % 2 === 1) return false;
  for (let i = 1; i < raw.length; i += 2) if (raw[i] !== 0) return false;
  return true;
}
