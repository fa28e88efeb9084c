// How a batch run writes its records, one at a time as they come (a record is written and
// dropped): a JSON array, one JSON object a line, CSV rows, or the text table (batch-table.ts).
import { RULE_PACKS } from '../lib/rules/index.ts';
import { recordJson, type BatchRecord } from './batch-record.ts';
import { csvRow } from './csv.ts';

/** What a run counted, for the text table's last line. */
export interface RunCounts {
  guests: number;
  attention: number;
  errors: number;
}

export interface BatchFormat {
  /** Written first, before any record. */
  head(): string;
  /** The text of one record ('' for none). */
  record(record: BatchRecord): string;
  /** Written last. */
  tail(counts: RunCounts): string;
}

export const OUTPUT_FORMATS = ['text', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `[`, the records each on a line and joined by commas, `]`: one JSON array, never one string. */
export function jsonArray(): BatchFormat {
  let written = 0;
  return {
    head: () => '[',
    record: (record) => `${written++ === 0 ? '\n' : ',\n'}${JSON.stringify(recordJson(record))}`,
    tail: () => (written === 0 ? ']\n' : '\n]\n'),
  };
}

/** One JSON object a line (https://github.com/ndjson/ndjson-spec). */
export function ndjson(): BatchFormat {
  return {
    head: () => '',
    record: (record) => `${JSON.stringify(recordJson(record))}\n`,
    tail: () => '',
  };
}

/** The CSV columns: where the guest is, every pack's outcome in RULE_PACKS' order, the error. */
export const CSV_COLUMNS: readonly string[] = [
  'file',
  'vm',
  'host',
  ...RULE_PACKS.map((pack) => pack.id),
  'error',
];

/** A header, then one row a guest (an input that gave none: a row with its error). */
export function csv(): BatchFormat {
  return {
    head: () => csvRow(CSV_COLUMNS),
    record(record) {
      if ('error' in record) {
        return csvRow([record.file, '', '', ...RULE_PACKS.map(() => ''), record.error]);
      }
      const outcome = (pack: string) =>
        record.result.verdicts.find((v) => v.pack === pack)?.outcome ?? '';
      return csvRow([
        record.file,
        record.vm ?? '',
        record.host ?? '',
        ...RULE_PACKS.map((pack) => outcome(pack.id)),
        '',
      ]);
    },
    tail: () => '',
  };
}
