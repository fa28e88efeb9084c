// The tests' one UTF-16LE encoder (written apart from src/, so that the bytes a test feeds the
// parser do not depend on the code under test): code unit by code unit, lone surrogates kept.

/** `text` as UTF-16LE, after a byte-order mark when `bom`. */
export function utf16leBytes(text: string, bom = false): Uint8Array {
  const lead = bom ? 2 : 0;
  const out = new Uint8Array(lead + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0, o = lead; i < text.length; i++, o += 2) {
    const c = text.charCodeAt(i);
    out[o] = c & 0xff;
    out[o + 1] = c >> 8;
  }
  return out;
}
