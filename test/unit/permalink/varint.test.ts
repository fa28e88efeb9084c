import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';
import { readVarint, unzigzag, varintBytes, zigzag } from '../../../src/lib/permalink/varint.ts';

describe('varint', () => {
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [0xffffffff, [0xff, 0xff, 0xff, 0xff, 0x0f]],
    [Number.MAX_SAFE_INTEGER, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])('%d ⇄ %j', (value, bytes) => {
    expect(varintBytes(value)).toEqual(bytes);
    expect(readVarint(Uint8Array.from(bytes), 0)).toEqual({ value, next: bytes.length });
  });

  it('round-trips every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (value) => {
        const bytes = Uint8Array.from(varintBytes(value));
        expect(readVarint(bytes, 0)).toEqual({ value, next: bytes.length });
      }),
    );
  });

  it.each([
    ['runs past the end', [0x80], 'a number runs past the end'],
    ['is empty', [], 'a number runs past the end'],
    ['has a redundant final zero', [0x81, 0x00], 'a number is written with extra bytes'],
    [
      'is longer than 8 bytes',
      [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
      'a number is too long',
    ],
    ['exceeds 2^53', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], 'a number is too large'],
  ])('refuses a varint that %s', (_why, bytes, message) => {
    expect(() => readVarint(Uint8Array.from(bytes), 0)).toThrow(new PayloadError(message));
  });

  it('refuses to write what it cannot read back', () => {
    expect(() => varintBytes(-1)).toThrow(RangeError);
    expect(() => varintBytes(1.5)).toThrow(RangeError);
    expect(() => varintBytes(2 ** 53)).toThrow(RangeError);
  });

  it('zigzag maps 0, -1, 1, -2 to 0, 1, 2, 3 and back', () => {
    expect([0, -1, 1, -2].map(zigzag)).toEqual([0, 1, 2, 3]);
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => {
        expect(unzigzag(zigzag(n))).toBe(n);
      }),
    );
  });
});
