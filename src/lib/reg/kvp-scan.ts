// scanKvp: only the keys the KVP analysis reads, without decoding and parsing the whole export.
import { DETECT_HEAD_BYTES, LITTLE_ENDIAN, detectUnicode } from './decode';
import { foldOps } from './fold';
import { HEADER_PEEK, cannotBeAHeader, readHeader } from './header';
import { ANALYSED_PATHS, isKvpKeyPath } from './kvp-keys';
import { parseKeyLine } from './key-line';
import { KeyTree } from './key-tree';
import { RegLineParser } from './line-parser';
import { buildDocument, failedDocument, parseReg } from './parse';
import { StreamDecoder } from './stream-decoder';
import { RegTextReader } from './text-reader';
import type { Diagnostic, RegDocument, RegFormat, RegOp } from './types';

/**
 * Picks, in file order, the ops scanKvp keeps: those on kept paths (isKvpKeyPath), and each
 * deletion of a key above a kept key seen before it or above a key the analysis reads —
 * `[-HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft]` deletes Guest\Parameters too (§3), so the fold
 * must see it.
 */
class KvpOpFilter {
  /** Kept paths met so far, and the ones the analysis always reads: a deletion looks below its own path only. */
  private readonly seen = new KeyTree<never>();
  // The ops of one key block share one path string: it is tested once per block.
  private lastPath: string | null = null;
  private lastKept = false;

  constructor() {
    for (const path of ANALYSED_PATHS) this.seen.node(path);
  }

  keep(op: RegOp): boolean {
    if (op.path !== this.lastPath) {
      this.lastPath = op.path;
      this.lastKept = isKvpKeyPath(op.path);
      if (this.lastKept) this.seen.node(op.path);
    }
    if (this.lastKept) return true;
    // Nodes are made only for kept paths: one below this path means a kept key is deleted.
    return op.op === 'deleteKey' && this.seen.find(op.path)?.children !== undefined;
  }
}

function keptOps(ops: readonly RegOp[]): RegOp[] {
  const filter = new KvpOpFilter();
  return ops.filter((op) => filter.keep(op));
}

/** A document cut down to the kept keys (what scanKvp returns for the same input). */
export function restrictToKvp(doc: RegDocument): RegDocument {
  return {
    ...doc,
    ops: keptOps(doc.ops),
    keys: doc.keys.filter((key) => isKvpKeyPath(key.path)),
  };
}

/**
 * The kept keys of a .reg export (see isKvpKeyPath); same keys, values and ops as
 * `restrictToKvp(parseReg(bytes))`, for a whole buffer and for chunks. Diagnostics cover only
 * the header and the lines of the kept key blocks (deliberate: the skipped parts are not read).
 *
 * UTF-16LE (every regedit export) is skipped at the code-unit level: one tight pass finds line
 * breaks and `[` at line starts; only key lines that may be kept are decoded, and only the
 * blocks of kept keys (and `[-…]` lines, which may delete a kept key's parent) are parsed.
 * Chunks are scanned as they arrive, carrying the partial last line (and the lines that may
 * leave a hex continuation open, §2.4) to the next chunk. Other encodings (small, hand-written
 * files) are parsed whole and then cut down; chunks of them stop being read once the header
 * shows that nothing after it counts.
 */
export function scanKvp(bytes: Uint8Array): RegDocument;
export function scanKvp(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<RegDocument>;
export function scanKvp(
  input: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): RegDocument | Promise<RegDocument> {
  if (!(input instanceof Uint8Array)) return scanChunks(input);
  try {
    const guess = detectUnicode(input.subarray(0, DETECT_HEAD_BYTES));
    if (guess?.encoding === 'utf-16le' && LITTLE_ENDIAN) {
      const scanner = new Utf16Scanner(guess.diagnostics);
      const doc = scanner.whole(input.subarray(guess.bomLength));
      if (doc) return doc; // null: Windows 3.1, parsed whole below
    }
    return restrictToKvp(parseReg(input));
  } catch (error) {
    return failedDocument(error);
  }
}

async function scanChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<RegDocument> {
  // Until the encoding is known, and for UTF-16LE until the header is read, the chunks are
  // held: a file the scanner does not take (8-bit, big-endian, Windows 3.1) is then parsed
  // whole from its first byte.
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let scanner: Utf16Scanner | null = null;
  let whole: WholeParse | null = null;
  try {
    for await (const chunk of chunks) {
      if (whole) {
        if (!whole.push(chunk)) break;
        continue;
      }
      // A chunk may be overwritten by the next one (InputSource.chunks): what is held past this
      // turn is a copy (made once per chunk, by `keep`).
      held.push(chunk);
      heldBytes += chunk.length;
      let more: boolean;
      if (!scanner) {
        if (heldBytes < DETECT_HEAD_BYTES) {
          held = keep(held);
          continue;
        }
        const head = concat(held);
        held = [head];
        const guess = detectUnicode(head.subarray(0, DETECT_HEAD_BYTES));
        if (guess?.encoding !== 'utf-16le' || !LITTLE_ENDIAN) {
          whole = new WholeParse();
          if (!whole.push(head)) break;
          continue;
        }
        scanner = new Utf16Scanner(guess.diagnostics);
        more = scanner.push(head.subarray(guess.bomLength));
      } else {
        more = scanner.push(chunk);
      }
      if (scanner.win31) {
        whole = new WholeParse();
        scanner = null;
        if (!whole.push(concat(held))) break;
        continue;
      }
      held = scanner.format !== null ? [] : keep(held);
      if (!more) break;
    }
    if (whole) return whole.end();
    if (!scanner) return scanKvp(concat(held)); // fewer bytes than it takes to tell the encoding
    const doc = scanner.end();
    // null: the header, completed only by the end of the input, is Windows 3.1's.
    return doc ?? scanKvp(concat(held));
  } catch (error) {
    return failedDocument(error);
  }
}

/** `held` with its last part, the chunk of this turn, replaced by a copy. */
function keep(held: Uint8Array[]): Uint8Array[] {
  const last = held.length - 1;
  held[last] = (held[last] as Uint8Array).slice();
  return held;
}

/** The full parse of chunks, cut down at the end; stops reading once nothing more counts. */
class WholeParse {
  private readonly decoder = new StreamDecoder();
  private readonly reader = new RegTextReader();

  /** False once the rest of the input cannot change the result. */
  push(chunk: Uint8Array): boolean {
    this.reader.push(this.decoder.push(chunk));
    return !this.reader.readsNoMore;
  }

  end(): RegDocument {
    this.reader.push(this.decoder.end());
    const { encoding, diagnostics } = this.decoder;
    return restrictToKvp(buildDocument(this.reader.end(), encoding, diagnostics));
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BRACKET = 91;
const MINUS = 45;
const SEMI = 59;
const BACKSLASH = 92;
/** fromCharCode.apply takes at most this many units at once (engines limit arguments). */
const APPLY_UNITS = 0x2000;

/**
 * The UTF-16LE scanner: code units (after the BOM) go in by push, in pieces of any size; the
 * document comes out of end. Works on a window of units: the carried tail of the previous
 * pieces, then the new piece. Positions are unit indices in the window; `pos` is always the
 * start of the next line to look at. Line numbers are counted lazily (see lineOf): most of a
 * large export is skipped without ever needing one.
 */
class Utf16Scanner {
  /** The header's format once read; null until then. */
  format: RegFormat | null = null;
  private readonly diagnostics: Diagnostic[];
  private parser: RegLineParser | null = null;
  private unicodeStrings = true;
  /** `[-…]` lines met while skipping: they may delete a kept key's parent. */
  private readonly deletions: RegOp[] = [];
  /** Feeding the lines of a kept key's block to the parser (else: skipping). */
  private feeding = false;
  /** The next line fed is the key line that opened the block. */
  private firstOfBlock = false;

  private units: Uint16Array = new Uint16Array(0);
  private n = 0;
  private pos = 0;
  /** The 1-based number of the line starting at `lineAt` (a line start, at most `pos`). */
  private line = 1;
  private lineAt = 0;
  /** Cached forward searches of lineBreakFrom: the next LF / CR at or after `…From`; n if none. */
  private lfFrom = 0;
  private lfAt = -1;
  private crFrom = 0;
  private crAt = -1;
  /** Window start of the lines that may leave a hex continuation open (§2.4, see runStart). */
  private bodyStart = 0;
  // The last runStart (`runQuery` → `runFrom`) and the replay of its run up to `replayTo`: a run
  // of lines that may continue is walked back and replayed once, not once per key line after it
  // (20,000 `[-key]\` lines took 97 s). Window positions; −1 when there is none.
  private runQuery = -1;
  private runFrom = -1;
  private replay: RegLineParser | null = null;
  private replayFrom = -1;
  private replayTo = -1;
  /** Bytes not yet in a window: an odd trailing byte, and the carried lines (at work's start). */
  private carry: Uint8Array = new Uint8Array(0);
  /**
   * Backing store of windows that need a copy (carry + piece), grown by doubling. The carry stays
   * at its start, so a line longer than many pieces (a 200 MB value) is appended to, never
   * copied again piece after piece.
   */
  private work = new Uint8Array(0);
  /** lineEnd's last unfinished search: the line starting at `pendingLine` has no break before `pendingScanned`. */
  private pendingLine = -1;
  private pendingScanned = 0;
  /**
   * The skipping scan's last window that ended in the line starting at `skipLine`: from there to
   * `skipScanned` it holds no line break and no `[` that opens a key line.
   */
  private skipLine = -1;
  private skipScanned = 0;
  /** A Windows 3.1 file (`REGEDIT` header): not for this scanner (see end). */
  win31 = false;

  constructor(encodingDiagnostics: Diagnostic[]) {
    this.diagnostics = [...encodingDiagnostics];
  }

  /** Scans `bytes` after what came before; false once nothing more needs reading. */
  push(bytes: Uint8Array): boolean {
    this.window(bytes);
    return this.scan(false);
  }

  /**
   * The document of a whole input (see end), scanned as one last window: push would carry its
   * end over, which means counting the lines of all of it first.
   */
  whole(bytes: Uint8Array): RegDocument | null {
    this.carry = bytes;
    return this.end();
  }

  /**
   * The document; null for a Windows 3.1 file (`REGEDIT` header), whose lines are not
   * key/value lines, so the caller parses it whole.
   */
  end(): RegDocument | null {
    if (this.format === null || this.parser) {
      // The last partial line; an odd last byte reads as U+FFFD, as decodeUtf16le does.
      const odd = this.carry.length % 2 === 1;
      const tail = odd ? new Uint8Array(this.carry.length + 1) : this.carry;
      if (odd) {
        tail.set(this.carry.subarray(0, this.carry.length - 1));
        tail[tail.length - 2] = 0xfd;
        tail[tail.length - 1] = 0xff;
      }
      this.carry = new Uint8Array(0);
      this.window(tail);
      this.scan(true);
    }
    if (this.win31) return null;
    const parser = this.parser;
    if (!parser) {
      return {
        format: this.format ?? 'none',
        encoding: 'utf-16le',
        ops: [],
        keys: [],
        diagnostics: this.diagnostics,
      };
    }
    if (this.feeding) parser.finish(this.line - 1);
    const ops = keptOps(mergeByLine(parser.ops, this.deletions));
    return {
      format: this.format ?? 'none',
      encoding: 'utf-16le',
      ops,
      keys: foldOps(ops).filter((k) => isKvpKeyPath(k.path)),
      diagnostics: [...this.diagnostics, ...parser.diagnostics],
    };
  }

  /** Makes the window: the carry, then `bytes` (in place when nothing is carried). */
  private window(bytes: Uint8Array): void {
    const carried = this.carry.length;
    const total = carried + bytes.length;
    let data: Uint8Array;
    if (carried === 0 && bytes.byteOffset % 2 === 0) {
      data = bytes;
    } else {
      this.reserve(total);
      // The carry is already at the start of work (keepFrom put it there).
      if (this.carry.buffer !== this.work.buffer || this.carry.byteOffset !== 0) {
        this.work.set(this.carry);
      }
      this.work.set(bytes, carried);
      data = this.work.subarray(0, total);
    }
    this.n = total >> 1;
    this.units = new Uint16Array(data.buffer, data.byteOffset, this.n);
    this.carry = data.subarray(this.n * 2);
    this.lfAt = -1;
    this.crAt = -1;
  }

  /**
   * Reads the window's lines from `pos`. Unless `last`, stops at a line it cannot finish (its
   * break, or a CR's LF, may be in the next piece) and carries the window from there — or from
   * the start of the lines before it that may leave a continuation open. Returns false when the
   * rest of the input does not matter (not a registry export, or a header that imports nothing).
   */
  private scan(last: boolean): boolean {
    if (this.format === null) {
      let end = this.lineEnd(0);
      if (end === -1) {
        // A first line that cannot be a header is read as it stands (see RegTextReader).
        if (!last && this.n >= HEADER_PEEK && cannotBeAHeader(this.text(0, HEADER_PEEK)))
          return this.header(HEADER_PEEK);
        if (!last) return this.keepFrom(0);
        end = this.n;
      } else if (!last && end === this.n - 1 && this.units[end] === CR) {
        return this.keepFrom(0);
      }
      if (!this.header(end)) return false;
    }
    const units = this.units;
    const n = this.n;
    for (;;) {
      const start = this.pos;
      if (this.feeding) {
        const end = this.lineEnd(start);
        if (end === -1 && (!last || start === n)) break;
        const stop = end === -1 ? n : end;
        const next = this.nextLine(stop, last);
        if (next === -1) break;
        this.feed(start, stop);
        this.pos = next;
        this.line++;
        this.lineAt = next;
        continue;
      }
      // Skipping: only a line whose first non-blank unit is `[` matters. Most of a large export
      // passes here: native indexOf jumps from `[` to `[` (fast from the first call, where a
      // unit-by-unit loop runs unoptimised for much of a one-shot scan).
      // A line longer than the window is searched on from where the last window stopped.
      const searched = start === this.skipLine ? this.skipScanned : start;
      let bracket = searched;
      let lineStart = -1;
      while ((bracket = units.indexOf(BRACKET, bracket)) !== -1) {
        lineStart = this.keyLineStart(start, bracket);
        if (lineStart !== -1) break;
        bracket++;
      }
      if (bracket === -1) {
        this.pos = last ? n : this.lastLineStart(start, searched);
        this.skipLine = this.pos;
        // A CR at the very end is looked at again: its LF may come next.
        this.skipScanned = n > 0 && units[n - 1] === CR ? n - 1 : n;
        break;
      }
      this.pos = lineStart;
      const end = this.lineBreakFrom(bracket);
      if (end === -1 && !last) break;
      const stop = end === -1 ? n : end;
      const next = this.nextLine(stop, last);
      if (next === -1) break;
      if (this.keyLine(lineStart, bracket, stop)) continue; // a kept block starts here
      this.pos = next;
    }
    if (last) return true;
    if (!this.feeding) {
      // A run that may leave a continuation open goes on into the next piece: its replay is
      // carried, not its lines (a 200 MB hex value is one such run).
      const from = this.runStart(this.pos);
      if (from < this.pos) this.replayed(from, this.pos);
    }
    return this.keepFrom(this.pos);
  }

  /** Makes work hold at least `size` bytes, keeping the carry at its start. */
  private reserve(size: number): void {
    if (this.work.length >= size) return;
    const grown = new Uint8Array(Math.max(size, 2 * this.work.length));
    if (this.carry.buffer === this.work.buffer) {
      grown.set(this.carry);
      this.carry = grown.subarray(0, this.carry.length);
    }
    this.work = grown;
  }

  /**
   * Carries the window from unit `from` (and the odd byte after it) into the next one, at the
   * start of work: moved down when the window is work (in place when `from` is 0), copied when
   * it is the piece itself.
   */
  private keepFrom(from: number): boolean {
    this.lineOf(this.pos); // `from` may lie before lineAt; pos does not
    const start = this.units.byteOffset + 2 * from;
    const size = 2 * (this.n - from) + this.carry.length;
    if (this.units.buffer === this.work.buffer) {
      if (start !== 0) this.work.copyWithin(0, start, start + size);
    } else {
      const rest = new Uint8Array(this.units.buffer, start, size);
      this.carry = new Uint8Array(0);
      this.reserve(size);
      this.work.set(rest);
    }
    this.carry = this.work.subarray(0, size);
    this.pendingLine -= from;
    this.pendingScanned -= from;
    if (this.pendingLine < 0) this.pendingLine = -1;
    this.skipLine -= from;
    this.skipScanned -= from;
    if (this.skipLine < 0) this.skipLine = -1;
    this.pos -= from;
    this.lineAt = this.pos;
    this.bodyStart = Math.max(0, this.bodyStart - from);
    this.replayFrom -= from;
    this.replayTo -= from;
    if (this.replayTo < 0) this.replay = null;
    this.runQuery -= from;
    this.runFrom -= from;
    // A run that started before the window is known only by its replay.
    if (this.runQuery < 0 || (this.runFrom < 0 && !this.replay)) this.runQuery = -1;
    return true;
  }

  /** Reads the header line ending at `end`; false when nothing after it is read. */
  private header(end: number): boolean {
    const text = this.text(0, end);
    const header = readHeader(text, 0, text.length);
    this.format = header.format;
    for (const item of header.diagnostics) this.diagnostics.push(item);
    if (header.win31) this.win31 = true;
    if (header.win31 || header.format === 'none' || header.format === 'regedit-other') {
      // Not a registry export, or one whose lines import nothing (§1.1): nothing to keep.
      return false;
    }
    this.unicodeStrings = header.format !== 'regedit4';
    this.parser = new RegLineParser({ unicodeStrings: this.unicodeStrings });
    this.pos = this.nextLine(end, true);
    this.bodyStart = this.pos;
    this.line = 2;
    this.lineAt = this.pos;
    return true;
  }

  /**
   * A line starting at `start` whose first non-blank unit, `[` at `bracket`, ends at `end`.
   * Returns true when it opens a kept block (feeding starts at `start`).
   */
  private keyLine(start: number, bracket: number, end: number): boolean {
    const units = this.units;
    const deleting = units[bracket + 1] === MINUS;
    if (!deleting && !mayBeKept(units, bracket + 1, end)) return false;
    const text = this.text(start, end);
    const key = parseKeyLine(text, bracket - start, text.length);
    if (key.kind === 'invalid') return false;
    const kept = isKvpKeyPath(key.path);
    if (!kept && key.kind === 'key') return false;
    if (this.swallowed(start)) return false;
    if (!kept) {
      this.deletions.push({ op: 'deleteKey', line: this.lineOf(start), path: key.path });
      return false;
    }
    this.lineOf(start);
    this.feeding = true;
    this.firstOfBlock = true;
    return true;
  }

  /** Gives the line `[start, end)` to the parser; stops feeding after a key line not kept. */
  private feed(start: number, end: number): void {
    const parser = this.parser as RegLineParser;
    const text = this.text(start, end);
    const seen = parser.keyLinesSeen;
    parser.line(text, 0, text.length, this.line);
    if (this.firstOfBlock) {
      this.firstOfBlock = false;
      return;
    }
    if (parser.keyLinesSeen === seen) return;
    const current = parser.currentKey;
    const keep =
      current !== null
        ? isKvpKeyPath(current)
        : parser.inDeletedKey && isKvpKeyPath(parser.keyPathNow);
    if (!keep) this.feeding = false;
  }

  /** Index of the CR or LF that ends the line holding `p`, or −1 when it is not in the window. */
  private lineEnd(p: number): number {
    const units = this.units;
    const n = this.n;
    // A line longer than the window is searched on from where the last window's search stopped.
    let q = p === this.pendingLine ? this.pendingScanned : p;
    let u: number;
    while (q < n && ((u = units[q] as number) > CR || (u !== LF && u !== CR))) q++;
    if (q < n) return q;
    this.pendingLine = p;
    this.pendingScanned = n;
    return -1;
  }

  /** Number of the line starting at `start` (a line start, not before lineAt). */
  private lineOf(start: number): number {
    this.line += countBreaks(this.units, this.lineAt, start);
    this.lineAt = start;
    return this.line;
  }

  /**
   * Start of the line whose first non-blank unit is the `[` at `bracket`, or −1 when something
   * else comes first; `from` is a line start before it.
   */
  private keyLineStart(from: number, bracket: number): number {
    const units = this.units;
    let p = bracket - 1;
    while (p >= from && (units[p] === SPACE || units[p] === TAB)) p--;
    if (p < from) return from;
    return units[p] === LF || units[p] === CR ? p + 1 : -1;
  }

  /**
   * Start of the window's last line that is not known to be complete, from line start `from`;
   * from there to `searched` there is no line break.
   */
  private lastLineStart(from: number, searched: number): number {
    const units = this.units;
    const rest = units.subarray(searched);
    let found = Math.max(rest.lastIndexOf(LF), rest.lastIndexOf(CR));
    // A CR at the very end may be the first half of a CRLF: its line is not complete yet.
    // (lastIndexOf reads a negative start from the end, hence the test for 0.)
    if (found !== -1 && searched + found === this.n - 1 && rest[found] === CR) {
      found =
        found === 0
          ? -1
          : Math.max(rest.lastIndexOf(LF, found - 1), rest.lastIndexOf(CR, found - 1));
    }
    const brk = found === -1 ? -1 : searched + found;
    return brk < from ? from : brk + 1;
  }

  /**
   * lineEnd for the skipping scan, by native searches whose results are kept while `p` moves
   * forward (a fresh search for the rarer CR or LF each time would rescan to its next one).
   */
  private lineBreakFrom(p: number): number {
    const units = this.units;
    const n = this.n;
    if (p < this.lfFrom || p > this.lfAt) {
      this.lfFrom = p;
      const at = units.indexOf(LF, p);
      this.lfAt = at === -1 ? n : at;
    }
    if (p < this.crFrom || p > this.crAt) {
      this.crFrom = p;
      const at = units.indexOf(CR, p);
      this.crAt = at === -1 ? n : at;
    }
    const end = Math.min(this.lfAt, this.crAt);
    return end < n ? end : -1;
  }

  /** Start of the line after the break at `end` (CRLF counts once); −1 when that needs more input. */
  private nextLine(end: number, last: boolean): number {
    if (end >= this.n) return this.n;
    if (this.units[end] !== CR) return end + 1;
    if (end + 1 < this.n) return this.units[end + 1] === LF ? end + 2 : end + 1;
    return last ? end + 1 : -1;
  }

  /** Start of the line before the one starting at `start` (which must not be the first). */
  private previousLineStart(start: number): number {
    const units = this.units;
    let p = start - 1; // the break that ends the previous line
    if (p > 0 && units[p] === LF && units[p - 1] === CR) p--;
    while (p > 0 && units[p - 1] !== LF && units[p - 1] !== CR) p--;
    return p;
  }

  /**
   * Start of the lines before `start` that may leave a hex value's continuation open at it
   * (§2.4 X9): walks back over filler lines (blank, ;comment) and lines with a `\` followed by
   * nothing but blanks or a ;comment — the only ones that can end with an open continuation —
   * down to the first of those; `start` itself when the line before is neither.
   */
  private runStart(start: number): number {
    const units = this.units;
    let from = start;
    let cur = start;
    for (;;) {
      if (cur === this.runQuery) {
        // The walk from here on is the last one's (which may have begun in an earlier piece).
        if (this.runFrom < cur) from = this.runFrom;
        break;
      }
      if (cur <= this.bodyStart) break;
      const p = this.previousLineStart(cur);
      const end = this.lineEnd(p);
      let q = p;
      while (q < end && (units[q] === SPACE || units[q] === TAB)) q++;
      if (q === end || units[q] === SEMI) {
        cur = p; // filler
        continue;
      }
      if (!this.mayContinue(q, end)) break;
      from = p;
      cur = p;
    }
    this.runQuery = start;
    this.runFrom = from;
    return from;
  }

  /** Whether `[from, end)` holds a `\` followed by only blanks, or blanks and a ;comment. */
  private mayContinue(from: number, end: number): boolean {
    const units = this.units;
    for (let k = from; k < end; k++) {
      if (units[k] !== BACKSLASH) continue;
      let q = k + 1;
      while (q < end && (units[q] === SPACE || units[q] === TAB)) q++;
      if (q === end || units[q] === SEMI) return true;
    }
    return false;
  }

  /** Whether the line at `start` is swallowed by a continuation left open before it (X9). */
  private swallowed(start: number): boolean {
    const from = this.runStart(start);
    return from !== start && this.replayed(from, start).continuing;
  }

  /**
   * A parser that has read the lines `[from, to)`: the last replay's when it read the start of
   * this run (then only the lines after those it read are new), else a new one.
   */
  private replayed(from: number, to: number): RegLineParser {
    if (!this.replay || this.replayFrom !== from || this.replayTo > to) {
      this.replay = new RegLineParser({ unicodeStrings: this.unicodeStrings });
      this.replayFrom = from;
      this.replayTo = from;
    }
    const replay = this.replay;
    for (let p = this.replayTo; p < to;) {
      const end = this.lineEnd(p);
      const t = this.text(p, end);
      replay.line(t, 0, t.length, 0);
      p = this.nextLine(end, true);
    }
    this.replayTo = to;
    // Only `continuing` is read: what it parsed is dropped, so a long run keeps no memory.
    replay.ops.length = 0;
    replay.pathHashes.length = 0;
    replay.diagnostics.length = 0;
    return replay;
  }

  private text(start: number, end: number): string {
    let s = '';
    for (let p = start; p < end; p += APPLY_UNITS) {
      s += String.fromCharCode.apply(
        null,
        this.units.subarray(p, Math.min(end, p + APPLY_UNITS)) as unknown as number[],
      );
    }
    return s;
  }
}

/**
 * Whether the key line's units `[from, to)` may name a kept path: they hold `virtual machine`,
 * `virtualmachine` or `currentversion` (ASCII, any case), all found from their `v`, or
 * `\guest\parameter`, found from its `g`. A cheap test that spares decoding the other key lines:
 * one loop over the units, no allocation (a native search per letter costs more in calls than a
 * key line's few dozen units). Non-ASCII units need no look: the only ones whose lowercase holds
 * ASCII are U+0130 (→ "i\u0307", an i with a combining dot that breaks any word) and U+212A
 * KELVIN SIGN (→ "k", in no kept word).
 */
function mayBeKept(units: Uint16Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const u = (units[j] as number) | 0x20;
    if (
      u === 0x76
        ? wordAroundV(units, j, from, to)
        : u === 0x67 && guestParameterAt(units, j, from, to)
    )
      return true;
  }
  return false;
}

/** `\guest\parameter` (any case) from the `g` at `j`. */
function guestParameterAt(units: Uint16Array, j: number, from: number, to: number): boolean {
  return (
    j > from &&
    units[j - 1] === BACKSLASH &&
    matchWord(units, j, to, 'guest') &&
    units[j + 5] === BACKSLASH &&
    matchWord(units, j + 6, to, 'parameter')
  );
}

/** `virtual machine`, `virtualmachine` or `currentversion` (any case) around the `v` at `j`. */
function wordAroundV(units: Uint16Array, j: number, from: number, to: number): boolean {
  if (matchWord(units, j + 1, to, 'irtual')) {
    const q = units[j + 7] === SPACE ? j + 8 : j + 7;
    if (matchWord(units, q, to, 'machine')) return true;
  }
  return j >= from + 7 && matchWord(units, j - 7, to, 'currentversion');
}

/** ASCII-case-insensitive `word` (lowercase letters) at `units[at]`. */
function matchWord(units: Uint16Array, at: number, to: number, word: string): boolean {
  if (at + word.length > to) return false;
  for (let k = 0; k < word.length; k++) {
    if (((units[at + k] as number) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Line breaks in `units[from, to)`, CRLF once (`to` is a line start, so no CRLF is cut). Reads
 * two units per step through a 32-bit view and tests them with one mask: almost no pair holds a
 * unit below 16. About twice as fast as a unit-by-unit loop, unoptimised or not.
 */
function countBreaks(units: Uint16Array, from: number, to: number): number {
  let count = 0;
  let p = from;
  if (p < to && ((units.byteOffset >> 1) + p) % 2 === 1) count += breakAt(units, p++);
  const pairs = (to - p) >> 1;
  if (pairs > 0) {
    // Only then is `p` sure to be aligned (a view must start at a multiple of 4 bytes).
    const words = new Uint32Array(units.buffer, units.byteOffset + 2 * p, pairs);
    for (let k = 0; k < pairs; k++) {
      const w = words[k] as number;
      if ((w & 0xfff0) !== 0 && (w & 0xfff00000) !== 0) continue;
      count += breakAt(units, p + 2 * k) + breakAt(units, p + 2 * k + 1);
    }
  }
  if (p + 2 * pairs < to) count += breakAt(units, to - 1);
  return count;
}

/** 1 when `units[p]` ends a line (an LF, or a CR not followed by LF), else 0. */
function breakAt(units: Uint16Array, p: number): number {
  const u = units[p];
  return u === LF || (u === CR && units[p + 1] !== LF) ? 1 : 0;
}

function mergeByLine(a: RegOp[], b: RegOp[]): RegOp[] {
  if (b.length === 0) return a;
  const out: RegOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.line <= y.line)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}
