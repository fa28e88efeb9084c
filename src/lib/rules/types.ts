// Rules as data (Lighthouse audits: id/title/failureTitle/description; ESLint meta.messages filled
// from data) plus a small evaluate(); results carry their evidence (axe-core), and "cannot be
// decided from this input" is its own status (axe's incomplete). See design.md.

import type { Fix, FixContext } from './fixes.ts';
import type { Reference } from './references.ts';
import type { SnapshotView } from './view.ts';

export type { Fix } from './fixes.ts';
export type { Reference } from './references.ts';

/**
 * pass · fail · warn · info (a note) · incomplete (this input cannot decide it) · not-applicable ·
 * skip (a requirement did not hold) · error (the rule itself failed).
 */
export type CheckStatus =
  'pass' | 'fail' | 'warn' | 'info' | 'incomplete' | 'not-applicable' | 'skip' | 'error';

/** What a result was decided on: one value, what it is, what was expected, and where it is. */
export interface Evidence {
  /** Value name as written in the input (or a short label such as "guest OS"). */
  name: string;
  /** What the input says, e.g. "6 (REG_DWORD)", or "(missing)". */
  actual: string;
  expected: string;
  /** "line 12", "record 4 of .kvp_pool_3", "given by you", or "not in the file". */
  source: string;
  /** The position in the input's source view (a line, a record), when the fact is in the input. */
  line: number | null;
}

export type MessageData = Record<string, string | number>;

/** A what-if value that would decide a result the input cannot: the page and CLI say how to give it. */
export type WhatIfField = 'guestOs' | 'hostVersion';

/** What evaluate() decides; the engine turns it into a CheckResult. */
export type RuleOutcome =
  | {
      status: Exclude<CheckStatus, 'error' | 'skip'>;
      messageId: string;
      data?: MessageData;
      evidence?: Evidence[];
    }
  /** A requirement only this evaluation knows of (e.g. "unless a host version is given") did not hold. */
  | { status: 'skip'; because: string };

export interface RuleContext {
  view: SnapshotView;
  /** Results of rules that already ran (every requirement has). */
  result(id: string): CheckResult | undefined;
}

export interface Rule {
  /** Unique across all packs; a rule listed by two packs runs once and is shown once. */
  id: string;
  title: string;
  /** Shown instead of the title when the rule fails or warns. */
  failureTitle: string;
  /** What the check looks at and why it matters, in plain words. */
  description: string;
  /** Public documentation the check rests on. */
  references: readonly Reference[];
  /** Ids of rules that must be satisfied (pass, warn or info) before this one runs. */
  requires: string[];
  /** Ids of rules that only run first: this one may `skip` because of them (RuleOutcome). */
  after?: string[];
  /** Message templates by id; `{{name}}` is filled from the outcome's data. */
  messages: Record<string, string>;
  /**
   * What a rule that needs this one says when this outcome stops it, by message id: "the guest OS
   * is not known" (default: the title and what happened).
   */
  blocks?: Record<string, string>;
  /** Message ids that a what-if value would decide. */
  decidedBy?: Record<string, WhatIfField>;
  /** A fix per message id, shown with a failing or warning result. */
  fix?: Record<string, (context: FixContext, data: MessageData) => Fix>;
  evaluate(context: RuleContext): RuleOutcome;
}

export interface CheckResult {
  id: string;
  /** The first pack that lists the rule; `packs` names every one. */
  pack: string;
  packs: string[];
  status: CheckStatus;
  /** The rule's failureTitle when it failed or warned, else its title. */
  title: string;
  message: string;
  /** Which of the rule's messages (stable, for tests and tools); '' for skips and errors. */
  messageId: string;
  description: string;
  references: readonly Reference[];
  evidence: Evidence[];
  fix?: Fix;
  /** For a skip: the id of the check that stopped it (the root cause, never a skip itself). */
  skippedBecause?: string;
  /** The what-if value that would decide an `incomplete` result. */
  decidedBy?: WhatIfField;
  /** What-if values the result rests on, e.g. "host version 6.4 (the file says 6.3)". */
  assumed: string[];
}

/** How a verdict reads at a glance; the CLI's exit code follows it (attention or bad → 1). */
export type Tone = 'good' | 'neutral' | 'attention' | 'bad';

export interface OutcomeSpec {
  /** A few words for the banner: "Offered", "Needs Data Exchange". */
  label: string;
  tone: Tone;
}

export interface Verdict {
  pack: string;
  outcome: string;
  label: string;
  tone: Tone;
  reason: string;
  /** What-if values the decision used; empty when it rests on the input alone. */
  assumed: string[];
}

/** What a pack's verdict function decides; the engine adds the label, tone and what-if used. */
export interface VerdictDecision {
  outcome: string;
  reason: string;
}

export interface RulePack {
  id: string;
  title: string;
  /** A few words for the pack beside each of its checks. */
  label: string;
  /** The question the pack answers, for the README and the page. */
  question: string;
  /** Every outcome verdict() can give, with its label and tone. */
  outcomes: Readonly<Record<string, OutcomeSpec>>;
  rules: Rule[];
  verdict(results: CheckResult[], view: SnapshotView): VerdictDecision;
}
