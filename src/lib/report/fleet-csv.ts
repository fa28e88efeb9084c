// A fleet as CSV: a header, then one row a guest — where it is, every pack's outcome id in
// RULE_PACKS' order ('' where the pack gave none), and the error of an input that gave no guest.
// The command line's `--format csv` and the page's "Download CSV" are this, row for row.
import { RULE_PACKS } from '../rules/index.ts';
import { csvRow } from './csv.ts';
import type { FleetRecord } from './fleet-record.ts';

export const FLEET_CSV_COLUMNS: readonly string[] = [
  'file',
  'vm',
  'host',
  ...RULE_PACKS.map((pack) => pack.id),
  'error',
];

export function fleetCsvHeader(): string {
  return csvRow(FLEET_CSV_COLUMNS);
}

export function fleetCsvRow(record: FleetRecord): string {
  if ('error' in record) {
    return csvRow([record.file, '', '', ...RULE_PACKS.map(() => ''), record.error]);
  }
  const outcome = (pack: string) =>
    record.result.verdicts.find((verdict) => verdict.pack === pack)?.outcome ?? '';
  return csvRow([
    record.file,
    record.vm ?? '',
    record.host ?? '',
    ...RULE_PACKS.map((pack) => outcome(pack.id)),
    '',
  ]);
}
