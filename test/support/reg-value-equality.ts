// A ParsedValue keeps its bytes and decoded data behind getters (src/lib/reg/value.ts), which
// toEqual's walk over own properties would not see: two values differing only in their bytes
// would compare equal. This tester puts a ParsedValue's RegValue fields in its place, on either
// side, and lets the matcher compare them (toMatchObject still compares a subset).
import { expect } from 'vitest';
import { ParsedValue } from '../../src/lib/reg/value';
import { valueFields } from './value-fields';

expect.addEqualityTesters([
  function regValueFields(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof ParsedValue) && !(b instanceof ParsedValue)) return undefined;
    const plain = (x: unknown) => (x instanceof ParsedValue ? valueFields(x) : x);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);
