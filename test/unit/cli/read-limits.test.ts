// The read limits every input goes through (src/cli/read-limits.ts), with small limits so that
// the inputs stay small: exact inputs, split into chunks, and the exact outcome.
import { describe, expect, it } from 'vitest';
import {
  FIRST_LINE_LIMIT,
  LINE_CHARACTERS_LIMIT,
  ReadLimitError,
  wholeOrChunks,
  withLineLimits,
} from '../../../src/cli/read-limits.ts';
import { utf16 } from '../reg/helpers.ts';

const LIMITS = { firstLineBytes: 16, lineCharacters: 40 };
const ascii = (text: string) => new TextEncoder().encode(text);

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** What withLineLimits lets through, or its message. */
async function read(bytes: Uint8Array, size: number): Promise<number | string> {
  let through = 0;
  try {
    for await (const chunk of withLineLimits(chunksOf(bytes, size), 'x.reg', LIMITS)) {
      through += chunk.length;
    }
  } catch (error) {
    if (!(error instanceof ReadLimitError)) throw error;
    return error.message;
  }
  return through;
}

const FIRST =
  'cannot read x.reg: it is not a registry export — its first line is longer than 16 bytes';
const LONG = 'cannot read x.reg: the line that starts at byte';

describe('withLineLimits', () => {
  it.each([
    ['a short first line, then short lines', ascii('REGEDIT4\n' + 'a\n'.repeat(50)), 109],
    ['a first line of 16 bytes', ascii('x'.repeat(16) + '\nok\n'), 20],
    ['a first line of 17 bytes', ascii('x'.repeat(17) + '\nok\n'), FIRST],
    ['no line break at all', new Uint8Array(100), FIRST],
    ['a CR alone ends the first line', ascii('REGEDIT4\r' + 'y'.repeat(30)), 39],
    ['a line of 40 characters', ascii('REGEDIT4\n' + 'z'.repeat(40) + '\n'), 50],
    ['a line of 41 characters', ascii('REGEDIT4\n' + 'z'.repeat(41) + '\n'), LONG],
    // UTF-16: the limit is in characters, two bytes each.
    ['UTF-16, a line of 40 characters', utf16('R\r\n' + 'z'.repeat(40) + '\r\n'), 92],
    ['UTF-16, a line of 41 characters', utf16('R\r\n' + 'z'.repeat(41) + '\r\n'), LONG],
  ])('%s', async (_what, bytes, expected) => {
    // Chunks no longer than the limits, as the real ones (1 MB) are against the real limits.
    for (const size of [1, 3, 7, 16]) {
      const got = await read(bytes, size);
      if (typeof expected === 'number') expect(got).toBe(expected);
      else expect(got).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('names the real limits in its sentences', async () => {
    expect(FIRST_LINE_LIMIT).toBe(1024 * 1024);
    expect(LINE_CHARACTERS_LIMIT).toBeGreaterThan(500_000_000);
    const zeros = withLineLimits(chunksOf(new Uint8Array(FIRST_LINE_LIMIT + 1), 1 << 16), 'z');
    await expect(async () => {
      for await (const chunk of zeros) void chunk;
    }).rejects.toThrow(/first line is longer than 1 MB, and an export starts with the line/);
  });
});

describe('wholeOrChunks', () => {
  const parts = [ascii('abcd'), ascii('efgh'), ascii('ijkl')];
  async function* source() {
    yield* parts;
  }
  it.each([
    [12, { whole: 'abcdefghijkl' }],
    [11, { chunks: ['abcd', 'efgh', 'ijkl'] }],
    [4, { chunks: ['abcd', 'efgh', 'ijkl'] }],
    [0, { chunks: ['abcd', 'efgh', 'ijkl'] }],
  ])('whole up to %i bytes', async (limit, expected) => {
    const got = await wholeOrChunks(source(), limit);
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    if ('whole' in got) {
      expect({ whole: text(got.whole) }).toEqual(expected);
    } else {
      const chunks: string[] = [];
      for await (const chunk of got.chunks) chunks.push(text(chunk));
      expect({ chunks }).toEqual(expected);
    }
  });
});
