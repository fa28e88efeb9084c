// A binary value as text, "aa,bb,…" as a .reg file lists bytes. A crafted file can hold a value of
// hundreds of MB, whose text (three characters a byte) would pass the longest string the runtime
// holds: the snapshot keeps the text of its first bytes only, and says how many there are.
import { HEX2 } from '../reg/data.ts';

/**
 * The bytes whose text a snapshot keeps: one more than a shared link carries (1 MiB), so a value
 * cut short can never travel in a link — writing one refuses it as too large.
 */
export const HEX_KEPT_BYTES = 1024 * 1024 + 1;

/** "aa,bb,…" of the first `count` bytes, built in pieces (no array of one string per byte). */
export function commaHex(bytes: Uint8Array, count = bytes.length): string {
  let out = '';
  const end = Math.min(count, bytes.length);
  for (let at = 0; at < end; at++)
    out += at === 0 ? HEX2[bytes[at] ?? 0] : `,${HEX2[bytes[at] ?? 0]}`;
  return out;
}

/** How many bytes a value's "aa,bb,…" text lists. */
export function hexByteCount(hex: string): number {
  return hex === '' ? 0 : Math.floor((hex.length + 1) / 3);
}

/**
 * A binary value for display: all of a short one, else its first `shown` bytes and how many there
 * are in all (evidence and reports show 64; the values table more).
 */
export function shownHex(value: { hex?: string; size?: number }, shown = 64): string {
  const hex = value.hex ?? '';
  const size = value.size ?? hexByteCount(hex);
  if (size <= shown) return hex;
  return `${hex.slice(0, shown * 3 - 1)},… (${size.toLocaleString('en-US')} bytes)`;
}
