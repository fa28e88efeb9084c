// STAND-IN for the "hostile" branch's showInvisible (issue 11); drop this file when that lands.
// Registry text can hold characters that show as nothing or reorder what follows (zero-width
// spaces, bidi overrides, controls), so "Host\u200BName" would look like "HostName". Each such
// character is written as ⟨U+XXXX⟩ instead.

/** Code-unit ranges, inclusive: controls, format and other invisible characters (Unicode Cf). */
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
];

const isInvisible = (unit: number) => INVISIBLE.some(([from, to]) => unit >= from && unit <= to);

export function showInvisible(text: string): string {
  let out = '';
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (!isInvisible(unit)) continue;
    out += `${text.slice(start, at)}⟨U+${unit.toString(16).toUpperCase().padStart(4, '0')}⟩`;
    start = at + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}
