// Excerpts of a large input's text for the source view: the lines of the keys that were read and
// those around each note, taken from the chunks as they pass — no string of the whole text is
// ever built (V8 strings end near 536 million characters; Chromium's TextDecoder then returns "").
import { StreamDecoder } from '../reg/stream-decoder.ts';
import type { Diagnostic, RegOp } from '../reg/types.ts';
import type { SourceLine } from './text-input.ts';

/** Lines shown around each note. */
const CONTEXT = 2;

/** The lines worth showing: every op's lines (a value may span several), the notes' neighbours, line 1. */
export function wantedLines(
  ops: readonly RegOp[],
  diagnostics: readonly Diagnostic[],
): Set<number> {
  const wanted = new Set<number>([1]);
  const add = (from: number, to: number) => {
    for (let line = Math.max(1, from); line <= to; line++) wanted.add(line);
  };
  for (const op of ops) add(op.line, op.op === 'value' ? op.value.endLine : op.line);
  for (const diagnostic of diagnostics) add(diagnostic.line - CONTEXT, diagnostic.line + CONTEXT);
  return wanted;
}

/**
 * The wanted lines of an input's bytes given in chunks, decoded as the .reg reader decodes them
 * and split where it splits lines (CRLF, CR or LF, a CRLF possibly split between chunks).
 */
export class ChunkExcerpt {
  private readonly lines: SourceLine[] = [];
  private readonly decoder = new StreamDecoder();
  private readonly last: number;
  private line = 1;
  private carry = '';
  private afterCr = false;

  constructor(private readonly wanted: ReadonlySet<number>) {
    let last = 0;
    for (const line of wanted) if (line > last) last = line;
    this.last = last;
  }

  /** False once no wanted line can follow. */
  push(chunk: Uint8Array): boolean {
    return this.text(this.decoder.push(chunk));
  }

  end(): SourceLine[] {
    this.text(this.decoder.end());
    if (this.line <= this.last) this.take(this.carry);
    this.carry = '';
    return this.lines;
  }

  private text(piece: string): boolean {
    let start = this.afterCr && piece.charCodeAt(0) === 10 ? 1 : 0;
    if (piece.length > 0) this.afterCr = false;
    const breaks = /\r\n|\r|\n/g;
    breaks.lastIndex = start;
    for (let match = breaks.exec(piece); match; match = breaks.exec(piece)) {
      if (match[0] === '\r' && match.index === piece.length - 1) this.afterCr = true;
      this.take(this.carry + piece.slice(start, match.index));
      this.carry = '';
      start = breaks.lastIndex;
      if (this.line > this.last) return false;
    }
    // Only a wanted line is kept until its end; others just need their end found.
    this.carry = this.wanted.has(this.line) ? this.carry + piece.slice(start) : '';
    return true;
  }

  private take(text: string): void {
    if (this.wanted.has(this.line)) this.lines.push({ line: this.line, text });
    this.line++;
  }
}
