import { describe, expect, it } from 'vitest';
import { showInvisible, withoutInvisible } from '../../../src/lib/text/index.ts';

describe('showInvisible', () => {
  it.each([
    ['a plain name', 'HostName', 'HostName'],
    ['a zero-width space', 'Host\u200BName', 'Host⟨U+200B⟩Name'],
    ['zero-width non-joiner, joiner', 'a\u200Cb\u200Dc', 'a⟨U+200C⟩b⟨U+200D⟩c'],
    ['left-to-right and right-to-left marks', '\u200EHostName\u200F', '⟨U+200E⟩HostName⟨U+200F⟩'],
    ['a right-to-left override', 'Host\u202EemaN', 'Host⟨U+202E⟩emaN'],
    ['bidi embeddings', '\u202A\u202B\u202C\u202D', '⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069', '⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩'],
    ['word joiner and invisible operators', '\u2060\u2064', '⟨U+2060⟩⟨U+2064⟩'],
    ['a byte-order mark inside text', '\uFEFFHostName', '⟨U+FEFF⟩HostName'],
    ['a soft hyphen', 'Host\u00ADName', 'Host⟨U+00AD⟩Name'],
    ['an escape', 'a\u001b[2J', 'a⟨U+001B⟩[2J'],
    ['a newline and a tab', 'a\nb\tc', 'a⟨U+000A⟩b⟨U+0009⟩c'],
    ['DEL and a C1 control', '\u007f\u0085', '⟨U+007F⟩⟨U+0085⟩'],
    ['a tag character (outside the BMP)', 'Host\u{E0041}Name', 'Host⟨U+E0041⟩Name'],
    ['a variation selector and a Hangul filler', 'a\uFE0Fb\u3164', 'a⟨U+FE0F⟩b⟨U+3164⟩'],
    ['a lone surrogate (shown as it is)', 'a\uD800b', 'a\uD800b'],
    ['a Cyrillic look-alike (visible, not invisible)', 'H\u043EstName', 'H\u043EstName'],
    ['the empty text', '', ''],
  ])('%s', (_what, text, shown) => {
    expect(showInvisible(text)).toBe(shown);
  });

  it('withoutInvisible drops exactly what showInvisible writes out', () => {
    expect(withoutInvisible('\u200EHost\u200BName\u202E\uFEFF')).toBe('HostName');
    expect(withoutInvisible('H\u043EstName')).toBe('H\u043EstName');
  });
});
