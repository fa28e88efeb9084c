import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../../src/lib/text/index.ts';

describe('forTerminal', () => {
  it.each([
    ['plain text', 'HV-NODE3.contoso.local', 'HV-NODE3.contoso.local'],
    ['a key path', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\x', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\x'],
    ['letters of any script and emoji', 'café Ноst ✓ 😀', 'café Ноst ✓ 😀'],
    ['a lone surrogate', 'a\uD800b', 'a\uD800b'],
    ['clear screen (ESC [2J)', 'x\u001b[2Jy', 'x\\x1b[2Jy'],
    [
      'an OSC 8 link',
      '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
      '\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07',
    ],
    ['a forged line', 'x\n  ✓ all checks passed', 'x\\n  ✓ all checks passed'],
    ['carriage return and tab', 'a\rb\tc', 'a\\rb\\tc'],
    ['NUL', 'a\u0000b', 'a\\x00b'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['C1 CSI and NEL', '\u009b2J\u0085', '\\x9b2J\\x85'],
    ['a right-to-left override', '\u202Etxt.exe', '⟨U+202E⟩txt.exe'],
    ['bidi isolates', '\u2066x\u2069', '⟨U+2066⟩x⟨U+2069⟩'],
    ['bidi marks', '\u200E\u200F\u061C', '⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩'],
    ['a zero-width space in a name', 'Host\u200BName', 'Host⟨U+200B⟩Name'],
    ['a line separator', 'a\u2028b', 'a⟨U+2028⟩b'],
    ['the empty text', '', ''],
  ])('%s', (_what, text, shown) => {
    expect(forTerminal(text)).toBe(shown);
  });

  it('leaves no control character at all, for any code unit', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    const shown = forTerminal(all);
    for (let c = 0; c < shown.length; c++) {
      const code = shown.charCodeAt(c);
      const unsafe =
        code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e);
      if (unsafe || (code >= 0x2066 && code <= 0x2069))
        throw new Error(`U+${code.toString(16)} left`);
    }
    expect(shown.length).toBeGreaterThan(all.length);
  });
});
