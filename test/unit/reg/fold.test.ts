// foldOps against the fold as it was before it became linear (reference-fold.ts): on any ops,
// the same keys, values, deletions and overwritten lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldOps, type FoldMeter } from '../../../src/lib/reg/fold';
import type { RegKey, RegOp } from '../../../src/lib/reg/types';
import { ParsedValue } from '../../../src/lib/reg/value';
import { valueFields } from '../../support/value-fields';
import { referenceFold } from '../hostile/reference-fold';

function plain(keys: RegKey[]) {
  return keys.map((k) => ({ ...k, values: k.values.map(valueFields) }));
}

const segment = fc.constantFrom('A', 'a', 'B', 'AB', 'Σ', 'σ', 'ς', 'İ', 'i̇', 'x y');
const path = fc
  .array(segment, { minLength: 1, maxLength: 3 })
  .map((segs) => `HKEY_CURRENT_USER\\${segs.join('\\')}`);
const name = fc.constantFrom('', 'v', 'V', 'w', 'İ', 'i̇');
const op = fc.oneof(
  fc.record({ op: fc.constant('key'), path }),
  fc.record({ op: fc.constant('deleteKey'), path }),
  fc.record({ op: fc.constant('value'), path, name, n: fc.nat(9) }),
  fc.record({ op: fc.constant('deleteValue'), path, name }),
);

/** Ops with lines 2, 3, …; a value op's value is a ParsedValue, as the parser makes them. */
const opsArb: fc.Arbitrary<() => RegOp[]> = fc.array(op, { maxLength: 40 }).map(
  (drafts) => () =>
    drafts.map((d, i): RegOp => {
      const line = i + 2;
      if (d.op === 'value') {
        return { op: 'value', line, path: d.path, value: ParsedValue.ofDword(d.name, d.n, line) };
      }
      if (d.op === 'deleteValue') return { op: 'deleteValue', line, path: d.path, name: d.name };
      return { op: d.op, line, path: d.path };
    }),
);

describe('foldOps', () => {
  it('folds any ops as the quadratic reference did (3,000 runs)', () => {
    fc.assert(
      fc.property(opsArb, (make) => {
        expect(plain(foldOps(make()))).toEqual(plain(referenceFold(make())));
      }),
      { numRuns: 3000 },
    );
  });

  // The reference visits every key on each deletion (2 × 10⁸ visits here) and copies the lines of
  // every earlier write on each rewrite (8 × 10⁸ lines).
  it('counts its steps: a few per op for 20,000 deletions and 40,000 rewrites', () => {
    const deletions: RegOp[] = Array.from({ length: 20_000 }, (_, i) => ({
      op: 'deleteKey',
      line: i + 2,
      path: `HKEY_CURRENT_USER\\P\\K${i}`,
    }));
    const rewrites: RegOp[] = Array.from({ length: 40_000 }, (_, i) => ({
      op: 'value',
      line: i + 2,
      path: 'HKEY_CURRENT_USER\\P',
      value: ParsedValue.ofString('HostName', `h${i}`, i + 2),
    }));
    for (const [list, most] of [
      // Three names walked, marked and swept per deletion.
      [deletions, 8],
      [rewrites, 1],
    ] as const) {
      const meter: FoldMeter = { steps: 0 };
      foldOps(list, [], meter);
      expect(meter.steps).toBeGreaterThanOrEqual(list.length);
      expect(meter.steps).toBeLessThanOrEqual(most * list.length);
    }
  });
});
