// One guest of a batch run, analysed: what every output format writes of it — the file it came
// from, the VM and host names when the input tells them, and the analysis; or why the input gave
// no guest.
import { snapshotValue, type KvpSnapshot } from '../lib/kvp/snapshot.ts';
import {
  analyze,
  toAnalyzeJson,
  type AnalysisResult,
  type AnalyzeJson,
  type WhatIf,
} from '../lib/rules/index.ts';
import type { BatchInput } from './batch-inputs.ts';

export type BatchRecord = { file: string; files?: string[] } & (
  | {
      /** The report's own name: the file's, or "file — VM" in a collector file. */
      name: string;
      vm?: string;
      host?: string;
      result: AnalysisResult;
    }
  | { error: string }
);

export type GuestRecord = Extract<BatchRecord, { result: AnalysisResult }>;

function text(snapshot: KvpSnapshot, name: string): string | undefined {
  const data = snapshotValue(snapshot.parameters, name)?.data;
  return typeof data === 'string' ? data : undefined;
}

/** The names the page's file list shows: the VM as its host calls it, and the host. */
function names(snapshot: KvpSnapshot): { vm?: string; host?: string } {
  const vm = snapshot.vm?.name ?? text(snapshot, 'VirtualMachineName');
  const host = snapshot.host?.name ?? text(snapshot, 'PhysicalHostName');
  return { ...(vm === undefined ? {} : { vm }), ...(host === undefined ? {} : { host }) };
}

/** The input's guest analysed (the what-if already checked), or its error as it is. */
export function recordOf(input: BatchInput, whatIf: WhatIf): BatchRecord {
  const where = { file: input.file, ...(input.files ? { files: input.files } : {}) };
  if ('error' in input) return { ...where, error: input.error };
  const { guest } = input;
  return {
    ...where,
    name: guest.name,
    ...names(guest.snapshot),
    result: analyze(guest.snapshot, whatIf),
  };
}

export type RecordJson = { file: string; files?: string[] } & (
  ({ vm?: string; host?: string } & AnalyzeJson) | { error: string }
);

/** The record as JSON and NDJSON print it: where it came from, then the analysis's JSON. */
export function recordJson(record: BatchRecord): RecordJson {
  const where = { file: record.file, ...(record.files ? { files: record.files } : {}) };
  if ('error' in record) return { ...where, error: record.error };
  const { vm, host } = record;
  return {
    ...where,
    ...(vm === undefined ? {} : { vm }),
    ...(host === undefined ? {} : { host }),
    ...toAnalyzeJson(record.result),
  };
}
