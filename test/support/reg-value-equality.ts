// A ParsedValue keeps its bytes and decoded data behind getters (src/lib/reg/value.ts), which
// toEqual's walk over own properties would not see: two values differing only in their bytes
// would compare equal. This tester puts a ParsedValue's RegValue fields in its place, on either
// side, and lets the matcher compare them (toMatchObject still compares a subset).
import { expect } from 'vitest';
import type { RegValue } from '../../src/lib/reg/types';
import { ParsedValue } from '../../src/lib/reg/value';

function fields(value: RegValue): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: value.name,
    type: value.type,
    bytes: value.bytes,
    data: value.data,
    line: value.line,
    endLine: value.endLine,
    overwritten: value.overwritten,
  };
  if (value.codePage !== undefined) out.codePage = value.codePage;
  if (value.deleted !== undefined) out.deleted = value.deleted;
  return out;
}

expect.addEqualityTesters([
  function regValueFields(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof ParsedValue) && !(b instanceof ParsedValue)) return undefined;
    const plain = (x: unknown) => (x instanceof ParsedValue ? fields(x) : x);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);
