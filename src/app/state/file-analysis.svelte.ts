// One report on the page (a file, paste, sample or link; a VM of a collector file; the pool files
// of one Linux guest): how far reading has got, and once read, its report — derived from the
// snapshot and the what-if inputs, so a change re-runs the rules (once their code is loaded).
import type { LoadedGuest } from '../../lib/inputs/loaded-guest.ts';
import type { WhatIf } from '../../lib/kvp/snapshot.ts';
import type { AnalysisResult } from '../../lib/rules/index.ts';
import { reportCode } from './report-code.svelte.ts';

export type ReadingStatus = 'reading' | 'done' | 'failed' | 'cancelled';

let nextId = 1;

export class FileAnalysis {
  readonly id = `file-${nextId++}`;
  /** The file's name while it is read; then the report's (a VM's, for a collector file). */
  name = $state('');
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

  constructor(name: string, size: number) {
    this.name = name;
    this.size = size;
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
