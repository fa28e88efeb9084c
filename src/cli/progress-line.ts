// The progress of a batch run on standard error, when it is a terminal: one line, written over in
// place (CR, then ESC [K erases the rest of the old line — ECMA-48's EL), at most every 100 ms,
// and erased at the end. Never written elsewhere: a log or a pipe gets no such line.
import { forTerminal } from '../lib/text/index.ts';
import type { RunCounts } from './batch-formats.ts';
import type { CliIo } from './io.ts';

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
    if (counts.attention > 0)
      done.push(`${counts.attention.toLocaleString('en-US')} need attention`);
    if (counts.errors > 0) done.push(`${counts.errors.toLocaleString('en-US')} could not be read`);
    const prefix = `kvp-analyzer: ${done.join(', ')} — `;
    // The end of the path, where a long one differs from the others.
    const room = Math.max(0, columns - 1 - prefix.length);
    const characters = Array.from(forTerminal(path.slice(-4 * columns)));
    const shown =
      characters.length <= room
        ? characters.join('')
        : `…${characters.slice(characters.length - room + 1).join('')}`;
    const line = `${prefix}${room > 0 ? shown : ''}`.slice(0, Math.max(0, columns - 1));
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
