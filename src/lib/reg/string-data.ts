// How the bytes of hex(1)/hex(2)/hex(7) become stored text on import (reg-format.md §2.3).
export interface StoredString {
  bytes: Uint8Array;
  /** The bytes are code-page text (REGEDIT4), not UTF-16LE. */
  codePage: boolean;
  /** Set when the bytes did not match what the header promises. */
  note?: string;
}

/**
 * The bytes Windows stores for string-typed hex data, in the file's text form:
 *
 * - v5.00 header: the hex bytes are UTF-16LE. One NUL character (00,00) is appended when the last
 *   character is not NUL (§2.3 "NUL termination", RIT Wine66/67); empty data stays empty (X25).
 * - REGEDIT4 header: the hex bytes are code-page text (we read Windows-1252), kept as written with
 *   the same NUL rule in 8-bit form: `hex(7):4c,69,6e,65` stores "Line\0", 5 bytes — the "ANSI
 *   view" of §7.5 X23. `codePage` marks them; the registry itself holds them as UTF-16LE.
 * - Fallback (§2.3 recommendation): REGEDIT4 data made of `xx,00` pairs is really UTF-16LE
 *   (hand-written files do this); we read it as UTF-16LE and say so.
 */
export function storedStringBytes(
  type: number,
  raw: Uint8Array,
  unicodeHeader: boolean,
): StoredString {
  if (raw.length === 0) return { bytes: raw, codePage: !unicodeHeader };
  if (!unicodeHeader) {
    if (looksUtf16le(raw)) {
      return {
        bytes: withNulUnit(raw),
        codePage: false,
        note: `hex(${type}) bytes come in "xx,00" pairs, which is UTF-16LE text although the REGEDIT4 header means code-page bytes; read as UTF-16LE`,
      };
    }
    if (raw[raw.length - 1] === 0) return { bytes: raw, codePage: true };
    const out = new Uint8Array(raw.length + 1);
    out.set(raw);
    return { bytes: out, codePage: true };
  }
  if (raw.length % 2 === 1) {
    return {
      bytes: raw,
      codePage: false,
      note: `hex(${type}) has an odd number of bytes (${raw.length}), which is not whole UTF-16 text; the bytes are kept as written`,
    };
  }
  return { bytes: withNulUnit(raw), codePage: false };
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
