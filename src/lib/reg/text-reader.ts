// Decoded text → physical lines → header check and line state machine. Text may arrive in
// pieces (chunked reading): a partial last line is carried over, and so is a CR that ends a
// piece, since the LF of its CRLF may start the next one (the ReactOS bug of §9).
import { HEADER_PEEK, cannotBeAHeader, readHeader } from './header';
import { RegLineParser } from './line-parser';
import type { Diagnostic, RegFormat, RegOp } from './types';
import { win31Line } from './win31';

const LF = 10;
const CR = 13;

export interface TextReadResult {
  format: RegFormat;
  ops: RegOp[];
  /** Hashes of key paths, index for index with `ops` (see RegLineParser). */
  pathHashes?: readonly (number | undefined)[];
  diagnostics: Diagnostic[];
}

export class RegTextReader {
  format: RegFormat = 'none';
  private parser: RegLineParser | null = null;
  private readonly headerDiagnostics: Diagnostic[] = [];
  private lineNo = 0;
  private carry = '';
  /** The previous piece ended with CR: an LF at the start of the next piece belongs to it. */
  private skipLF = false;
  private done = false;
  /** Windows 3.1 format: lines go to win31Line instead of the state machine. */
  private win31: { ops: RegOp[]; diagnostics: Diagnostic[] } | null = null;

  /**
   * The header has been read and no line after it can add ops: not a registry export, or a
   * header whose lines import nothing (§1.1). Lets scanKvp stop reading.
   */
  get readsNoMore(): boolean {
    return this.lineNo > 0 && !this.parser && !this.win31;
  }

  push(piece: string): void {
    if (this.readsNoMore) return;
    let pos = 0;
    if (this.skipLF && piece.length > 0) {
      if (piece.charCodeAt(0) === LF) pos = 1;
      this.skipLF = false;
    }
    if (this.carry !== '') {
      // Finish the carried partial line on its own: prefixing it to the whole piece would copy
      // the piece (a cons string is flattened on first charCodeAt).
      const lf = piece.indexOf('\n', pos);
      const cr = piece.indexOf('\r', pos);
      const brk = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      if (brk === -1) {
        this.carry += piece;
        this.settleHeader();
        return;
      }
      const line = this.carry + piece.slice(pos, brk);
      this.carry = '';
      this.emit(line, 0, line.length);
      pos = brk + 1;
      if (brk === cr) {
        if (brk + 1 === piece.length) this.skipLF = true;
        else if (piece.charCodeAt(brk + 1) === LF) pos++;
      }
    }
    this.lines(piece, pos);
  }

  /** Emits the whole lines of `text` from `pos`; carries the partial last one. */
  private lines(text: string, pos: number): void {
    const n = text.length;
    let cr = text.indexOf('\r', pos);
    while (pos < n) {
      let lf = text.indexOf('\n', pos);
      if (lf === -1) lf = n;
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      let brk = lf;
      let next = lf + 1;
      if (cr !== -1 && cr < lf) {
        brk = cr;
        next = cr + 1 === lf ? lf + 1 : cr + 1;
        if (cr + 1 === n) this.skipLF = true; // CRLF may be split between pieces
      } else if (lf === n) {
        this.carry = pos === 0 ? text : text.slice(pos);
        this.settleHeader();
        return;
      }
      this.emit(text, pos, brk);
      pos = next;
    }
  }

  /**
   * A first line not yet ended that can no longer be a header is read as it stands: an input
   * without line breaks (/dev/zero) is then known for what it is without holding all of it.
   */
  private settleHeader(): void {
    if (this.lineNo !== 0 || this.carry.length < HEADER_PEEK) return;
    if (!cannotBeAHeader(this.carry.slice(0, HEADER_PEEK))) return;
    const line = this.carry.slice(0, HEADER_PEEK);
    this.carry = '';
    this.skipLF = false;
    this.emit(line, 0, line.length);
  }

  end(): TextReadResult {
    if (!this.done) {
      this.done = true;
      if (this.carry !== '' || this.lineNo === 0) {
        this.emit(this.carry, 0, this.carry.length);
        this.carry = '';
      }
      this.parser?.finish(this.lineNo);
    }
    if (this.win31) return { format: this.format, ...this.win31 };
    return {
      format: this.format,
      // Another REGEDIT… header: Windows accepts the file but applies nothing (§1.1, H6/H7); the
      // lines are still read, for their diagnostics.
      ops: this.format === 'regedit-other' ? [] : (this.parser?.ops ?? []),
      ...(this.parser ? { pathHashes: this.parser.pathHashes } : {}),
      diagnostics: [...this.headerDiagnostics, ...(this.parser?.diagnostics ?? [])],
    };
  }

  private emit(text: string, start: number, end: number): void {
    const line = ++this.lineNo;
    if (this.parser) {
      this.parser.line(text, start, end, line);
      return;
    }
    if (this.win31) {
      win31Line(text, start, end, line, this.win31.ops, this.win31.diagnostics);
      return;
    }
    if (line !== 1) return; // not a registry export: nothing after the header is read
    const header = readHeader(text, start, end);
    this.format = header.format;
    for (const item of header.diagnostics) this.headerDiagnostics.push(item);
    if (header.win31) {
      this.win31 = { ops: [], diagnostics: [...this.headerDiagnostics] };
      this.headerDiagnostics.length = 0;
    } else if (header.format !== 'none') {
      // hex(1)/(2)/(7) bytes follow the header's version (§2.3): only REGEDIT4 means code page.
      this.parser = new RegLineParser({ unicodeStrings: header.format !== 'regedit4' });
    }
  }
}

export { CR, LF };
