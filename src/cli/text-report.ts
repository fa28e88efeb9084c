// The readable report of `kvp-analyzer analyze`: verdicts first, then the checks in the page's
// order; ANSI colour only when asked for (a terminal, and NO_COLOR unset).
import { STATUS_SYMBOL, groupChecks } from '../lib/report/check-groups.ts';
import type { AnalysisResult } from '../lib/rules/index.ts';
import type { CheckResult, CheckStatus } from '../lib/rules/types.ts';
import { forTerminal as t } from '../lib/text/index.ts';

type Paint = (code: string, text: string) => string;

const COLOUR: Record<CheckStatus, string> = {
  pass: '32',
  fail: '31',
  warn: '33',
  info: '36',
  'not-applicable': '2',
  skip: '2',
  error: '31',
};

function checkLines(check: CheckResult, details: boolean, paint: Paint): string[] {
  const lines = [
    `  ${paint(COLOUR[check.status], STATUS_SYMBOL[check.status])} ${t(check.title)}  ${paint('2', `[${check.id}]`)}`,
  ];
  lines.push(`    ${t(check.message)}`);
  if (details) {
    for (const e of check.evidence) {
      lines.push(
        paint(
          '2',
          `    · ${t(e.name)}: ${t(e.actual)} (expected ${t(e.expected)}) — ${t(e.source)}`,
        ),
      );
    }
    if (check.fix) lines.push(`    Fix: ${t(check.fix)}`);
  }
  return lines;
}

export function formatReport(result: AnalysisResult, file: string, colour: boolean): string {
  const paint: Paint = colour
    ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
    : (_c, text) => text;
  const out: string[] = [];
  out.push(paint('1', `KVP analysis of ${file === '-' ? 'standard input' : t(file)}`));
  out.push(`(${result.input.format}, ${result.input.encoding})`, '');
  out.push(paint('1', 'Verdicts'));
  for (const v of result.verdicts) {
    out.push(`  ${paint('1', v.pack)}: ${v.outcome}`, `    ${t(v.reason)}`);
  }
  // The page's order and grouping: failed first with details, passed last and short.
  for (const group of groupChecks(result.checks)) {
    out.push('', paint('1', `${group.heading} (${group.checks.length})`));
    // Not push(...lines): a check may list 150,000 values, more than a call takes arguments.
    for (const check of group.checks) {
      for (const line of checkLines(check, group.open, paint)) out.push(line);
    }
  }
  return `${out.join('\n')}\n`;
}
