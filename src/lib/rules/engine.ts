// Runs rules in dependency order, skips (never silently) rules whose requirements are not
// satisfied — naming the root cause once — and turns an exception in one rule into that rule's
// `error` result. A rule listed by several packs runs once; its result names every pack.

import type { KvpSnapshot } from '../kvp/snapshot.ts';
import { boundedEvidence } from './evidence.ts';
import type { FixContext } from './fixes.ts';
import type { CheckResult, CheckStatus, MessageData, Rule, RulePack, Verdict } from './types.ts';
import { SnapshotView } from './view.ts';

/**
 * A requirement is satisfied when it passed, or decided with a caveat (warn) or as a note (info).
 * fail, incomplete, not-applicable, skip and error are not.
 */
export const SATISFIED: ReadonlySet<CheckStatus> = new Set(['pass', 'warn', 'info']);

/** Fills `{{name}}` placeholders; unknown names stay visible so a missing datum is noticed. */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : whole,
  );
}

/** The rules that run before this one: its requirements, and those it may skip because of. */
function before(rule: Rule): string[] {
  return rule.after ? [...rule.requires, ...rule.after] : rule.requires;
}

interface Entry {
  rule: Rule;
  packs: string[];
}

/**
 * Stable topological order: among the rules whose requirements are all placed, the earliest
 * declared goes first. Rules in a cycle or with an unknown requirement are returned separately.
 */
export function orderRules(entries: Entry[]): { ordered: Entry[]; broken: Map<Entry, string> } {
  const byId = new Map(entries.map((e) => [e.rule.id, e]));
  const broken = new Map<Entry, string>();
  for (const e of entries) {
    const unknown = before(e.rule).find((id) => !byId.has(id));
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
      if (before(e.rule).every((id) => placed.has(id) || broken.has(byId.get(id) as Entry))) {
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

const WHAT: Record<CheckStatus, string> = {
  pass: 'passed',
  warn: 'warned',
  info: 'was noted',
  fail: 'failed',
  incomplete: 'could not be decided',
  'not-applicable': 'did not apply',
  skip: 'was skipped',
  error: 'raised an error',
};

class Run {
  readonly done = new Map<string, CheckResult>();
  private readonly rules = new Map<string, Rule>();
  readonly view: SnapshotView;
  private readonly fixContext: FixContext;

  constructor(entries: Entry[], snapshot: KvpSnapshot) {
    for (const e of entries) this.rules.set(e.rule.id, e.rule);
    this.view = new SnapshotView(snapshot);
    this.fixContext = { vmName: this.view.vmName() };
  }

  private base(entry: Entry) {
    const { rule, packs } = entry;
    return {
      id: rule.id,
      pack: packs[0] as string,
      packs,
      title: rule.title,
      messageId: '',
      description: rule.description,
      references: rule.references,
      evidence: [],
      assumed: [],
    };
  }

  /** A skip that names the root cause: the first requirement down the chain that was not a skip. */
  private skip(entry: Entry, because: CheckResult): CheckResult {
    const root =
      because.status === 'skip'
        ? (this.done.get(because.skippedBecause ?? '') ?? because)
        : because;
    const rootRule = this.rules.get(root.id);
    const phrase = rootRule?.blocks?.[root.messageId];
    const message = phrase
      ? `Skipped because ${phrase}.`
      : `Skipped because “${rootRule?.title ?? root.id}” ${WHAT[root.status]}: ${root.message}`;
    const result: CheckResult = {
      ...this.base(entry),
      status: 'skip',
      message,
      skippedBecause: root.id,
      assumed: [...root.assumed],
    };
    if (root.decidedBy) result.decidedBy = root.decidedBy;
    return result;
  }

  evaluate(entry: Entry): CheckResult {
    const { rule } = entry;
    for (const id of rule.requires) {
      const requirement = this.done.get(id);
      if (requirement && !SATISFIED.has(requirement.status)) return this.skip(entry, requirement);
    }
    this.view.takeAssumed();
    try {
      const outcome = rule.evaluate({ view: this.view, result: (id) => this.done.get(id) });
      const assumed = this.view.takeAssumed();
      if (outcome.status === 'skip') {
        const because = this.done.get(outcome.because);
        if (!because) throw new Error(`it names an unknown requirement “${outcome.because}”`);
        const result = this.skip(entry, because);
        result.assumed = [...new Set([...result.assumed, ...assumed])];
        return result;
      }
      const template = rule.messages[outcome.messageId];
      if (template === undefined) throw new Error(`unknown message id “${outcome.messageId}”`);
      const problem = outcome.status === 'fail' || outcome.status === 'warn';
      const data = outcome.data ?? {};
      const result: CheckResult = {
        ...this.base(entry),
        status: outcome.status,
        title: problem ? rule.failureTitle : rule.title,
        messageId: outcome.messageId,
        message: fillMessage(template, data),
        // Whatever a rule lists, a result stays bounded (evidence.ts).
        evidence: boundedEvidence(outcome.evidence ?? [], (item) => item),
        assumed,
      };
      const fix = problem ? rule.fix?.[outcome.messageId] : undefined;
      if (fix) result.fix = fix(this.fixContext, data);
      const decidedBy = rule.decidedBy?.[outcome.messageId];
      if (decidedBy) result.decidedBy = decidedBy;
      return result;
    } catch (error) {
      this.view.takeAssumed();
      const message = error instanceof Error ? error.message : String(error);
      return {
        ...this.base(entry),
        status: 'error',
        message: `The rule failed to run: ${message}`,
      };
    }
  }
}

/** The rules of the packs, each once, with the packs that list it (a shared rule is one object). */
function entriesOf(packs: readonly RulePack[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const seen = byId.get(rule.id);
      if (!seen) byId.set(rule.id, { rule, packs: [pack.id] });
      else if (seen.rule !== rule) throw new Error(`two different rules share the id “${rule.id}”`);
      else if (!seen.packs.includes(pack.id)) seen.packs.push(pack.id);
    }
  }
  return [...byId.values()];
}

/** Runs every rule of every pack; results in execution order, then verdicts in pack order. */
export function runPacks(
  packs: readonly RulePack[],
  snapshot: KvpSnapshot,
): { checks: CheckResult[]; verdicts: Verdict[] } {
  const entries = entriesOf(packs);
  const { ordered, broken } = orderRules(entries);
  const run = new Run(entries, snapshot);
  for (const [entry, why] of broken) {
    run.done.set(entry.rule.id, {
      id: entry.rule.id,
      pack: entry.packs[0] as string,
      packs: entry.packs,
      status: 'error',
      title: entry.rule.title,
      messageId: '',
      message: `The rule cannot run: ${why}.`,
      description: entry.rule.description,
      references: entry.rule.references,
      evidence: [],
      assumed: [],
    });
  }
  for (const entry of ordered) run.done.set(entry.rule.id, run.evaluate(entry));
  // Rules that cannot run come last, in the order they were declared.
  const unrunnable = entries.filter((e) => broken.has(e));
  const checks = [...ordered, ...unrunnable].map((e) => run.done.get(e.rule.id) as CheckResult);
  const verdicts = packs.map((pack) => verdictOf(pack, checks, run.view));
  return { checks, verdicts };
}

function verdictOf(pack: RulePack, checks: CheckResult[], view: SnapshotView): Verdict {
  const own = checks.filter((check) => check.packs.includes(pack.id));
  view.takeAssumed();
  let decision;
  try {
    decision = pack.verdict(own, view);
    if (!Object.hasOwn(pack.outcomes, decision.outcome)) {
      throw new Error(`the outcome “${decision.outcome}” is not one the pack declares`);
    }
  } catch (error) {
    view.takeAssumed();
    const message = error instanceof Error ? error.message : String(error);
    return {
      pack: pack.id,
      outcome: 'error',
      label: 'Error',
      tone: 'bad',
      reason: `The verdict failed to run: ${message}`,
      assumed: [],
    };
  }
  const spec = pack.outcomes[decision.outcome] as { label: string; tone: Verdict['tone'] };
  // What the decision itself read: a verdict says what it rests on, not what every check read.
  const assumed = view.takeAssumed();
  return {
    pack: pack.id,
    outcome: decision.outcome,
    label: spec.label,
    tone: spec.tone,
    reason: decision.reason,
    assumed,
  };
}
