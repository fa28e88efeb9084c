// Excerpts of a large input's text for the source view: the lines of the keys that were read and
// those around each note, taken from the chunks as they pass — no string of the whole text is
// ever built (V8 strings end near 536 million characters; Chromium's TextDecoder then returns ""),
// and only the lines shown are decoded at all.
import {
  DETECT_HEAD_BYTES,
  decodeUtf16le,
  decodeUtf8Strict,
  decodeWindows1252,
  detectUnicode,
  swapBytePairs,
} from '../reg/decode.ts';
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

/** A wanted line longer than this is cut: the source view shows lines, not megabytes. */
const MAX_LINE_BYTES = 1 << 20;

/**
 * The wanted lines of an input's bytes given in chunks, split where the readers split lines (CR,
 * LF or CRLF, possibly split between chunks). Line breaks are found in the bytes — UTF-16 code
 * units or 8-bit bytes — and only the wanted lines are decoded, as the .reg reader decodes them.
 */
export class ChunkExcerpt {
  private readonly lines: SourceLine[] = [];
  private readonly last: number;
  /** Bytes until the encoding is known (it needs the first four). */
  private head: Uint8Array | null = new Uint8Array(0);
  private encoding: 'utf-16le' | 'utf-16be' | '8-bit' = '8-bit';
  private line = 1;
  /** The bytes of the current line so far, when it is wanted. */
  private parts: Uint8Array[] = [];
  private partBytes = 0;
  /** A byte of a code unit split between chunks. */
  private odd: number | null = null;
  private afterCr = false;

  constructor(private readonly wanted: ReadonlySet<number>) {
    let last = 0;
    for (const line of wanted) if (line > last) last = line;
    this.last = last;
  }

  /** False once no wanted line can follow. */
  push(chunk: Uint8Array): boolean {
    if (this.head) {
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      if (head.length < DETECT_HEAD_BYTES) {
        this.head = head;
        return true;
      }
      this.head = null;
      const guess = detectUnicode(head.subarray(0, DETECT_HEAD_BYTES));
      if (guess?.encoding === 'utf-16le' || guess?.encoding === 'utf-16be')
        this.encoding = guess.encoding;
      return this.bytes(head.subarray(guess?.bomLength ?? 0));
    }
    return this.bytes(chunk);
  }

  end(): SourceLine[] {
    if (this.head) {
      const head = this.head;
      this.head = null;
      const guess = detectUnicode(head.subarray(0, DETECT_HEAD_BYTES));
      if (guess?.encoding === 'utf-16le' || guess?.encoding === 'utf-16be')
        this.encoding = guess.encoding;
      this.bytes(head.subarray(guess?.bomLength ?? 0));
    }
    if (this.line <= this.last) this.take();
    return this.lines;
  }

  private bytes(chunk: Uint8Array): boolean {
    let data = chunk;
    if (this.odd !== null) {
      data = new Uint8Array(chunk.length + 1);
      data[0] = this.odd;
      data.set(chunk, 1);
      this.odd = null;
    }
    const unit = this.encoding === '8-bit' ? 1 : 2;
    const end = data.length - (data.length % unit);
    if (end < data.length) this.odd = data[end] ?? 0;
    const low = this.encoding === 'utf-16be' ? 1 : 0;
    let start = 0;
    for (let i = 0; i < end; i += unit) {
      const c =
        unit === 1
          ? (data[i] as number)
          : (data[i + low] as number) | ((data[i + 1 - low] as number) << 8);
      if (c !== 10 && c !== 13) continue;
      if (c === 10 && this.afterCr && i === start) {
        // The LF of a CRLF whose CR ended the line before.
        this.afterCr = false;
        start = i + unit;
        continue;
      }
      this.afterCr = c === 13;
      this.keep(data, start, i);
      this.take();
      start = i + unit;
      if (this.line > this.last) return false;
    }
    if (start < end) this.afterCr = false;
    this.keep(data, start, end);
    return true;
  }

  /** Keeps bytes of the current line, if it is wanted (up to MAX_LINE_BYTES). */
  private keep(data: Uint8Array, start: number, end: number): void {
    if (end <= start || !this.wanted.has(this.line) || this.partBytes >= MAX_LINE_BYTES) return;
    const take = Math.min(end, start + MAX_LINE_BYTES - this.partBytes);
    this.parts.push(data.slice(start, take));
    this.partBytes += take - start;
  }

  private take(): void {
    if (this.wanted.has(this.line)) {
      const bytes = new Uint8Array(this.partBytes);
      let at = 0;
      for (const part of this.parts) {
        bytes.set(part, at);
        at += part.length;
      }
      this.lines.push({ line: this.line, text: this.decode(bytes) });
    }
    this.parts = [];
    this.partBytes = 0;
    this.line++;
  }

  private decode(bytes: Uint8Array): string {
    if (this.encoding === 'utf-16le') return decodeUtf16le(bytes);
    if (this.encoding === 'utf-16be') return decodeUtf16le(swapBytePairs(bytes, 0, bytes.length));
    return decodeUtf8Strict(bytes) ?? decodeWindows1252(bytes);
  }
}
