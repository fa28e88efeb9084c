import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { fillMessage, runPacks } from '../../../src/lib/rules/engine.ts';
import type { CheckStatus, Rule, RulePack } from '../../../src/lib/rules/types.ts';
import { V5, parseLines } from '../kvp/reg-text.ts';

const snapshot = buildSnapshot(parseLines([V5]));

function rule(id: string, status: CheckStatus, requires: string[] = [], log?: string[]): Rule {
  return {
    id,
    title: `${id} ok`,
    failureTitle: `${id} bad`,
    description: id,
    requires,
    messages: { m: `${id} says {{what}}` },
    fix: { m: `fix ${id}` },
    evaluate() {
      log?.push(id);
      if (status === 'error') throw new Error(`boom in ${id}`);
      return { status, messageId: 'm', data: { what: status } };
    },
  };
}

function pack(rules: Rule[]): RulePack {
  return {
    id: 'p',
    title: 'P',
    label: 'P',
    outcomes: ['n'],
    rules,
    verdict: (results) => ({ pack: 'p', outcome: 'n', reason: results.map((r) => r.id).join(',') }),
  };
}

describe('engine', () => {
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
    expect(verdicts).toEqual([{ pack: 'p', outcome: 'n', reason: 'a,b,c,d' }]);
  });

  it.each<[CheckStatus, string]>([
    ['fail', 'Skipped because “a ok” failed: a says fail'],
    ['not-applicable', 'Skipped because “a ok” did not apply: a says not-applicable'],
    ['skip', 'Skipped because “a ok” was skipped: a says skip'],
    ['error', 'Skipped because “a ok” raised an error: The rule failed to run: boom in a'],
  ])('skips a rule whose requirement is %s, and says why', (status, message) => {
    const log: string[] = [];
    const { checks } = runPacks(
      [pack([rule('a', status), rule('b', 'pass', ['a'], log)])],
      snapshot,
    );
    expect(log).toEqual([]);
    expect(checks[1]).toEqual({
      id: 'b',
      pack: 'p',
      status: 'skip',
      title: 'b ok',
      message,
      evidence: [],
    });
  });

  it.each<CheckStatus>(['pass', 'warn', 'info'])(
    'runs a rule whose requirement is %s',
    (status) => {
      const { checks } = runPacks([pack([rule('a', status), rule('b', 'pass', ['a'])])], snapshot);
      expect(checks[1]?.status).toBe('pass');
    },
  );

  it('propagates skips down a chain', () => {
    const { checks } = runPacks(
      [pack([rule('a', 'fail'), rule('b', 'pass', ['a']), rule('c', 'pass', ['b'])])],
      snapshot,
    );
    expect(checks.map((c) => c.status)).toEqual(['fail', 'skip', 'skip']);
    expect(checks[2]?.message).toMatch(
      /^Skipped because “b ok” was skipped: Skipped because “a ok” failed/,
    );
  });

  it('isolates an exception to its own rule', () => {
    const { checks } = runPacks([pack([rule('a', 'error'), rule('b', 'pass')])], snapshot);
    expect(checks[0]).toMatchObject({
      status: 'error',
      message: 'The rule failed to run: boom in a',
    });
    expect(checks[1]?.status).toBe('pass');
  });

  it('uses failureTitle and the fix for fail and warn only', () => {
    const { checks } = runPacks(
      [pack([rule('a', 'fail'), rule('b', 'warn'), rule('c', 'pass')])],
      snapshot,
    );
    expect(checks.map((c) => [c.title, c.fix])).toEqual([
      ['a bad', 'fix a'],
      ['b bad', 'fix b'],
      ['c ok', undefined],
    ]);
  });

  it('reports unknown requirements and cycles as errors instead of hanging', () => {
    const { checks } = runPacks(
      [
        pack([
          rule('a', 'pass', ['nope']),
          rule('b', 'pass', ['c']),
          rule('c', 'pass', ['b']),
          rule('d', 'pass'),
        ]),
      ],
      snapshot,
    );
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId.a?.message).toBe('The rule cannot run: it requires an unknown rule “nope”.');
    expect(byId.b?.message).toBe('The rule cannot run: its requirements form a cycle.');
    expect(byId.c?.status).toBe('error');
    expect(byId.d?.status).toBe('pass');
  });

  it('turns an unknown message id into an error', () => {
    const bad: Rule = {
      ...rule('a', 'pass'),
      evaluate: () => ({ status: 'pass', messageId: 'zz' }),
    };
    const { checks } = runPacks([pack([bad])], snapshot);
    expect(checks[0]).toMatchObject({
      status: 'error',
      message: 'The rule failed to run: unknown message id “zz”',
    });
  });

  it('turns a throwing verdict into an error verdict', () => {
    const p: RulePack = {
      ...pack([rule('a', 'pass')]),
      verdict: () => {
        throw new Error('no');
      },
    };
    expect(runPacks([p], snapshot).verdicts).toEqual([
      { pack: 'p', outcome: 'error', reason: 'The verdict failed to run: no' },
    ]);
  });

  it('gives the same output for the same input', () => {
    const rules = [
      rule('b', 'fail', ['a']),
      rule('a', 'warn'),
      rule('c', 'error'),
      rule('d', 'pass', ['c']),
    ];
    const first = runPacks([pack(rules)], snapshot);
    const second = runPacks([pack(rules)], snapshot);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('fills messages from data and leaves unknown placeholders visible', () => {
    expect(fillMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe(
      '1 and two and {{c}}',
    );
  });
});
