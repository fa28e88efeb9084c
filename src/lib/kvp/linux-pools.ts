// A Linux guest's hv_kvp_daemon pool files, as the snapshot keeps them: every pool with its
// records, size, time and notes (kvp-reference.md §5.2–5.3; Linux include/uapi/linux/hyperv.h
// enum hv_kvp_exchg_pool). Pool 3 is also the snapshot's Guest\Parameters and pool 2 its Auto.
import type { Severity } from '../reg/types.ts';

/** A reader's note about one input file, in words; `at` names the place ("record 4"). */
export interface InputNote {
  severity: Severity;
  message: string;
  at?: string;
}

export interface PoolRecordFacts {
  /** 1-based position of the 2,560-byte record in its file. */
  record: number;
  key: string;
  value: string;
}

export interface LinuxPool {
  /** 0 External, 1 Guest (cloud-init and the Azure agents write here), 2 Auto, 3 Guest\Parameters,
   * 4 AutoInternal; null when neither the file's name nor its content tells. */
  pool: 0 | 1 | 2 | 3 | 4 | null;
  poolFrom: 'name' | 'content' | 'unknown';
  /** The file's name as given, e.g. ".kvp_pool_3". */
  name: string;
  /** Bytes; whole records are 2,560 bytes each. */
  size: number;
  /** Last modified, in milliseconds since 1970, when the input says (a file, a tar entry). */
  mtime?: number;
  /** Permission bits when the input says (a tar entry): hv_kvp_daemon creates them 0644. */
  mode?: number;
  /** Every record, in file order, verbatim (text up to the first NUL of each field). */
  records: PoolRecordFacts[];
  diagnostics: InputNote[];
}

export interface LinuxPools {
  pools: LinuxPool[];
  /** Files given along with the pools that are not pool files, and why. */
  ignored: { name: string; why: string }[];
  diagnostics: InputNote[];
}

/** The pool file of pool `n`, if the input has one (the first, when a name repeats). */
export function poolOf(linux: LinuxPools, n: LinuxPool['pool']): LinuxPool | undefined {
  return linux.pools.find((pool) => pool.pool === n);
}

/** How many notes the reader made about the pool files, over all of them. */
export function poolNoteCount(linux: LinuxPools): number {
  return linux.pools.reduce(
    (count, pool) => count + pool.diagnostics.length,
    linux.diagnostics.length,
  );
}
