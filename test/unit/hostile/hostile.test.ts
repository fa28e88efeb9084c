// Issue #11 case by case (cases.ts): each library-level assertion runs.
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from './cases.ts';

describe('issue #11: hostile input', () => {
  it('lists every defect of the issue, each case with a generator, an outcome and an owner', () => {
    expect([...new Set(HOSTILE_CASES.map((c) => c.defect))].sort()).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    for (const c of HOSTILE_CASES) {
      expect([c.case, c.input, c.outcome].every((text) => text.length > 0)).toBe(true);
      expect(c.owners.length).toBeGreaterThan(0);
      // A case only the page or the CLI decides is someone else's, and says whose.
      if (!c.check) expect(c.owners.some((o) => !o.startsWith('hostile'))).toBe(true);
    }
  });

  for (const c of HOSTILE_CASES.filter((c) => c.check)) {
    const name = `${c.defect} · ${c.case} → ${c.outcome.slice(0, 80)}`;
    it(name, () => c.check?.(), 120_000);
  }
});
