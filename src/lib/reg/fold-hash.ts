// The case-insensitive hash foldOps files keys by, shared with the line parser, which hashes a
// key path while it is still part of the flat text it was read from.

/**
 * Hashes are cut to 30 bits, which V8 holds as small integers: 32-bit ones were heap numbers, one
 * per key in foldOps' map and in the parser's `pathHashes` (foldOps tells collisions apart).
 */
const SMI_MASK = 0x3fffffff;

/**
 * FNV-1a, cut to 30 bits, of the lowercase of `text[start, end)`: equal for names that compare
 * equal (fold.ts sameName). ASCII is folded as it is read, in one pass; text with other characters
 * is hashed again lowercased, as toLowerCase may change its length.
 */
export function foldHashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  let i = start;
  // The loop only breaks: returning the lowercased hash from inside it made it twice as slow.
  for (; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) break;
    if (c >= 65 && c <= 90) c += 32;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return i === end ? hash & SMI_MASK : lowercaseHash(text.slice(start, end).toLowerCase());
}

/** foldHashRange of the whole of `s`. */
export function foldHash(s: string): number {
  return foldHashRange(s, 0, s.length);
}

function lowercaseHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash & SMI_MASK;
}
