import { describe, expect, it } from 'vitest';
import { buildSnapshot, withGiven } from '../../../src/lib/kvp/snapshot.ts';
import { fillMessage, runPacks } from '../../../src/lib/rules/engine.ts';
import { MAX_EVIDENCE } from '../../../src/lib/rules/evidence.ts';
import type { CheckStatus, Rule, RuleOutcome, RulePack } from '../../../src/lib/rules/types.ts';
import { V5, parseLines, vmExport } from '../kvp/reg-text.ts';

const snapshot = buildSnapshot(parseLines([V5]));

type Status = Exclude<CheckStatus, 'skip'>;

function rule(
  id: string,
  status: Status,
  requires: string[] = [],
  log?: string[],
  extra: Partial<Rule> = {},
): Rule {
  return {
    id,
    title: `${id} ok`,
    failureTitle: `${id} bad`,
    description: `what ${id} checks`,
    references: [],
    requires,
    messages: { m: `${id} says {{what}}` },
    fix: { m: () => ({ summary: `fix ${id}`, guest: `Repair-${id}` }) },
    evaluate(): RuleOutcome {
      log?.push(id);
      if (status === 'error') throw new Error(`boom in ${id}`);
      return { status, messageId: 'm', data: { what: status } };
    },
    ...extra,
  };
}

function pack(rules: Rule[], id = 'p'): RulePack {
  return {
    id,
    title: id.toUpperCase(),
    label: id.toUpperCase(),
    question: `what ${id} answers`,
    outcomes: { n: { label: 'N', tone: 'neutral' } },
    rules,
    verdict: (results) => ({ outcome: 'n', reason: results.map((r) => r.id).join(',') }),
  };
}

describe('engine', () => {
  it('keeps a result’s evidence bounded whatever the rule lists', () => {
    const many: Rule = {
      ...rule('many', 'warn'),
      evaluate: () => ({
        status: 'warn',
        messageId: 'm',
        evidence: Array.from({ length: 150_000 }, (_, i) => ({
          name: `v${i}`,
          actual: '1',
          expected: '',
          source: 'line',
          line: i + 1,
        })),
      }),
    };
    const [check] = runPacks([pack([many])], snapshot).checks;
    expect(check?.evidence).toHaveLength(MAX_EVIDENCE);
    expect(check?.evidence.at(-1)).toMatchObject({ name: '…', actual: '149,951 more' });
  });

  it('runs requirements first, otherwise in declaration order (stable)', () => {
    const log: string[] = [];
    const rules = [
      rule('c', 'pass', ['b'], log),
      rule('a', 'pass', [], log),
      rule('b', 'pass', ['a'], log),
      rule('d', 'pass', [], log),
    ];
    const { checks, verdicts } = runPacks([pack(rules)], snapshot);
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    expect(checks.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(verdicts).toEqual([
      { pack: 'p', outcome: 'n', label: 'N', tone: 'neutral', reason: 'a,b,c,d', assumed: [] },
    ]);
  });

  it.each<[Status, string]>([
    ['fail', 'Skipped because “a ok” failed: a says fail'],
    ['incomplete', 'Skipped because “a ok” could not be decided: a says incomplete'],
    ['not-applicable', 'Skipped because “a ok” did not apply: a says not-applicable'],
    ['error', 'Skipped because “a ok” raised an error: The rule failed to run: boom in a'],
  ])('skips a rule whose requirement is %s, naming it', (status, message) => {
    const log: string[] = [];
    const { checks } = runPacks(
      [pack([rule('a', status), rule('b', 'pass', ['a'], log)])],
      snapshot,
    );
    expect(log).toEqual([]);
    expect(checks[1]).toEqual({
      id: 'b',
      pack: 'p',
      packs: ['p'],
      status: 'skip',
      title: 'b ok',
      messageId: '',
      message,
      description: 'what b checks',
      references: [],
      evidence: [],
      skippedBecause: 'a',
      assumed: [],
    });
  });

  it.each<Status>(['pass', 'warn', 'info'])('runs a rule whose requirement is %s', (status) => {
    const { checks } = runPacks([pack([rule('a', status), rule('b', 'pass', ['a'])])], snapshot);
    expect(checks[1]?.status).toBe('pass');
  });

  it('names the root cause once down a chain of skips, in the words the root rule gives', () => {
    const root = rule('a', 'incomplete', [], undefined, {
      blocks: { m: 'the guest OS is not known' },
    });
    const { checks } = runPacks(
      [pack([root, rule('b', 'pass', ['a']), rule('c', 'pass', ['b']), rule('d', 'pass', ['c'])])],
      snapshot,
    );
    for (const skipped of checks.slice(1)) {
      expect(skipped.message).toBe('Skipped because the guest OS is not known.');
      expect(skipped.skippedBecause).toBe('a');
    }
  });

  it('lets a rule skip because of a rule it runs after, with the same root-cause message', () => {
    const late = rule('b', 'pass', [], undefined, {
      after: ['a'],
      evaluate: () => ({ status: 'skip', because: 'a' }),
    });
    const { checks } = runPacks([pack([late, rule('a', 'fail')])], snapshot);
    expect(checks.map((c) => c.id)).toEqual(['a', 'b']);
    expect(checks[1]).toMatchObject({
      status: 'skip',
      skippedBecause: 'a',
      message: 'Skipped because “a ok” failed: a says fail',
    });
  });

  it('gives the failureTitle and the fix for fail and warn only', () => {
    const { checks } = runPacks(
      [pack([rule('f', 'fail'), rule('w', 'warn'), rule('p', 'pass'), rule('i', 'info')])],
      snapshot,
    );
    expect(checks.map((c) => [c.title, c.fix?.summary])).toEqual([
      ['f bad', 'fix f'],
      ['w bad', 'fix w'],
      ['p ok', undefined],
      ['i ok', undefined],
    ]);
    expect(checks[0]).toMatchObject({ messageId: 'm', fix: { guest: 'Repair-f' } });
  });

  it('runs a rule two packs list once, and names both packs', () => {
    const log: string[] = [];
    const shared = rule('s', 'pass', [], log);
    const { checks, verdicts } = runPacks(
      [pack([shared, rule('a', 'pass')], 'one'), pack([rule('b', 'pass'), shared], 'two')],
      snapshot,
    );
    expect(log).toEqual(['s']);
    expect(checks.filter((c) => c.id === 's')).toEqual([
      expect.objectContaining({ pack: 'one', packs: ['one', 'two'] }),
    ]);
    expect(verdicts.map((v) => v.reason)).toEqual(['s,a', 's,b']);
  });

  it('refuses two different rules under one id', () => {
    expect(() => runPacks([pack([rule('x', 'pass'), rule('x', 'fail')])], snapshot)).toThrow(
      /two different rules share the id “x”/,
    );
  });

  it('records the what-if values a rule and a verdict read, and nothing else', () => {
    const file = buildSnapshot(parseLines(vmExport([6, 1], { major: 6, minor: 3 })));
    const reads: Rule = {
      ...rule('host', 'pass'),
      evaluate: ({ view }) => ({
        status: 'pass',
        messageId: 'm',
        data: { what: String(view.hostVersion()?.major) },
      }),
    };
    const readsFileOnly: Rule = {
      ...rule('file', 'pass'),
      evaluate: ({ view }) => ({
        status: 'pass',
        messageId: 'm',
        data: { what: String(view.fileHostVersion().ok) },
      }),
    };
    const given = withGiven(file, { hostVersion: { major: 6, minor: 4 } });
    const { checks, verdicts } = runPacks([pack([reads, readsFileOnly])], given);
    expect(checks[0]?.assumed).toEqual(['host version 6.4 (the file says 6.3)']);
    expect(checks[1]?.assumed).toEqual([]);
    // The verdict read nothing itself, so it rests on no what-if value.
    expect(verdicts[0]?.assumed).toEqual([]);
    const reading: RulePack = {
      ...pack([reads]),
      verdict: (_results, view) => ({ outcome: 'n', reason: String(view.hostVersion()?.minor) }),
    };
    expect(runPacks([reading], given).verdicts[0]?.assumed).toEqual([
      'host version 6.4 (the file says 6.3)',
    ]);
    expect(runPacks([pack([reads])], file).checks[0]?.assumed).toEqual([]);
  });

  it('turns an unknown message id, a throwing verdict and an undeclared outcome into errors', () => {
    const badMessage = rule('m', 'pass', [], undefined, {
      evaluate: () => ({ status: 'pass', messageId: 'nope' }),
    });
    const { checks } = runPacks([pack([badMessage])], snapshot);
    expect(checks[0]).toMatchObject({
      status: 'error',
      message: 'The rule failed to run: unknown message id “nope”',
    });
    const throwing: RulePack = {
      ...pack([rule('a', 'pass')]),
      verdict: () => {
        throw new Error('bad verdict');
      },
    };
    const undeclared: RulePack = {
      ...pack([rule('b', 'pass')], 'q'),
      verdict: () => ({ outcome: 'maybe', reason: '' }),
    };
    const { verdicts } = runPacks([throwing, undeclared], snapshot);
    expect(verdicts.map((v) => [v.outcome, v.tone, v.reason])).toEqual([
      ['error', 'bad', 'The verdict failed to run: bad verdict'],
      [
        'error',
        'bad',
        'The verdict failed to run: the outcome “maybe” is not one the pack declares',
      ],
    ]);
  });

  it('reports a requirement cycle or an unknown requirement as an error, never silently', () => {
    const { checks } = runPacks(
      [pack([rule('a', 'pass', ['b']), rule('b', 'pass', ['a']), rule('c', 'pass', ['zz'])])],
      snapshot,
    );
    expect(checks.map((c) => [c.id, c.status, c.message])).toEqual([
      ['a', 'error', 'The rule cannot run: its requirements form a cycle.'],
      ['b', 'error', 'The rule cannot run: its requirements form a cycle.'],
      ['c', 'error', 'The rule cannot run: it requires an unknown rule “zz”.'],
    ]);
  });
});

describe('fillMessage', () => {
  it('fills known names and leaves unknown ones visible', () => {
    expect(fillMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe(
      '1 and two and {{c}}',
    );
  });
  it('looks names up among the data’s own entries only', () => {
    expect(fillMessage('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });
});
