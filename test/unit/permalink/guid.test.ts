import { describe, expect, it } from 'vitest';
import { formatGuid, parseGuid } from '../../../src/lib/permalink/guid.ts';

describe('GUID text forms', () => {
  it.each([
    ['461B2364-3901-4349-B3C2-FA4821CBEEFE', { braces: false, upper: true }],
    ['461b2364-3901-4349-b3c2-fa4821cbeefe', { braces: false, upper: false }],
    ['{461B2364-3901-4349-B3C2-FA4821CBEEFE}', { braces: true, upper: true }],
    ['{461b2364-3901-4349-b3c2-fa4821cbeefe}', { braces: true, upper: false }],
  ])('%s comes back exactly', (text, form) => {
    const guid = parseGuid(text);
    expect(guid?.form).toEqual(form);
    expect(guid?.bytes.length).toBe(16);
    expect(formatGuid(guid?.bytes ?? new Uint8Array(16), form)).toBe(text);
  });

  it.each([
    ['mixed case', '461b2364-3901-4349-B3C2-FA4821CBEEFE'],
    ['one brace', '{461B2364-3901-4349-B3C2-FA4821CBEEFE'],
    ['no dashes', '461B2364390143 49B3C2FA4821CBEEFE'],
    ['too short', '461B2364-3901-4349-B3C2-FA4821CBEEF'],
    ['a trailing newline', '461B2364-3901-4349-B3C2-FA4821CBEEFE\n'],
  ])('is not GUID-shaped with %s', (_why, text) => {
    expect(parseGuid(text)).toBeUndefined();
  });
});
