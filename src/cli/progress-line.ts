// The progress of a batch run on standard error, when it is a terminal: one line, written over in
// place (CR, then ESC [K erases the rest of the old line — ECMA-48's EL), at most every 100 ms,
// and erased at the end. Never written elsewhere: a log or a pipe gets no such line.
import type { RunCounts } from './batch-formats.ts';
import type { CliIo } from './io.ts';
import { fit, plural } from './terminal-text.ts';

const EVERY_MS = 100;
const ERASE = '\r\u001b[K';

export class ProgressLine {
  private shown = false;
  private last = -Infinity;

  constructor(private readonly io: CliIo) {}

  /** Says that `path` is being read, `counts` so far; skipped when the last line is too recent. */
  reading(path: string, counts: RunCounts): void {
    const columns = this.io.stderrColumns;
    if (columns === undefined) return;
    const now = Date.now();
    if (now - this.last < EVERY_MS) return;
    this.last = now;
    const done = [`${counts.guests.toLocaleString('en-US')} read`];
    if (counts.attention > 0) done.push(`${plural(counts.attention, 'needs', 'need')} attention`);
    if (counts.errors > 0)
      done.push(`${plural(counts.errors, 'input', 'inputs')} could not be read`);
    const prefix = `kvp-analyzer: ${done.join(', ')} — `;
    // The end of the path, where a long one differs from the others.
    const shown = fit(path, columns - 1 - prefix.length, true).trimEnd();
    const line = `${prefix}${shown}`.slice(0, Math.max(0, columns - 1));
    this.io.stderr(`${ERASE}${line}`);
    this.shown = true;
  }

  /** Erases the line, if one is shown (before other output reaches the same terminal). */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr(ERASE);
    this.shown = false;
  }
}
