import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReg, serializeReg } from '../../../src/lib/reg';
import { neverThrows, roundTrips } from './properties';

describe('properties (fast-check)', () => {
  it('parseReg never throws on arbitrary and registry-ish bytes (10,000 runs)', () => {
    fc.assert(neverThrows, { numRuns: 10_000 });
  });
  it('parseReg(serializeReg(doc)) gives back the keys and values', () => {
    fc.assert(roundTrips, { numRuns: 1_000 });
  });
  it('the round-trip property can fail (a changed byte is noticed)', () => {
    const doc = parseReg(
      new TextEncoder().encode('REGEDIT4\n[HKEY_CURRENT_USER\\T]\n"a"=hex:01\n'),
    );
    const bytes = serializeReg(doc);
    bytes[bytes.length - 8] = 0x32; // the "1" of "01"
    expect(parseReg(bytes).keys[0]?.values[0]?.bytes).not.toEqual(doc.keys[0]?.values[0]?.bytes);
  });
});
