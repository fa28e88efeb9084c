// ParsedValue: the form the file wrote, the other form worked out on first read (value.ts).
import { describe, expect, it } from 'vitest';
import { REG_DWORD, REG_EXPAND_SZ, REG_SZ } from '../../../src/lib/reg/data';
import { ParsedValue } from '../../../src/lib/reg/value';
import { hex, v5 } from './helpers';

describe('ParsedValue', () => {
  it('stores "text" as UTF-16LE with a NUL, and reads back the text', () => {
    const v = ParsedValue.ofString('HostName', 'Hé', 3);
    expect([v.type, v.data, hex(v.bytes)]).toEqual([REG_SZ, 'Hé', '48,00,e9,00,00,00']);
    expect([v.line, v.endLine, v.overwritten]).toEqual([3, 3, []]);
  });

  it('keeps every character of text holding a NUL in the bytes; the data ends at the NUL', () => {
    const v = ParsedValue.ofString('', 'a\0b', 1);
    expect([v.data, hex(v.bytes)]).toEqual(['a', '61,00,00,00,62,00,00,00']);
  });

  it('stores a dword little-endian, up to ffffffff', () => {
    const v = ParsedValue.ofDword('Max', 0xffffffff, 9);
    expect([v.type, v.data, hex(v.bytes)]).toEqual([REG_DWORD, 0xffffffff, 'ff,ff,ff,ff']);
    expect(hex(ParsedValue.ofDword('Ten', 10, 1).bytes)).toBe('0a,00,00,00');
  });

  it('decodes hex data once, on first read', () => {
    const bytes = new Uint8Array([0x25, 0, 0x41, 0, 0x25, 0, 0, 0]);
    const v = ParsedValue.ofBytes('Path', REG_EXPAND_SZ, bytes, 4, 6);
    expect(v.bytes).toBe(bytes);
    expect(v.data).toBe('%A%');
    const list = ParsedValue.ofBytes('L', 7, new Uint8Array([0x61, 0, 0, 0, 0, 0]), 1, 1);
    expect(list.data).toBe(list.data);
    expect(list.data).toEqual(['a']);
  });

  it('gives a renamed copy with the same bytes and data, leaving the original as written', () => {
    const v = ParsedValue.ofString('hostname', 'x', 7);
    const r = v.renamed('HostName', [5]);
    expect([r.name, r.overwritten, r.data, r.bytes]).toEqual(['HostName', [5], 'x', v.bytes]);
    expect([v.name, v.overwritten]).toEqual(['hostname', []]);
  });

  it('compares by bytes and data in toEqual (the tests’ equality tester)', () => {
    const one = v5('"Blob"=hex:01,02').keys;
    expect(v5('"Blob"=hex:01,02').keys).toEqual(one);
    expect(v5('"Blob"=hex:01,03').keys).not.toEqual(one);
    expect(v5('"N"=dword:00000001').keys).not.toEqual(v5('"N"=dword:00000002').keys);
    expect(one[0]?.values[0]).toEqual({
      name: 'Blob',
      type: 3,
      bytes: new Uint8Array([1, 2]),
      data: null,
      line: 4,
      endLine: 4,
      overwritten: [],
    });
  });
});
