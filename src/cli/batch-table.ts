// The text form of a batch run: a table, one row a guest — where it is, then every pack's outcome
// in a column of its own (– where the pack does not apply) — and under each row the checks that
// failed or warned. Written row by
// row as the guests come, so the columns have set widths: a pack's fits its longest outcome, a
// longer name is cut with …. Text from the input goes through forTerminal.
import { STATUS_SYMBOL } from '../lib/report/check-groups.ts';
import { RULE_PACKS, notApplicable, type AnalysisResult } from '../lib/rules/index.ts';
import type { CheckResult, Tone } from '../lib/rules/types.ts';
import { forTerminal as t } from '../lib/text/index.ts';
import type { Attention } from './attention.ts';
import type { BatchFormat, RunCounts } from './batch-formats.ts';
import { fit, plural } from './terminal-text.ts';
import { checkHeadline, painter, type Paint } from './text-report.ts';

const NOT_APPLICABLE = STATUS_SYMBOL['not-applicable'];
const FILE_WIDTH = 32;
const NAME_WIDTH = 16;
const GAP = '  ';

const PACK_COLUMNS = RULE_PACKS.map((pack) => ({
  id: pack.id,
  label: pack.label,
  width: Object.keys(pack.outcomes).reduce(
    (most, id) => Math.max(most, id.length),
    pack.label.length,
  ),
}));

/** A cell's colour by its verdict's tone; a neutral one is left plain. */
const CELL_COLOUR: Record<Tone, string | undefined> = {
  good: '32',
  neutral: undefined,
  attention: '33',
  bad: '31',
};

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
 * The table. `attention` decides the mark of each row; `failures` which checks are listed under
 * it (--quiet: only those that need attention); `quiet` leaves the closing count out.
 */
export function textTable(options: {
  colour: boolean;
  attention: Attention;
  failures: (result: AnalysisResult) => CheckResult[];
  quiet: boolean;
}): BatchFormat {
  const paint: Paint = painter(options.colour);
  let headed = false;
  const header = () =>
    paint(
      '1',
      row([
        `  ${fit('File', FILE_WIDTH)}`,
        fit('VM', NAME_WIDTH),
        fit('Host', NAME_WIDTH),
        ...PACK_COLUMNS.map((column) => column.label.padEnd(column.width)),
      ]).trimEnd(),
    ) + '\n';
  const mark = (kind: keyof typeof MARK) => paint(MARK[kind].colour, MARK[kind].symbol);
  return {
    head: () => '',
    record(record) {
      const lines: string[] = [];
      if (!headed) {
        headed = true;
        lines.push(header());
      }
      if ('error' in record) {
        lines.push(
          row([`${mark('error')} ${fit(record.file, FILE_WIDTH, true)}`, 'could not be read']),
        );
        lines.push(`    ${t(record.error)}\n`);
        return lines.join('');
      }
      const { result } = record;
      const needing = options.attention.verdicts(result);
      const kind = needing.some((v) => v.tone === 'bad')
        ? 'bad'
        : needing.length > 0
          ? 'attention'
          : 'fine';
      const cells = PACK_COLUMNS.map((column) => {
        const verdict = result.verdicts.find((v) => v.pack === column.id);
        // A pack that does not apply to this kind of input: the report's – for it.
        const outcome =
          verdict === undefined ? '' : notApplicable(verdict) ? NOT_APPLICABLE : verdict.outcome;
        const colour = verdict && CELL_COLOUR[verdict.tone];
        const padding = ' '.repeat(column.width - outcome.length);
        return `${colour ? paint(colour, outcome) : outcome}${padding}`;
      });
      lines.push(
        row([
          `${mark(kind)} ${fit(record.file, FILE_WIDTH, true)}`,
          fit(record.vm ?? '', NAME_WIDTH),
          fit(record.host ?? '', NAME_WIDTH),
          ...cells,
        ]),
      );
      for (const check of options.failures(result))
        lines.push(`    ${checkHeadline(check, paint)}\n`);
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
      return `\n${parts.join(' · ')}. Each guest's evidence and fixes: kvp-analyzer analyze <its file>.\n`;
    },
  };
}
