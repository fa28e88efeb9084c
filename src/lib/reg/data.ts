// Registry types and the decoded view of a value's bytes (reg-format.md §2.3).
import { decodeUtf16le } from './decode';
import type { RegData } from './types';

export const REG_NONE = 0;
export const REG_SZ = 1;
export const REG_EXPAND_SZ = 2;
export const REG_BINARY = 3;
export const REG_DWORD = 4;
export const REG_DWORD_BIG_ENDIAN = 5;
export const REG_LINK = 6;
export const REG_MULTI_SZ = 7;
export const REG_QWORD = 11;

const TYPE_NAMES = [
  'REG_NONE',
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_BINARY',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_LINK',
  'REG_MULTI_SZ',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTOR',
  'REG_RESOURCE_REQUIREMENTS_LIST',
  'REG_QWORD',
];

/** `REG_SZ` …, or `hex(N)` (lowercase, as the file writes it) for types without a name. */
export function typeName(type: number): string {
  return TYPE_NAMES[type] ?? `hex(${(type >>> 0).toString(16)})`;
}

/** Types whose bytes are text, so import appends a NUL when missing (§2.3). */
export function isStringType(type: number): boolean {
  return type === REG_SZ || type === REG_EXPAND_SZ || type === REG_MULTI_SZ;
}

/**
 * The decoded view of stored bytes (types.ts RegData). Text is UTF-16LE, as the registry stores
 * it. SZ and EXPAND_SZ end at the first NUL (Windows tools show no more). LINK keeps all units.
 *
 * MULTI_SZ policy (§7.5 X35/X36): the strings are separated by NUL; one trailing NUL ends the
 * last string and a second one ends the list — both are dropped, nothing more. Empty strings
 * in between are kept (`a\0\0b\0\0` → ["a", "", "b"]); `\0\0` and empty data → []. The raw
 * bytes always stay in `bytes`.
 */
export function decodeData(type: number, bytes: Uint8Array): RegData {
  switch (type) {
    case REG_SZ:
    case REG_EXPAND_SZ:
      // Decoded up to the NUL, not sliced after: the slice was one more string for every value,
      // and kept the whole decoded text alive.
      return decodeUtf16le(bytes, 0, textEnd(bytes));
    case REG_LINK:
      return decodeUtf16le(bytes);
    case REG_MULTI_SZ: {
      let text = decodeUtf16le(bytes);
      if (text.endsWith('\0')) text = text.slice(0, -1);
      if (text.endsWith('\0')) text = text.slice(0, -1);
      else if (text === '') return [];
      return text.split('\0');
    }
    // Read byte by byte: a DataView per value was garbage the parse of a large export paid for.
    case REG_DWORD:
      return bytes.length === 4 ? uint32le(bytes, 0) : null;
    case REG_DWORD_BIG_ENDIAN: {
      if (bytes.length !== 4) return null;
      return (
        (((bytes[0] as number) << 24) |
          ((bytes[1] as number) << 16) |
          ((bytes[2] as number) << 8) |
          (bytes[3] as number)) >>>
        0
      );
    }
    case REG_QWORD: {
      if (bytes.length !== 8) return null;
      const low = uint32le(bytes, 0);
      const high = uint32le(bytes, 4);
      // One BigInt from an exact number when it fits in 53 bits (the usual case).
      return high < 0x200000
        ? BigInt(high * 0x100000000 + low)
        : (BigInt(high) << 32n) | BigInt(low);
    }
    default:
      return null;
  }
}

/** Where the text of `bytes` ends: at its first NUL character, else at the end of the bytes. */
function textEnd(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] === 0) return i;
  }
  return bytes.length;
}

function uint32le(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) |
      ((bytes[at + 1] as number) << 8) |
      ((bytes[at + 2] as number) << 16) |
      ((bytes[at + 3] as number) << 24)) >>>
    0
  );
}

/** Lowercase hex, no separators. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX2[bytes[i] ?? 0];
  return out;
}

export const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);
