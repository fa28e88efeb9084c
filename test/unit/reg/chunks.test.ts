import { describe, expect, it } from 'vitest';
import { parseReg, parseRegChunks } from '../../../src/lib/reg';
import { V5, utf16 } from './helpers';

// A small file whose bytes hold a CRLF, a surrogate pair, lone CRs and a long wrapped line.
const TEXT =
  [
    V5,
    '',
    '[HKEY_CURRENT_USER\\T\\🌎]',
    '"sz-あ"="a🌎b"',
    '"m"=hex(7):61,00,\\',
    '  62,00,00,00,00,00',
  ].join('\r\n') + '\r"cr"=dword:1\r\n"x"=-\r\n';

function splitAt(bytes: Uint8Array, ...cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(bytes.slice(from, c));
    from = c;
  }
  out.push(bytes.slice(from));
  return out;
}

describe('parseRegChunks', () => {
  it('equals the whole-buffer parse for every single split point (UTF-16LE)', async () => {
    const bytes = utf16(TEXT);
    const whole = parseReg(bytes);
    expect(whole.keys[0]?.values).toHaveLength(4);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await parseRegChunks(splitAt(bytes, cut)), `cut at ${cut}`).toEqual(whole);
    }
  });
  it('equals the whole-buffer parse for every pair of split points of the first 60 bytes', async () => {
    const bytes = utf16(TEXT);
    const whole = parseReg(bytes);
    for (let a = 0; a < 60; a++) {
      for (let b = a; b < 60; b += 3) {
        expect(await parseRegChunks(splitAt(bytes, a, b))).toEqual(whole);
      }
    }
  });
  it('equals the whole-buffer parse for UTF-8 and Windows-1252 split anywhere', async () => {
    const utf8 = new TextEncoder().encode(TEXT.replace(V5, 'REGEDIT4'));
    const latin = Uint8Array.from('REGEDIT4\n[HKEY_CURRENT_USER\\T]\n"a"="caf\xe9 \x80"\n', (c) =>
      c.charCodeAt(0),
    );
    for (const bytes of [utf8, latin]) {
      const whole = parseReg(bytes);
      for (let cut = 0; cut <= bytes.length; cut++) {
        expect(await parseRegChunks(splitAt(bytes, cut))).toEqual(whole);
      }
    }
  });
  it('reads one-byte chunks from an async source', async () => {
    const bytes = utf16(TEXT);
    async function* source() {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    expect(await parseRegChunks(source())).toEqual(parseReg(bytes));
  });
});
