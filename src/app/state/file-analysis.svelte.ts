// One report on the page (a file, paste, sample or link; a VM of a collector file; the pool files
// of one Linux guest): how far reading has got, and once read, its report — derived from the
// snapshot and the what-if inputs, so a change re-runs the rules (once their code is loaded).
import type { LoadedGuest } from '../../lib/inputs/loaded-guest.ts';
import type { WhatIf } from '../../lib/kvp/snapshot.ts';
import {
  errorRecord,
  guestRecord,
  type FleetRecord,
  type RecordSource,
} from '../../lib/report/fleet-record.ts';
import type { AnalysisResult } from '../../lib/rules/index.ts';
import { reportCode } from './report-code.svelte.ts';

export type ReadingStatus = 'reading' | 'done' | 'failed' | 'cancelled';

let nextId = 1;

export class FileAnalysis {
  readonly id = `file-${nextId++}`;
  /** The file's name while it is read; then the report's (a VM's, for a collector file). */
  name = $state('');
  /** The file the report came from, and every file of a Linux guest's pool set. */
  source: RecordSource;
  readonly size: number;
  status = $state<ReadingStatus>('reading');
  /** Fraction of the bytes read so far, 0–1. */
  progress = $state(0);
  error = $state<string | null>(null);
  loaded = $state.raw<LoadedGuest | null>(null);
  whatIf = $state<WhatIf>({});
  /** Stops a reading in progress; set while a worker reads the file. */
  cancel: (() => void) | null = null;

  readonly result: AnalysisResult | null = $derived.by(() => {
    const rules = reportCode()?.rules;
    return this.loaded && rules
      ? rules.analyze(this.loaded.snapshot, $state.snapshot(this.whatIf))
      : null;
  });

  constructor(name: string, size: number, source: RecordSource = { file: name }) {
    this.name = name;
    this.size = size;
    this.source = source;
  }

  /** The report as a fleet's row: its guest's record, or why there is none; null while read. */
  record(): FleetRecord | null {
    if (this.status === 'reading') return null;
    if (this.status === 'cancelled') return errorRecord(this.source, 'Reading was cancelled.');
    if (this.status === 'failed' || !this.loaded) {
      return errorRecord(this.source, this.error ?? 'The file could not be read.');
    }
    return this.result && guestRecord(this.source, this.name, this.loaded.snapshot, this.result);
  }

  finish(loaded: LoadedGuest | { error: string }): void {
    this.cancel = null;
    if ('error' in loaded) {
      this.fail(loaded.error);
      return;
    }
    this.name = loaded.name;
    this.loaded = loaded;
    this.progress = 1;
    this.status = 'done';
  }

  fail(message: string): void {
    this.cancel = null;
    this.status = 'failed';
    this.error = message;
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.status = 'cancelled';
  }
}
