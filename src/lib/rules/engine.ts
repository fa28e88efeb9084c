// Runs rules in dependency order, skips (never silently) rules whose requirements are not
// satisfied, and turns an exception in one rule into that rule's `error` result.

import type { KvpSnapshot } from '../kvp/snapshot.ts';
import type { CheckResult, CheckStatus, MessageData, Rule, RulePack, Verdict } from './types.ts';

/**
 * A requirement is satisfied when it passed, or decided with a caveat (warn) or as a note (info).
 * fail, not-applicable, skip (including "cannot decide from this input") and error are not.
 */
export const SATISFIED: ReadonlySet<CheckStatus> = new Set(['pass', 'warn', 'info']);

/** Fills `{{name}}` placeholders; unknown names stay visible so a missing datum is noticed. */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

interface Entry {
  rule: Rule;
  pack: string;
  index: number;
}

/**
 * Stable topological order: among the rules whose requirements are all placed, the earliest
 * declared goes first. Rules in a cycle or with an unknown requirement are returned separately.
 */
export function orderRules(entries: Entry[]): { ordered: Entry[]; broken: Map<Entry, string> } {
  const byId = new Map(entries.map((e) => [e.rule.id, e]));
  const broken = new Map<Entry, string>();
  for (const e of entries) {
    const unknown = e.rule.requires.find((id) => !byId.has(id));
    if (unknown !== undefined) broken.set(e, `it requires an unknown rule “${unknown}”`);
  }
  const placed = new Set<string>();
  const ordered: Entry[] = [];
  const pending = entries.filter((e) => !broken.has(e));
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const e = pending[i] as Entry;
      if (e.rule.requires.every((id) => placed.has(id) || broken.has(byId.get(id) as Entry))) {
        ordered.push(e);
        placed.add(e.rule.id);
        pending.splice(i, 1);
        progress = true;
        break;
      }
    }
  }
  for (const e of pending) broken.set(e, 'its requirements form a cycle');
  return { ordered, broken };
}

function skipReason(requirement: CheckResult, title: string): string {
  const what: Record<CheckStatus, string> = {
    pass: 'passed',
    warn: 'warned',
    info: 'was noted',
    fail: 'failed',
    'not-applicable': 'did not apply',
    skip: 'was skipped',
    error: 'raised an error',
  };
  return `Skipped because “${title}” ${what[requirement.status]}: ${requirement.message}`;
}

function evaluateRule(
  entry: Entry,
  snapshot: KvpSnapshot,
  done: Map<string, CheckResult>,
  titles: Map<string, string>,
): CheckResult {
  const { rule, pack } = entry;
  const base = { id: rule.id, pack, evidence: [] };
  for (const id of rule.requires) {
    const requirement = done.get(id);
    if (requirement && !SATISFIED.has(requirement.status)) {
      // Name the requirement by its positive title: "skipped because “Key present” failed".
      const message = skipReason(requirement, titles.get(id) ?? id);
      return { ...base, status: 'skip', title: rule.title, message };
    }
  }
  try {
    const outcome = rule.evaluate({ snapshot, result: (id) => done.get(id) });
    const template = rule.messages[outcome.messageId];
    if (template === undefined) throw new Error(`unknown message id “${outcome.messageId}”`);
    const problem = outcome.status === 'fail' || outcome.status === 'warn';
    const result: CheckResult = {
      ...base,
      status: outcome.status,
      title: problem ? rule.failureTitle : rule.title,
      message: fillMessage(template, outcome.data),
      evidence: outcome.evidence ?? [],
    };
    const fix = problem ? rule.fix?.[outcome.messageId] : undefined;
    if (fix !== undefined) result.fix = fillMessage(fix, outcome.data);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: 'error',
      title: rule.title,
      message: `The rule failed to run: ${message}`,
    };
  }
}

/** Runs every rule of every pack; results in execution order, then verdicts in pack order. */
export function runPacks(
  packs: readonly RulePack[],
  snapshot: KvpSnapshot,
): { checks: CheckResult[]; verdicts: Verdict[] } {
  const entries: Entry[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) entries.push({ rule, pack: pack.id, index: entries.length });
  }
  return run(entries, packs, snapshot);
}

function run(entries: Entry[], packs: readonly RulePack[], snapshot: KvpSnapshot) {
  const { ordered, broken } = orderRules(entries);
  const done = new Map<string, CheckResult>();
  const results: CheckResult[] = [];
  for (const [entry, why] of broken) {
    const result: CheckResult = {
      id: entry.rule.id,
      pack: entry.pack,
      status: 'error',
      title: entry.rule.title,
      message: `The rule cannot run: ${why}.`,
      evidence: [],
    };
    done.set(entry.rule.id, result);
  }
  const titles = new Map(entries.map((e) => [e.rule.id, e.rule.title]));
  for (const entry of ordered) {
    const result = evaluateRule(entry, snapshot, done, titles);
    done.set(entry.rule.id, result);
  }
  for (const entry of [...ordered, ...broken.keys()])
    results.push(done.get(entry.rule.id) as CheckResult);
  const verdicts = packs.map((pack) => {
    const own = results.filter((r) => r.pack === pack.id);
    try {
      return pack.verdict(own, snapshot);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { pack: pack.id, outcome: 'error', reason: `The verdict failed to run: ${message}` };
    }
  });
  return { checks: results, verdicts };
}
