import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, withGiven, type KvpSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { parseReg } from '../../../src/lib/reg/index.ts';
import {
  RULE_PACKS,
  analyze,
  needsAttention,
  toAnalyzeJson,
  type AnalysisResult,
} from '../../../src/lib/rules/index.ts';
import { PARAMETERS, hostValues, parseLines, vmExport } from '../kvp/reg-text.ts';
import { sampleSnapshots } from '../permalink/samples.ts';
import { analysedExport } from './agreement.ts';

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
    const again = parseLines([
      ...vmExport([6, 1], { major: 6, minor: 3 }),
      PARAMETERS,
      '"HostSystemOSMajor"="6"',
    ]);
    expect(JSON.stringify(analyze(doc))).toBe(JSON.stringify(analyze(again)));
  });

  it('runs every pack and gives one verdict per pack, in pack order, with its label and tone', () => {
    const result = analyze(doc);
    expect(result.verdicts.map((v) => v.pack)).toEqual([
      'wu-ic-servicing',
      'guest-support',
      'kvp-integrity',
      'host-integration',
      'linux-kvp',
      'azure-provisioning',
      'host-platform',
      'nesting',
      'wu-ic-kb3004908',
    ]);
    for (const [i, pack] of RULE_PACKS.entries()) {
      const verdict = result.verdicts[i];
      expect(verdict && pack.outcomes[verdict.outcome]).toEqual({
        label: verdict?.label,
        tone: verdict?.tone,
      });
    }
    expect(new Set(result.checks.map((c) => c.id)).size).toBe(result.checks.length);
  });

  it('toAnalyzeJson keeps what tools read: input.format, snapshot versions, verdicts, checks', () => {
    const json = toAnalyzeJson(analyze(doc));
    expect(Object.keys(json)).toEqual(['input', 'snapshot', 'checks', 'verdicts']);
    expect(json.input).toEqual({ format: 'regedit5', encoding: 'utf-16le' });
    expect(json.snapshot.guestOs).toMatchObject({ major: 6, minor: 1 });
    expect(json.snapshot.hostVersion).toMatchObject({ major: 6, minor: 3 });
    for (const verdict of json.verdicts) {
      expect(Object.keys(verdict)).toEqual([
        'pack',
        'outcome',
        'label',
        'tone',
        'reason',
        'assumed',
      ]);
    }
    for (const check of json.checks) {
      expect(check).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          status: expect.any(String),
          messageId: expect.any(String),
          description: expect.any(String),
          evidence: expect.any(Array),
          packs: expect.any(Array),
          assumed: expect.any(Array),
        }),
      );
    }
    expect(json.checks.find((c) => c.id === 'kb3004908-article-spelling')?.fix).toMatchObject({
      summary: expect.any(String),
      guest: expect.any(String),
    });
    expect(JSON.parse(JSON.stringify(json)).verdicts[0].assumed).toEqual([]);
  });

  it('lists what-if values in verdicts[].assumed', () => {
    const json = toAnalyzeJson(analyze(doc, { hostVersion: '6.4' }));
    const assumed = (pack: string) => json.verdicts.find((v) => v.pack === pack)?.assumed;
    expect(assumed('wu-ic-kb3004908')).toEqual(['host version 6.4 (the file says 6.3)']);
    expect(assumed('kvp-integrity')).toEqual([]); // the integrity pack reads the file only
  });

  it('gives a healthy modern guest no verdict that needs attention', () => {
    const result = analyze(parseLines(vmExport([10, 0], {})));
    // Not being the 2014 update's kind of guest is a note, not a failure.
    expect(result.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
    expect(result.checks.find((c) => c.id === 'kb3004908-guest-os')?.status).toBe('info');
    expect(result.verdicts.map((v) => [v.pack, v.outcome, v.tone])).toEqual([
      ['wu-ic-servicing', 'os-updates', 'good'],
      ['guest-support', 'depends-on-host-release', 'neutral'],
      ['kvp-integrity', 'healthy', 'good'],
      ['host-integration', 'not-applicable', 'neutral'],
      ['linux-kvp', 'not-applicable', 'neutral'],
      ['azure-provisioning', 'not-applicable', 'neutral'],
      ['host-platform', 'windows-server', 'neutral'],
      ['nesting', 'not-nested', 'neutral'],
      ['wu-ic-kb3004908', 'not-offered', 'neutral'],
    ]);
    expect(result.verdicts.some(needsAttention)).toBe(false);
    expect(hostValues()).toHaveLength(16);
  });
});

/** Every input the tests know: the samples, the fixtures, and generated exports. */
async function inputs(): Promise<[string, KvpSnapshot][]> {
  const list: [string, KvpSnapshot][] = (await sampleSnapshots()).map((s) => [
    `sample ${s.id}`,
    s.snapshot,
  ]);
  const fixtures = new URL('../../fixtures/', import.meta.url);
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.reg'))) {
    list.push([`fixture ${name}`, buildSnapshot(parseReg(readFileSync(new URL(name, fixtures))))]);
  }
  for (const [i, { bytes }] of fc
    .sample(analysedExport, { numRuns: 300, seed: 20261201 })
    .entries()) {
    list.push([`generated ${i}`, buildSnapshot(parseReg(bytes))]);
  }
  const withWhatIf = list
    .slice(0, 5)
    .map(([name, snapshot]): [string, KvpSnapshot] => [
      `${name} with what-if`,
      withGiven(snapshot, { guestOs: { major: 6, minor: 1 }, hostVersion: { major: 6, minor: 4 } }),
    ]);
  return [...list, ...withWhatIf];
}

describe('every pack, on every input', async () => {
  const results: [string, AnalysisResult][] = (await inputs()).map(([name, s]) => [
    name,
    analyze(s),
  ]);

  it('gives every fail and warn its evidence', () => {
    const bare = results.flatMap(([name, r]) =>
      r.checks
        .filter((c) => (c.status === 'fail' || c.status === 'warn') && c.evidence.length === 0)
        .map((c) => `${name}: ${c.id}`),
    );
    expect(bare).toEqual([]);
  });

  it('gives every skip the id of a check that ran, and never a skip as the cause', () => {
    for (const [, r] of results) {
      for (const c of r.checks.filter((check) => check.status === 'skip')) {
        const cause = r.checks.find((other) => other.id === c.skippedBecause);
        expect(cause?.status).toBeDefined();
        expect(cause?.status).not.toBe('skip');
      }
    }
  });

  it('writes for administrators: no internal documents, sections or command-line options', () => {
    const texts = results.flatMap(([, r]) => [
      ...r.verdicts.map((v) => v.reason),
      ...r.checks.flatMap((c) => [c.title, c.message, c.description, c.fix?.summary ?? '']),
    ]);
    const bad = [...new Set(texts)].filter((t) =>
      /§|\.md\b|kvp-reference|reg-format|--[a-z]|\[inference|\[unverified/.test(t),
    );
    expect(bad).toEqual([]);
  });

  it('gives fixes that paste and run: no placeholders, no prose lines, no trailing full stop', () => {
    const scripts = results
      .flatMap(([, r]) => r.checks.flatMap((c) => [c.fix?.host, c.fix?.guest]))
      .filter((s): s is string => !!s);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      for (const line of script.split('\n')) {
        expect(line).not.toMatch(/<[a-z ]+>|\.$/i);
        expect(line).toMatch(/^(\$|Enable-|Disable-|Get-|Set-|Restart-|Remove-|if |\$key)/);
      }
    }
  });

  it('cites public documentation by title and address on every check', () => {
    for (const [, r] of results) {
      for (const c of r.checks) {
        for (const ref of c.references)
          expect(ref.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      }
    }
    expect(
      RULE_PACKS.flatMap((p) => p.rules)
        .filter((rule) => rule.references.length === 0)
        .map((r) => r.id),
    ).toEqual([]);
  });
});
