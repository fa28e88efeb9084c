// A report as Markdown, for pasting into a ticket or a chat. Registry text is escaped so that
// a value cannot turn into markup wherever the Markdown is rendered.
import { notApplicable, rulePack, type AnalysisResult } from '../rules/index.ts';
import type { CheckResult } from '../rules/types.ts';
import { groupChecks, statusCounts } from './check-groups.ts';

/** Escapes what Markdown (and the HTML it may contain) would interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~-]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** The longest run of backticks in `text`, in one pass (no array of runs spread into a call). */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * A code span: its fence is one backtick longer than any run inside (CommonMark Spec 0.31.2,
 * Code spans, https://spec.commonmark.org/0.31.2/#code-spans).
 */
function code(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** A fenced PowerShell block, its fence longer than any backtick run inside. */
function codeBlock(text: string, indent: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return [
    `${indent}${fence}powershell`,
    ...text.split('\n').map((line) => `${indent}${line}`),
    `${indent}${fence}`,
  ];
}

function packLabels(check: CheckResult): string {
  return check.packs.map((id) => rulePack(id)?.label ?? id).join(', ');
}

export function toMarkdown(result: AnalysisResult, source: string): string {
  const lines: string[] = [
    `# KVP Analyzer report — ${escapeMarkdown(source)}`,
    '',
    `Input: ${result.input.format}, ${result.input.encoding}. Checks: ${statusCounts(result.checks)
      .map((c) => c.text)
      .join(' · ')}.`,
    '',
    '## Verdicts',
    '',
  ];
  for (const verdict of result.verdicts.filter((v) => !notApplicable(v))) {
    lines.push(
      `- **${escapeMarkdown(rulePack(verdict.pack)?.title ?? verdict.pack)}**: ${escapeMarkdown(verdict.label)} — ${escapeMarkdown(verdict.reason)}`,
    );
    if (verdict.assumed.length > 0) {
      lines.push(
        `  - _What if: this verdict assumes ${escapeMarkdown(verdict.assumed.join('; '))}._`,
      );
    }
  }
  const skipped = result.verdicts.filter(notApplicable);
  if (skipped.length > 0) {
    lines.push(
      `- Not for this kind of input: ${escapeMarkdown(skipped.map((v) => rulePack(v.pack)?.title ?? v.pack).join('; '))}.`,
    );
  }
  for (const group of groupChecks(result.checks)) {
    lines.push('', `## ${group.heading} (${group.checks.length})`, '');
    for (const check of group.checks) {
      lines.push(
        `- **${escapeMarkdown(check.title)}** (${escapeMarkdown(packLabels(check))}) — ${escapeMarkdown(check.message)}`,
      );
      for (const evidence of check.evidence) {
        lines.push(
          `  - ${code(evidence.name)}: ${code(evidence.actual)} (expected ${escapeMarkdown(evidence.expected)}; ${escapeMarkdown(evidence.source)})`,
        );
      }
      if (check.assumed.length > 0) {
        lines.push(`  - _What if: assumes ${escapeMarkdown(check.assumed.join('; '))}._`);
      }
      if (check.fix) {
        lines.push(`  - Fix: ${escapeMarkdown(check.fix.summary)}`);
        if (check.fix.host)
          lines.push('', '    On the Hyper-V host:', '', ...codeBlock(check.fix.host, '    '));
        if (check.fix.guest)
          lines.push('', '    In the guest:', '', ...codeBlock(check.fix.guest, '    '));
      }
      // Documentation for what a reader has to act on; passed checks stay one line.
      for (const reference of group.open ? check.references : []) {
        lines.push(`  - See: ${escapeMarkdown(reference.title)} <${reference.url}>`);
      }
    }
  }
  lines.push('', '_Made with KVP Analyzer; the file never left the browser._', '');
  return lines.join('\n');
}
