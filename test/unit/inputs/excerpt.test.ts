import { describe, expect, it } from 'vitest';
import { ChunkExcerpt } from '../../../src/lib/inputs/excerpt.ts';
import { utf16leBytes } from '../../support/utf16.ts';

const TEXT = 'first\r\nsecond\rthird\n\r\nfifth é\r\r\nseventh\n';
/** The lines as the readers split them: CRLF, CR or LF. */
const LINES = TEXT.split(/\r\n|\r|\n/);

/** Each pair of bytes swapped: UTF-16LE ⇄ UTF-16BE. */
const swapped = (le: Uint8Array) => Uint8Array.from(le, (_, i) => le[i ^ 1] ?? 0);

function excerpt(bytes: Uint8Array, size: number, wanted: number[]) {
  const reader = new ChunkExcerpt(new Set(wanted));
  for (let at = 0; at < bytes.length; at += size)
    if (!reader.push(bytes.subarray(at, at + size))) break;
  return reader.end();
}

describe('ChunkExcerpt', () => {
  const all = LINES.map((_, i) => i + 1);
  it.each([
    ['UTF-16LE with BOM', utf16leBytes(TEXT, true)],
    ['UTF-16BE with BOM', swapped(utf16leBytes(TEXT, true))],
    ['UTF-8', new TextEncoder().encode(TEXT)],
    ['UTF-8 with BOM', Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT))],
  ])('%s: the wanted lines, whatever the chunks (1 to 9 bytes)', (_kind, bytes) => {
    for (let size = 1; size <= 9; size++) {
      expect(excerpt(bytes, size, all)).toEqual(LINES.map((text, i) => ({ line: i + 1, text })));
      expect(excerpt(bytes, size, [2, 5])).toEqual([
        { line: 2, text: 'second' },
        { line: 5, text: 'fifth é' },
      ]);
    }
  });

  it('stops reading after the last wanted line', () => {
    const reader = new ChunkExcerpt(new Set([1]));
    expect(reader.push(new TextEncoder().encode('one\ntwo'))).toBe(false);
    expect(reader.end()).toEqual([{ line: 1, text: 'one' }]);
  });
});
