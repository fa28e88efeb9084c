import { describe, expect, it } from 'vitest';
import { decodeRegBytes, decodeWindows1252 } from '../../../src/lib/reg/decode';
import { utf16 } from './helpers';

describe('decodeWindows1252 (reg-format.md §1.2)', () => {
  it('maps 0x80 to € and 0x9F to Ÿ, unlike Node 20 TextDecoder', () => {
    expect(decodeWindows1252(new Uint8Array([0x80]))).toBe('€');
    expect(decodeWindows1252(new Uint8Array([0x9f]))).toBe('Ÿ');
    expect(decodeWindows1252(new Uint8Array([0x99, 0x85, 0x8c]))).toBe('™…Œ');
  });
  it('maps the five undefined bytes to the same code points as Latin-1', () => {
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      expect(decodeWindows1252(new Uint8Array([b])).charCodeAt(0)).toBe(b);
    }
  });
  it('maps every other byte to itself', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    for (let b = 0; b < 256; b++) {
      if (b < 0x80 || b > 0x9f) expect(text.charCodeAt(b)).toBe(b);
    }
  });
});

describe('decodeRegBytes', () => {
  it('reads FF FE as UTF-16LE without warnings', () => {
    const d = decodeRegBytes(utf16('REGEDIT4\r\n"é"'));
    expect(d).toMatchObject({ encoding: 'utf-16le', text: 'REGEDIT4\r\n"é"', diagnostics: [] });
  });
  it('reads FE FF as UTF-16BE and warns that regedit rejects it', () => {
    const d = decodeRegBytes(new Uint8Array([0xfe, 0xff, 0, 0x52, 0, 0x45]));
    expect(d.encoding).toBe('utf-16be');
    expect(d.text).toBe('RE');
    expect(d.diagnostics[0]?.message).toMatch(/big-endian.*rejects/);
  });
  it('reads EF BB BF as UTF-8 with a warning', () => {
    const d = decodeRegBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x52, 0xc3, 0xa9]));
    expect(d).toMatchObject({ encoding: 'utf-8', text: 'Ré' });
    expect(d.diagnostics).toHaveLength(1);
  });
  it('detects UTF-16LE without BOM by its zero bytes, and warns', () => {
    const d = decodeRegBytes(utf16('REGEDIT4', false));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe('REGEDIT4');
    expect(d.diagnostics[0]?.message).toMatch(/without a byte-order mark/);
  });
  it('reads valid UTF-8 without BOM as UTF-8, noting non-ASCII', () => {
    const d = decodeRegBytes(new TextEncoder().encode('REGEDIT4\n"caf\u00e9"'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('café');
    expect(d.diagnostics[0]?.severity).toBe('info');
    expect(decodeRegBytes(new TextEncoder().encode('REGEDIT4')).diagnostics).toEqual([]);
  });
  it('falls back to Windows-1252 when the bytes are not UTF-8 (H17)', () => {
    const d = decodeRegBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]));
    expect(d).toMatchObject({ encoding: 'windows-1252', text: 'café €' });
  });
  it('keeps unpaired surrogates of UTF-16LE as code units (X37)', () => {
    const bytes = utf16('x'.repeat(40) + '\ud83c' + 'y'.repeat(40));
    expect(decodeRegBytes(bytes).text).toBe('x'.repeat(40) + '\ud83c' + 'y'.repeat(40));
  });
  it('turns an odd last byte of UTF-16LE into U+FFFD', () => {
    expect(decodeRegBytes(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42])).text).toBe('A\ufffd');
  });
});
