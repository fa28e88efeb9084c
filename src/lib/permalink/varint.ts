// Unsigned LEB128 varints for non-negative safe integers (7 bits a byte, low bits first), and the
// zigzag mapping that gives small signed numbers (line deltas) small varints.
import { PayloadError } from './payload-error.ts';

/** 8 bytes carry 56 bits, enough for every safe integer (53 bits). */
const MAX_VARINT_BYTES = 8;

export function varintBytes(value: number): number[] {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`a varint holds a non-negative safe integer, not ${value}`);
  }
  const out: number[] = [];
  let rest = value;
  // Division, not >>>: bit operators cut numbers to 32 bits.
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

/** The varint at `offset`; throws PayloadError when it runs past the end, is overlong or too big. */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new PayloadError('a number runs past the end');
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) {
      // One value, one spelling: a final 0 byte after others would be a second form of it.
      if (byte === 0 && i > 0) throw new PayloadError('a number is written with extra bytes');
      if (!Number.isSafeInteger(value)) throw new PayloadError('a number is too large');
      return { value, next: offset + i + 1 };
    }
    scale *= 0x80;
  }
  throw new PayloadError('a number is too long');
}

/** 0, -1, 1, -2, … → 0, 1, 2, 3, … */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}
