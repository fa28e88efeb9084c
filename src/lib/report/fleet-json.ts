// A fleet's record as JSON: what `analyze --json` (an array) and `--format ndjson` (a line each)
// write of every guest, and the page's "Download JSON" of a fleet (the array, as the CLI writes it).
import { toAnalyzeJson, type AnalyzeJson } from '../rules/index.ts';
import { source, type FleetRecord, type RecordSource } from './fleet-record.ts';

export type RecordJson = RecordSource &
  (({ vm?: string; host?: string } & AnalyzeJson) | { error: string });

/** The record as JSON and NDJSON write it: where it came from, then the analysis's JSON. */
export function recordJson(record: FleetRecord): RecordJson {
  if ('error' in record) return { ...source(record), error: record.error };
  const { vm, host } = record;
  return {
    ...source(record),
    ...(vm === undefined ? {} : { vm }),
    ...(host === undefined ? {} : { host }),
    ...toAnalyzeJson(record.result),
  };
}

/** A record as an item of the JSON array: on a line of its own, after a comma but for the first. */
export function jsonArrayItem(record: FleetRecord, index: number): string {
  return `${index === 0 ? '\n' : ',\n'}${JSON.stringify(recordJson(record))}`;
}

/** What closes the array of `count` items. */
export function jsonArrayEnd(count: number): string {
  return count === 0 ? ']\n' : '\n]\n';
}
