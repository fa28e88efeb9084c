// The order a report shows checks in (Lighthouse: failed first and open, passed collapsed), so
// the page, the Markdown export and the command line all read the same way.
import type { CheckResult, CheckStatus } from '../rules/types.ts';

/** One symbol per status, beside the words (never instead of them): page, Markdown and CLI. */
export const STATUS_SYMBOL: Readonly<Record<CheckStatus, string>> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  info: 'i',
  'not-applicable': '–',
  skip: '↷',
  error: '⚠',
};

export interface CheckGroup {
  status: CheckStatus;
  heading: string;
  /** Shown expanded: the ones a reader must act on. */
  open: boolean;
  checks: CheckResult[];
}

const ORDER: readonly { status: CheckStatus; heading: string; open: boolean }[] = [
  { status: 'fail', heading: 'Failed', open: true },
  { status: 'warn', heading: 'Warnings', open: true },
  { status: 'error', heading: 'Could not run', open: true },
  { status: 'skip', heading: 'Skipped', open: false },
  { status: 'info', heading: 'For information', open: false },
  { status: 'pass', heading: 'Passed', open: false },
  { status: 'not-applicable', heading: 'Not applicable', open: false },
];

/** Non-empty groups in display order; within a group, the engine's order. */
export function groupChecks(checks: readonly CheckResult[]): CheckGroup[] {
  return ORDER.map((group) => ({
    ...group,
    checks: checks.filter((check) => check.status === group.status),
  })).filter((group) => group.checks.length > 0);
}
