// The text form of a batch run: a table that fits the terminal, one row a guest — how it fares
// (✓ ! ✗), where it is, and the verdicts that need attention as "pack: outcome" — and under each
// row the checks that failed or warned. Every pack's outcome is in csv, json and ndjson; the
// table keeps to what an administrator acts on. Written row by row as the guests come, so the
// columns are set from the width alone: File, VM and Host shrink on a narrow terminal, the
// verdicts take the rest, one a line when they do not fit on one. Text from the input goes
// through forTerminal.
import { RULE_PACKS, rulePack, needsAttention, type AnalysisResult } from '../lib/rules/index.ts';
import type { CheckResult, Verdict } from '../lib/rules/types.ts';
import type { Attention } from './attention.ts';
import type { BatchFormat, RunCounts } from './batch-formats.ts';
import { fit, plural, wrap } from './terminal-text.ts';
import { TONE_COLOUR, checkHeadline, painter, type Paint } from './text-report.ts';

/** The width of output that is not a terminal (a file, a pipe, `| less`). */
const DEFAULT_WIDTH = 120;
/** Narrower than this, the table is laid out as if this wide (and the terminal wraps it). */
const MIN_WIDTH = 80;
const GAP = '  ';
/** The mark and its space, and a gap after each of File, VM and Host. */
const FIXED = 2 + 3 * GAP.length;
/** What a check line under a row is indented by. */
const INDENT = '    ';

/** How a verdict reads in the table. */
function verdictText(verdict: Verdict): string {
  return `${rulePack(verdict.pack)?.label ?? verdict.pack}: ${verdict.label}`;
}

/** The longest verdict the column may have to show alone: it gets that much room when it can. */
const LONGEST_VERDICT = RULE_PACKS.reduce(
  (most, pack) =>
    Object.values(pack.outcomes).reduce(
      (longest, outcome) =>
        needsAttention(outcome)
          ? Math.max(longest, `${pack.label}: ${outcome.label}`.length)
          : longest,
      most,
    ),
  0,
);

/** The columns' widths: File, VM and Host as wide as they may be with room for a verdict. */
function layout(columns: number | undefined) {
  const width = Math.max(MIN_WIDTH, columns ?? DEFAULT_WIDTH);
  const room = width - FIXED - LONGEST_VERDICT;
  const file = Math.min(32, Math.max(16, Math.floor(room / 2)));
  const name = Math.min(16, Math.max(10, Math.floor((room - file) / 2)));
  return { width, file, name, verdicts: width - FIXED - file - 2 * name };
}

/** The row's first column: how the guest fares, at a glance. */
const MARK = {
  fine: { symbol: '✓', colour: '32' },
  attention: { symbol: '!', colour: '33' },
  bad: { symbol: '✗', colour: '31' },
  error: { symbol: '⚠', colour: '31' },
} as const;

function row(cells: string[]): string {
  return `${cells.join(GAP).trimEnd()}\n`;
}

/**
 * The table, `columns` wide (undefined: not a terminal). `attention` decides each row's mark and
 * verdicts; `failures` which checks are listed under it (--quiet: only those that need
 * attention); `quiet` leaves the closing lines out.
 */
export function textTable(options: {
  colour: boolean;
  columns: number | undefined;
  attention: Attention;
  failures: (result: AnalysisResult) => CheckResult[];
  quiet: boolean;
}): BatchFormat {
  const paint: Paint = painter(options.colour);
  const size = layout(options.columns);
  const under = ' '.repeat(FIXED + size.file + 2 * size.name);
  const place = (file: string, vm: string, host: string) => [
    fit(file, size.file, true),
    fit(vm, size.name),
    fit(host, size.name),
  ];
  const mark = (kind: keyof typeof MARK) => paint(MARK[kind].colour, MARK[kind].symbol);
  const shown = (verdict: Verdict, width: number) =>
    paint(TONE_COLOUR[verdict.tone], fit(verdictText(verdict), width).trimEnd());
  /** The verdicts on one line when they fit it, else one a line (a longer one cut with …). */
  const verdictLines = (needing: Verdict[]): string[] => {
    if (needing.length === 0) return ['—'];
    const oneLine = needing.map(verdictText).join('; ');
    if (Array.from(oneLine).length <= size.verdicts) {
      return [needing.map((verdict) => shown(verdict, size.verdicts)).join('; ')];
    }
    return needing.map((verdict) => shown(verdict, size.verdicts));
  };
  let headed = false;
  return {
    head: () => '',
    record(record) {
      const lines: string[] = [];
      if (!headed) {
        headed = true;
        lines.push(
          paint(
            '1',
            row([`  ${place('File', 'VM', 'Host').join(GAP)}`, 'Needs attention']).trimEnd(),
          ) + '\n',
        );
      }
      if ('error' in record) {
        lines.push(
          row([`${mark('error')} ${fit(record.file, size.file, true)}`, 'could not be read']),
        );
        for (const line of wrap(record.error, size.width - INDENT.length))
          lines.push(`${INDENT}${line}\n`);
        return lines.join('');
      }
      const { result } = record;
      const needing = options.attention.verdicts(result);
      const kind = needing.some((v) => v.tone === 'bad')
        ? 'bad'
        : needing.length > 0
          ? 'attention'
          : 'fine';
      const [first = '', ...more] = verdictLines(needing);
      lines.push(
        row([
          `${mark(kind)} ${place(record.file, record.vm ?? '', record.host ?? '').join(GAP)}`,
          first,
        ]),
      );
      for (const line of more) lines.push(`${under}${line}\n`);
      for (const check of options.failures(result))
        lines.push(`${INDENT}${checkHeadline(check, paint, size.width - INDENT.length)}\n`);
      return lines.join('');
    },
    tail(counts: RunCounts) {
      if (options.quiet) return '';
      const parts = [
        plural(counts.guests, 'guest', 'guests'),
        `${plural(counts.attention, 'needs', 'need')} attention`,
      ];
      if (counts.errors > 0)
        parts.push(`${plural(counts.errors, 'input', 'inputs')} could not be read`);
      return [
        '',
        `${parts.join(' · ')}.`,
        "Each guest's evidence and fixes: kvp-analyzer analyze <its file>.",
        "Every pack's verdict for every guest: --format csv (or ndjson, json).",
        '',
      ].join('\n');
    },
  };
}
