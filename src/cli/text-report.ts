// The readable report of `kvp-analyzer analyze`: verdicts first, then the checks in the page's
// order; ANSI colour only when asked for (a terminal, and NO_COLOR unset). Text from the input
// goes through forTerminal, so a file cannot move the cursor, clear the screen or forge a line.
import { STATUS_SYMBOL, groupChecks, statusCounts } from '../lib/report/check-groups.ts';
import { notApplicable, rulePack, type AnalysisResult } from '../lib/rules/index.ts';
import type { CheckResult, CheckStatus, Tone, WhatIfField } from '../lib/rules/types.ts';
import { forTerminal as t } from '../lib/text/index.ts';
import type { Attention } from './attention.ts';
import { fit } from './terminal-text.ts';

/** Writes text in an SGR colour (a code such as '31'), or leaves it as it is. */
export type Paint = (code: string, text: string) => string;

/** ANSI colour when asked for (a terminal, and NO_COLOR unset), else none. */
export function painter(colour: boolean): Paint {
  return colour ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_c, text) => text;
}

export const COLOUR: Record<CheckStatus, string> = {
  pass: '32',
  fail: '31',
  warn: '33',
  info: '36',
  incomplete: '35',
  'not-applicable': '2',
  skip: '2',
  error: '31',
};

export const TONE_COLOUR: Record<Tone, string> = {
  good: '32',
  neutral: '1',
  attention: '33',
  bad: '31',
};

/** How to give the what-if value that would decide a check, in this command's options. */
const WHAT_IF_OPTION: Record<WhatIfField, string> = {
  guestOs: 'give the guest OS with --guest-os, e.g. --guest-os 6.1',
  hostVersion: 'give the host version with --host-version, e.g. --host-version 10.0',
};

/** A script's lines, each escaped and indented (the lines of a command are its own). */
function addIndented(lines: string[], text: string, prefix: string): void {
  for (const line of text.split('\n')) lines.push(`${prefix}${t(line)}`);
}

/**
 * A check in one line: its status symbol, its title and, dimmed, its packs and id. Given a
 * `width`, the title is cut with … so that the line fits it, its packs and id kept whole.
 */
export function checkHeadline(check: CheckResult, paint: Paint, width?: number): string {
  const packs = check.packs.map((id) => rulePack(id)?.label ?? id).join(', ');
  const tag = `[${packs}: ${check.id}]`;
  // The symbol, a space, the title, two spaces, the tag.
  const title =
    width === undefined ? t(check.title) : fit(check.title, width - 4 - tag.length).trimEnd();
  return `${paint(COLOUR[check.status], STATUS_SYMBOL[check.status])} ${title}  ${paint('2', tag)}`;
}

function checkLines(check: CheckResult, details: boolean, paint: Paint): string[] {
  const lines = [`  ${checkHeadline(check, paint)}`, `    ${t(check.message)}`];
  if (check.decidedBy && (check.status === 'incomplete' || check.status === 'skip')) {
    lines.push(paint('2', `    To decide it, ${WHAT_IF_OPTION[check.decidedBy]}.`));
  }
  if (!details) return lines;
  for (const e of check.evidence) {
    lines.push(
      paint(
        '2',
        `    · ${t(e.name)}: ${t(e.actual)}${e.expected ? ` (expected ${t(e.expected)})` : ''} — ${t(e.source)}`,
      ),
    );
  }
  if (check.assumed.length > 0) lines.push(`    What if: assumes ${t(check.assumed.join('; '))}.`);
  if (check.fix) {
    lines.push(`    Fix: ${t(check.fix.summary)}`);
    if (check.fix.host) {
      lines.push('      On the Hyper-V host:');
      addIndented(lines, check.fix.host, '        ');
    }
    if (check.fix.guest) {
      lines.push('      In the guest:');
      addIndented(lines, check.fix.guest, '        ');
    }
  }
  return lines;
}

/**
 * The report of one guest. `only`: what needs attention (--quiet) — then only those verdicts and
 * checks are shown.
 */
export function formatReport(
  result: AnalysisResult,
  file: string,
  colour: boolean,
  only?: Attention,
): string {
  const paint = painter(colour);
  const verdicts = only ? only.verdicts(result) : result.verdicts;
  const checks = only ? only.checks(result) : result.checks;
  const out: string[] = [];
  out.push(paint('1', `KVP analysis of ${file === '-' ? 'standard input' : t(file)}`));
  out.push(`(${result.input.format}, ${result.input.encoding})`);
  out.push(
    statusCounts(result.checks)
      .map((c) => c.text)
      .join(' · '),
    '',
  );
  out.push(paint('1', 'Verdicts'));
  const skipped = verdicts.filter(notApplicable);
  for (const v of verdicts.filter((verdict) => !notApplicable(verdict))) {
    const title = rulePack(v.pack)?.label ?? v.pack;
    out.push(
      `  ${paint('1', title)}: ${paint(TONE_COLOUR[v.tone], v.label)}`,
      `    ${t(v.reason)}`,
    );
    if (v.assumed.length > 0) {
      out.push(`    What if: this verdict assumes ${t(v.assumed.join('; '))}.`);
    }
  }
  if (skipped.length > 0) {
    out.push(
      paint(
        '2',
        `  Not for this input: ${skipped.map((v) => rulePack(v.pack)?.label ?? v.pack).join(', ')}`,
      ),
    );
  }
  // The page's order and grouping: failed first with details, passed last and short.
  for (const group of groupChecks(checks)) {
    out.push('', paint('1', `${group.heading} (${group.checks.length})`));
    for (const check of group.checks) {
      for (const line of checkLines(check, group.open, paint)) out.push(line);
    }
  }
  return `${out.join('\n')}\n`;
}
