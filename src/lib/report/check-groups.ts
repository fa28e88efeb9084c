// The order a report shows checks in (Lighthouse: failed first and open, passed collapsed), so
// the page, the Markdown export and the command line all read the same way.
import type { CheckResult, CheckStatus } from '../rules/types.ts';

/** One symbol per status, beside the words (never instead of them): page, Markdown and CLI. */
export const STATUS_SYMBOL: Readonly<Record<CheckStatus, string>> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  info: 'i',
  incomplete: '?',
  'not-applicable': '–',
  skip: '↷',
  error: '⚠',
};

export interface CheckGroup {
  status: CheckStatus;
  heading: string;
  /** Shown expanded: the ones a reader must act on or decide. */
  open: boolean;
  checks: CheckResult[];
}

const ORDER: readonly {
  status: CheckStatus;
  heading: string;
  open: boolean;
  counted: [string, string];
}[] = [
  { status: 'fail', heading: 'Failed', open: true, counted: ['failed', 'failed'] },
  { status: 'warn', heading: 'Warnings', open: true, counted: ['warning', 'warnings'] },
  {
    status: 'incomplete',
    heading: 'Could not decide',
    open: true,
    counted: ['could not be decided', 'could not be decided'],
  },
  {
    status: 'error',
    heading: 'Could not run',
    open: true,
    counted: ['could not run', 'could not run'],
  },
  { status: 'info', heading: 'Notes', open: false, counted: ['note', 'notes'] },
  { status: 'pass', heading: 'Passed', open: false, counted: ['passed', 'passed'] },
  {
    status: 'not-applicable',
    heading: 'Not applicable',
    open: false,
    counted: ['not applicable', 'not applicable'],
  },
  { status: 'skip', heading: 'Skipped', open: false, counted: ['skipped', 'skipped'] },
];

/** Non-empty groups in display order; within a group, the engine's order. */
export function groupChecks(checks: readonly CheckResult[]): CheckGroup[] {
  const byStatus = new Map<CheckStatus, CheckResult[]>();
  for (const check of checks) {
    const list = byStatus.get(check.status);
    if (list) list.push(check);
    else byStatus.set(check.status, [check]);
  }
  return ORDER.filter((group) => byStatus.has(group.status)).map(({ counted: _, ...group }) => ({
    ...group,
    checks: byStatus.get(group.status) as CheckResult[],
  }));
}

/** Counts by status in display order, in words: "2 failed · 1 warning · 12 passed". */
export function statusCounts(
  checks: readonly CheckResult[],
): { status: CheckStatus; count: number; text: string }[] {
  const counts = new Map<CheckStatus, number>();
  for (const check of checks) counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
  return ORDER.filter((group) => counts.has(group.status)).map((group) => {
    const count = counts.get(group.status) as number;
    return { status: group.status, count, text: `${count} ${group.counted[count === 1 ? 0 : 1]}` };
  });
}
