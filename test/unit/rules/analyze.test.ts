import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { RULE_PACKS, analyze, toAnalyzeJson } from '../../../src/lib/rules/index.ts';
import { PARAMETERS, hostValues, parseLines, vmExport } from '../kvp/reg-text.ts';

describe('analyze', () => {
  const doc = parseLines([
    ...vmExport([6, 1], { major: 6, minor: 3 }),
    PARAMETERS,
    '"HostSystemOSMajor"="6"',
  ]);

  it('gives identical results from the snapshot alone, also after JSON', () => {
    const fromDoc = analyze(doc, { guestOs: '6.2' });
    const fromSnapshot = analyze(buildSnapshot(doc), { guestOs: '6.2' });
    expect(fromSnapshot).toEqual(fromDoc);
    const roundTripped = JSON.parse(JSON.stringify(fromDoc.snapshot));
    expect(analyze(roundTripped)).toEqual(fromDoc);
  });

  it('is deterministic: same input, same output, same order', () => {
    expect(JSON.stringify(analyze(doc))).toBe(
      JSON.stringify(
        analyze(
          parseLines([
            ...vmExport([6, 1], { major: 6, minor: 3 }),
            PARAMETERS,
            '"HostSystemOSMajor"="6"',
          ]),
        ),
      ),
    );
  });

  it('runs every pack and gives one verdict per pack, in pack order', () => {
    const result = analyze(doc);
    expect(result.verdicts.map((v) => v.pack)).toEqual([
      'wu-ic-kb3004908',
      'wu-ic-servicing',
      'kvp-integrity',
    ]);
    for (const [i, pack] of RULE_PACKS.entries()) {
      expect(pack.outcomes).toContain(result.verdicts[i]?.outcome);
    }
    expect(new Set(result.checks.map((c) => c.id)).size).toBe(result.checks.length);
  });

  it('toAnalyzeJson has exactly the documented shape', () => {
    const json = toAnalyzeJson(analyze(doc));
    expect(Object.keys(json)).toEqual(['input', 'snapshot', 'checks', 'verdicts']);
    expect(json.input).toEqual({ format: 'regedit5', encoding: 'utf-16le' });
    for (const check of json.checks) {
      expect(Object.keys(check)).toEqual(['id', 'pack', 'status', 'title', 'message', 'evidence']);
    }
    for (const verdict of json.verdicts)
      expect(Object.keys(verdict)).toEqual(['pack', 'outcome', 'reason']);
    expect(json.snapshot.parameters.values).toHaveLength(17);
  });

  it('analyses a healthy modern guest with no failures', () => {
    const result = analyze(parseLines([...vmExport([10, 0], {})]));
    expect(
      result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id),
    ).toEqual(['kb3004908-guest-os']);
    expect(result.verdicts.map((v) => v.outcome)).toEqual(['not-offered', 'os-updates', 'healthy']);
    expect(hostValues()).toHaveLength(16);
  });
});
