import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../../src/lib/permalink/base64url.ts';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('base64url', () => {
  // RFC 4648 §10 vectors, without padding.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ⇄ %j', (text, encoded) => {
    expect(toBase64url(bytes(text))).toBe(encoded);
    expect(fromBase64url(encoded)).toEqual(bytes(text));
  });

  it('uses - and _ instead of + and /', () => {
    expect(toBase64url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('round-trips any bytes and agrees with Node’s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const text = toBase64url(data);
        expect(text).toBe(Buffer.from(data).toString('base64url'));
        expect(fromBase64url(text)).toEqual(data);
      }),
    );
  });

  it.each([
    ['padding', 'Zg=='],
    ['a character outside the alphabet', 'Zm9v+g'],
    ['a length no byte string has', 'Zm9vY'],
    ['non-zero stray bits', 'Zh'],
    ['white space', 'Zm 9v'],
  ])('refuses %s', (_why, text) => {
    expect(() => fromBase64url(text)).toThrow(PayloadError);
  });
});
