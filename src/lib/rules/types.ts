// Rules as data (Lighthouse audits: id/title/failureTitle/description; ESLint meta.messages filled
// from data) plus a small evaluate(); results carry their evidence (axe-core). See design.md.

import type { KvpSnapshot } from '../kvp/snapshot.ts';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'not-applicable' | 'skip' | 'error';

/** What a result was decided on: one value, what it is, what was expected, and where it is. */
export interface Evidence {
  /** Value name as written in the file (or a short label such as "guest OS"). */
  name: string;
  /** What the file says, e.g. "6 (REG_DWORD)", or "(missing)". */
  actual: string;
  expected: string;
  /** "line 12", "given by you", or "not in the file". */
  source: string;
  /** The 1-based line, when the fact is in the file. */
  line: number | null;
}

export type MessageData = Record<string, string | number>;

/** What evaluate() decides; the engine turns it into a CheckResult. */
export interface RuleOutcome {
  /** `skip` from a rule itself means "this input cannot decide it" (axe's "incomplete"). */
  status: Exclude<CheckStatus, 'error'>;
  messageId: string;
  data?: MessageData;
  evidence?: Evidence[];
}

export interface RuleContext {
  snapshot: KvpSnapshot;
  /** Results of rules that already ran (every requirement has). */
  result(id: string): CheckResult | undefined;
}

export interface Rule {
  /** Unique across all packs. */
  id: string;
  title: string;
  /** Shown instead of the title when the rule fails or warns. */
  failureTitle: string;
  description: string;
  /** Ids of rules that must be satisfied (pass, warn or info) before this one runs. */
  requires: string[];
  /** Message templates by id; `{{name}}` is filled from the outcome's data. */
  messages: Record<string, string>;
  /** A fix per message id (templates too), shown with a failing or warning result. */
  fix?: Record<string, string>;
  evaluate(context: RuleContext): RuleOutcome;
}

export interface CheckResult {
  id: string;
  pack: string;
  status: CheckStatus;
  /** The rule's failureTitle when it failed or warned, else its title. */
  title: string;
  message: string;
  evidence: Evidence[];
  fix?: string;
}

export interface Verdict {
  pack: string;
  outcome: string;
  reason: string;
}

export interface RulePack {
  id: string;
  title: string;
  /** A few words for the pack beside each of its checks (two packs may check the same thing). */
  label: string;
  /** Every outcome verdict() can give, for the report and the docs. */
  outcomes: readonly string[];
  rules: Rule[];
  verdict(results: CheckResult[], snapshot: KvpSnapshot): Verdict;
}
