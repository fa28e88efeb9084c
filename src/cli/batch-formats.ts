// How a batch run writes its records, one at a time as they come (a record is written and
// dropped): a JSON array, one JSON object a line, CSV rows, or the text table (batch-table.ts).
import { fleetCsvHeader, fleetCsvRow } from '../lib/report/fleet-csv.ts';
import { jsonArrayEnd, jsonArrayItem, recordJson } from '../lib/report/fleet-json.ts';
import type { FleetRecord } from '../lib/report/fleet-record.ts';

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
  record(record: FleetRecord): string;
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
    record: (record) => jsonArrayItem(record, written++),
    tail: () => jsonArrayEnd(written),
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

/** A header, then one row a guest (an input that gave none: a row with its error). */
export function csv(): BatchFormat {
  return { head: fleetCsvHeader, record: fleetCsvRow, tail: () => '' };
}
