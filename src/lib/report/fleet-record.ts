// One guest of a fleet, analysed — what the command line's batch formats and the page's fleet
// table and downloads write of it: the file it came from, the VM and host names when the input
// tells them, and the analysis; or why the input gave no guest.
import { snapshotValue, type KvpSnapshot } from '../kvp/snapshot.ts';
import type { AnalysisResult } from '../rules/index.ts';

/** Where a record came from: its file, and every file of a Linux guest's pool set. */
export interface RecordSource {
  file: string;
  files?: string[];
}

export type FleetRecord = RecordSource &
  (
    | {
        /** The report's own name: the file's, or "file — VM" in a collector file. */
        name: string;
        vm?: string;
        host?: string;
        result: AnalysisResult;
      }
    | { error: string }
  );

export type GuestRecord = Extract<FleetRecord, { result: AnalysisResult }>;

function text(snapshot: KvpSnapshot, name: string): string | undefined {
  const data = snapshotValue(snapshot.parameters, name)?.data;
  return typeof data === 'string' ? data : undefined;
}

/** Only the source fields, `files` left out when there are none. */
export function source({ file, files }: RecordSource): RecordSource {
  return { file, ...(files ? { files } : {}) };
}

/** The guest's record: the VM as its host calls it (else as the guest was told), and the host. */
export function guestRecord(
  from: RecordSource,
  name: string,
  snapshot: KvpSnapshot,
  result: AnalysisResult,
): GuestRecord {
  const vm = snapshot.vm?.name ?? text(snapshot, 'VirtualMachineName');
  const host = snapshot.host?.name ?? text(snapshot, 'PhysicalHostName');
  return {
    ...source(from),
    name,
    ...(vm === undefined ? {} : { vm }),
    ...(host === undefined ? {} : { host }),
    result,
  };
}

/** The record of an input that gave no guest, with the reason as the reader said it. */
export function errorRecord(from: RecordSource, error: string): FleetRecord {
  return { ...source(from), error };
}
