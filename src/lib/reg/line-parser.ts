// The line state machine: one physical line at a time, in file order, exactly as Windows applies
// a .reg file (reg-format.md §2–§3). It yields ops and a diagnostic for every line it skips.
//
// Lines arrive as ranges of a larger string (no per-line substring); the hot paths scan with
// charCodeAt and collect hex bytes into one reusable buffer.
import { REG_BINARY, isStringType } from './data';
import { foldHashRange } from './fold-hash';
import { parseKeyLine } from './key-line';
import { storedStringBytes } from './string-data';
import type { Diagnostic, RegOp, Severity } from './types';
import { ParsedValue } from './value';

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const HASH = 35;
const COMMA = 44;
const MINUS = 45;
const SEMI = 59;
const EQUALS = 61;
const AT = 64;
const BRACKET = 91;
const BACKSLASH = 92;
/** Size of the slabs value bytes are carved from. */
const SLAB_BYTES = 64 * 1024;

/**
 * Hex digit values for every UTF-16 code unit, −1 for non-digits: one load per character in the
 * hex loops, which read most of a large export.
 */
const HEX = new Int8Array(0x10000).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}
/** `c` is a char code (0–0xffff); NaN (read past the end) is no digit either. */
function hexValue(c: number): number {
  return HEX[c] ?? -1;
}

function valueLabel(name: string): string {
  return name === ''
    ? 'default value (@)'
    : `value "${name.length > 60 ? name.slice(0, 60) + '…' : name}"`;
}

// Outcomes of scanning hex data on one line.
const HEX_DONE = 0;
const HEX_CONTINUES = 1;
const HEX_BAD = 2;

/** Why the values after a key line go nowhere. */
type KeyState = 'none' | 'open' | 'deleted' | 'invalid';

export interface LineParserOptions {
  /** v5.00 header: hex(1)/(2)/(7) bytes are UTF-16LE; REGEDIT4: code-page bytes (§2.3). */
  unicodeStrings: boolean;
}

export class RegLineParser {
  readonly ops: RegOp[] = [];
  /**
   * Beside `ops`, index for index: the foldHash of a key op's path, taken here while the path is
   * still part of the flat text (foldOps hashing the sliced path string took twice as long); a
   * hole for other ops, and for paths that were rewritten (foldOps hashes those).
   */
  readonly pathHashes: number[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Counts key lines Windows acts on (not swallowed by a broken continuation); for scanKvp. */
  keyLinesSeen = 0;

  private readonly unicodeStrings: boolean;
  private keyState: KeyState = 'none';
  private keyPath = '';
  private keyLine = 0;

  // The hex value whose data continues on the next line (`,\` at the end of a line, §2.4).
  private pending = false;
  private pendingName = '';
  private pendingType = 0;
  private pendingLine = 0;

  // Value bytes are views into shared slabs: one ArrayBuffer per value cost more to allocate and
  // to collect than the rest of the parse (profiled on a 42 MB export). A slab's bytes before
  // `slabUsed` belong to values and never change; the bytes after it are scratch.
  private slab: Uint8Array = new Uint8Array(0);
  private slabUsed = 0;
  // The hex bytes of the value being read are written straight into the slab, from `slabUsed`
  // (no copy from a separate buffer when it is committed); `hexLen` counts them.
  private hexLen = 0;

  // Details of the last failure, set by the scanners.
  private errorColumn = 0;
  private errorMessage = '';
  // Result of readQuoted.
  private quoted = '';

  constructor(options: LineParserOptions) {
    this.unicodeStrings = options.unicodeStrings;
  }

  /** The key that values go to now, or null when they would be dropped. */
  get currentKey(): string | null {
    return this.keyState === 'open' ? this.keyPath : null;
  }

  /** Whether the last key line deleted a key (values after it are ignored). */
  get inDeletedKey(): boolean {
    return this.keyState === 'deleted';
  }

  /** The path of the last key line acted on (opened or deleted). */
  get keyPathNow(): string {
    return this.keyPath;
  }

  /** True while a hex value waits for its continuation line. */
  get continuing(): boolean {
    return this.pending;
  }

  /** One physical line: `text[start, end)` without its line break; `line` is 1-based. */
  line(text: string, start: number, end: number, line: number): void {
    let p = start;
    let c = 0;
    while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
    if (this.pending) {
      this.continuation(text, start, p, end, line, c);
      return;
    }
    if (p >= end || c === SEMI || c === HASH) return; // blank or comment (§2.5)
    if (c === BRACKET) this.keyLineAt(text, p, end, line);
    else if (c === QUOTE || c === AT) this.valueLine(text, start, p, end, line);
    else {
      this.report(
        line,
        p - start + 1,
        'warning',
        'line ignored — it is not a key line ([…]), a value line ("name"=… or @=…) or a comment; Windows skips it',
      );
    }
  }

  /** End of input: a value cut off after `,\` is stored with the bytes read so far (§2.4, X21). */
  finish(lastLine: number): void {
    if (!this.pending) return;
    this.pending = false;
    this.report(
      this.pendingLine,
      undefined,
      'warning',
      `the file ends inside this value's continuation (line ${lastLine} ends with ",\\"); Windows stores the ${this.hexLen} byte(s) read so far`,
    );
    this.commitHex(this.pendingName, this.pendingType, this.pendingLine, lastLine);
  }

  private continuation(
    text: string,
    start: number,
    p: number,
    end: number,
    line: number,
    c: number,
  ): void {
    // Blank and `;` lines are filler between continuation lines (§2.4, X11b/X13).
    if (p >= end || c === SEMI) return;
    if (c === HASH) {
      this.pending = false;
      this.report(
        line,
        p - start + 1,
        'error',
        `the ${valueLabel(this.pendingName)} from line ${this.pendingLine} is dropped — a "#" line interrupts its continuation; Windows reads the following lines normally`,
      );
      return;
    }
    if (hexValue(c) < 0) {
      this.pending = false;
      const what =
        c === BRACKET
          ? 'this key line is swallowed too, so Windows does not open the key'
          : c === QUOTE || c === AT
            ? 'this value line is swallowed too, so Windows does not set it'
            : 'this line is swallowed too';
      this.report(
        line,
        p - start + 1,
        'error',
        `the ${valueLabel(this.pendingName)} from line ${this.pendingLine} is dropped — its line ends with ",\\" but this line does not continue it with hex bytes; ${what}`,
      );
      return;
    }
    const r = this.scanHex(text, p, end);
    if (r === HEX_CONTINUES) return;
    this.pending = false;
    if (r === HEX_BAD) {
      this.report(
        line,
        this.errorColumn - start + 1,
        'error',
        `the ${valueLabel(this.pendingName)} from line ${this.pendingLine} is dropped — ${this.errorMessage}`,
      );
      return;
    }
    this.commitHex(this.pendingName, this.pendingType, this.pendingLine, line);
  }

  private keyLineAt(text: string, p: number, end: number, line: number): void {
    const k = parseKeyLine(text, p, end);
    this.keyLinesSeen++;
    if (k.kind === 'invalid') {
      this.report(line, k.column, 'error', k.message);
      if (!k.keepsKey) {
        this.keyState = 'invalid';
        this.keyLine = line;
      }
      return;
    }
    for (const w of k.warnings) this.report(line, undefined, 'warning', w);
    this.keyPath = k.path;
    this.keyLine = line;
    if (k.at >= 0)
      this.pathHashes[this.ops.length] = foldHashRange(text, k.at, k.at + k.path.length);
    if (k.kind === 'key') {
      this.keyState = 'open';
      this.ops.push({ op: 'key', line, path: k.path });
    } else {
      this.keyState = 'deleted';
      this.ops.push({ op: 'deleteKey', line, path: k.path });
    }
  }

  private valueLine(text: string, start: number, p: number, end: number, line: number): void {
    // Name: `@`, or a quoted string where `""` also means the default value (§2.2).
    let name: string;
    if (text.charCodeAt(p) === AT) {
      name = '';
      p++;
    } else {
      const q = this.readQuoted(text, p, end, line, start);
      if (q < 0) return this.rejectValue(line, start, 'its name');
      name = this.quoted;
      p = q;
    }
    let c = 0;
    while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
    if (p >= end || c !== EQUALS) {
      return this.bad(
        line,
        p - start + 1,
        name,
        p >= end ? 'there is no "=" after the name' : 'the name must be followed by "="',
      );
    }
    p++;
    while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
    if (p >= end) return this.bad(line, p - start + 1, name, 'there is no data after "="');
    if (c === MINUS) return this.deleteValue(text, start, p + 1, end, line, name);
    if (c === QUOTE) return this.stringValue(text, start, p, end, line, name);
    if (this.prefix(text, p, end, 'dword:', line)) {
      return this.dwordValue(text, start, p + 6, end, line, name);
    }
    if (this.prefix(text, p, end, 'hex', line))
      return this.hexValue(text, start, p, end, line, name);
    this.bad(
      line,
      p - start + 1,
      name,
      c === SEMI || c === HASH
        ? `there is no data before the "${String.fromCharCode(c)}"`
        : 'the data must be "text", dword:, hex:, hex(N): or - (delete)',
    );
  }

  private deleteValue(
    text: string,
    start: number,
    p: number,
    end: number,
    line: number,
    name: string,
  ): void {
    const after = this.trailing(text, p, end);
    if (after >= 0) {
      return this.bad(
        line,
        after - start + 1,
        name,
        '"=-" deletes a value only when nothing but spaces or a ;comment follows it',
      );
    }
    if (this.keyState !== 'open') return this.dropped(line, name);
    if (name === '') {
      // UNCERTAIN (§2.6, §10.7): Wine deletes the default value; very likely Windows too.
      this.report(
        line,
        undefined,
        'warning',
        '"@=-" read as deleting the default value (as Wine does); not confirmed on Windows',
      );
    }
    this.ops.push({ op: 'deleteValue', line, path: this.keyPath, name });
  }

  private stringValue(
    text: string,
    start: number,
    p: number,
    end: number,
    line: number,
    name: string,
  ): void {
    const q = this.readQuoted(text, p, end, line, start);
    if (q < 0) return this.rejectValue(line, start, 'its data', name);
    const after = this.trailing(text, q, end);
    if (after >= 0)
      return this.bad(line, after - start + 1, name, this.afterDataMessage(text, after));
    if (this.keyState !== 'open') return this.dropped(line, name);
    this.pushValue(ParsedValue.ofString(name, this.quoted, line));
  }

  private dwordValue(
    text: string,
    start: number,
    p: number,
    end: number,
    line: number,
    name: string,
  ): void {
    let c: number;
    while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
    const digits = p;
    let value = 0;
    let h: number;
    while (p < end && (h = hexValue(text.charCodeAt(p))) >= 0) {
      value = value * 16 + h;
      p++;
    }
    const count = p - digits;
    if (count === 0 || count > 8) {
      // 1 to 8 hex digits, leading zeros included (§2.3 "DWORD syntax", D2/D3).
      return this.bad(
        line,
        digits - start + 1,
        name,
        count === 0 ? 'dword: has no hex digits' : `dword takes 1 to 8 hex digits, found ${count}`,
      );
    }
    const after = this.trailing(text, p, end);
    if (after >= 0) {
      const ch = text.charCodeAt(after);
      return this.bad(
        line,
        after - start + 1,
        name,
        ch === 120 || ch === 88
          ? 'dword takes bare hex digits, without "0x"'
          : ch === BACKSLASH
            ? 'a dword cannot continue on the next line'
            : this.afterDataMessage(text, after),
      );
    }
    if (this.keyState !== 'open') return this.dropped(line, name);
    this.pushValue(ParsedValue.ofDword(name, value, line));
  }

  private hexValue(
    text: string,
    start: number,
    p: number,
    end: number,
    line: number,
    name: string,
  ): void {
    p += 3;
    let type = REG_BINARY;
    const c = text.charCodeAt(p);
    if (c === 40) {
      // hex(N): N is hex without "0x", at most ffffffff (§2.3, X26/X27).
      p++;
      const digits = p;
      let n = 0;
      let h: number;
      while (p < end && (h = hexValue(text.charCodeAt(p))) >= 0) {
        n = n * 16 + h;
        p++;
      }
      if (p === digits || text.charCodeAt(p) !== 41 || text.charCodeAt(p + 1) !== 58) {
        return this.bad(
          line,
          p - start + 1,
          name,
          'the type must be written hex(N): with N in hex digits, e.g. hex(2): or hex(ffff0012):',
        );
      }
      if (n > 0xffffffff) {
        return this.bad(line, digits - start + 1, name, 'the type number is larger than ffffffff');
      }
      type = n;
      p += 2;
    } else if (c === 58) {
      p++;
    } else {
      return this.bad(
        line,
        p - start + 1,
        name,
        'the data must be "text", dword:, hex:, hex(N): or - (delete)',
      );
    }
    this.hexLen = 0;
    const r = this.scanHex(text, p, end);
    if (r === HEX_BAD) {
      return this.bad(line, this.errorColumn - start + 1, name, this.errorMessage);
    }
    if (r === HEX_CONTINUES) {
      this.pending = true;
      this.pendingName = name;
      this.pendingType = type;
      this.pendingLine = line;
      return;
    }
    this.commitHex(name, type, line, line);
  }

  private commitHex(name: string, type: number, line: number, endLine: number): void {
    if (this.keyState !== 'open') return this.dropped(line, name);
    const n = this.hexLen;
    const bytes = new Uint8Array(this.slab.buffer, this.slabUsed, n);
    this.slabUsed += n + (n & 1);
    // UTF-16LE text that already ends with its NUL (what regedit writes) is stored as it is:
    // storedStringBytes would say so in one more object per value.
    const asWritten =
      this.unicodeStrings &&
      (n === 0 || ((n & 1) === 0 && bytes[n - 1] === 0 && bytes[n - 2] === 0));
    if (asWritten || !isStringType(type)) {
      this.pushValue(ParsedValue.ofBytes(name, type, bytes, line, endLine, false));
      return;
    }
    const stored = storedStringBytes(type, bytes, this.unicodeStrings);
    if (stored.note) this.report(line, undefined, 'warning', stored.note);
    this.pushValue(ParsedValue.ofBytes(name, type, stored.bytes, line, endLine, stored.codePage));
  }

  private pushValue(value: ParsedValue): void {
    this.ops.push({ op: 'value', line: value.line, path: this.keyPath, value });
  }

  /**
   * Scans hex bytes `xx,xx,…` from `p` (§2.4). Returns HEX_DONE when the data ends on this line,
   * HEX_CONTINUES after `,\` (or a `\` right after the type, X14), HEX_BAD with errorColumn and
   * errorMessage set.
   */
  private scanHex(text: string, p: number, end: number): number {
    // The slab and the write position live in locals through the loop (one byte per iteration).
    let buf = this.slab;
    let at = this.slabUsed + this.hexLen;
    let c = 0;
    let result = HEX_DONE;
    for (;;) {
      // Expecting a byte: at the start, after a comma, or at the start of a continuation line.
      // Fast path for regedit's own `hh,`; anything else is read carefully below.
      while (p + 2 < end) {
        // In range, so each load is a table entry (a number), never undefined.
        const hi = HEX[text.charCodeAt(p)] as number;
        const lo = HEX[text.charCodeAt(p + 1)] as number;
        if (hi < 0 || lo < 0 || text.charCodeAt(p + 2) !== COMMA) break;
        if (at === buf.length) {
          buf = this.grow(at);
          at = this.hexLen;
        }
        buf[at++] = hi * 16 + lo;
        p += 3;
      }
      while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
      if (p >= end || c === SEMI) break; // empty data, or a trailing comma (X19/X6)
      if (c === BACKSLASH) {
        result = this.afterBackslash(text, p + 1, end);
        break;
      }
      let v = hexValue(c);
      if (v < 0) {
        result = this.hexError(
          p,
          c === COMMA
            ? 'a comma where a hex byte should be (",," or a leading comma); Windows drops the value'
            : c === HASH
              ? 'a "#" after hex data is not a comment; Windows drops the value (use ";")'
              : `"${String.fromCharCode(c)}" is not a hex byte; Windows drops the value`,
        );
        break;
      }
      p++;
      if (p < end) {
        const h2 = hexValue(text.charCodeAt(p));
        if (h2 >= 0) {
          v = v * 16 + h2;
          p++;
          if (p < end && hexValue(text.charCodeAt(p)) >= 0) {
            result = this.hexError(p - 2, 'a byte has more than 2 hex digits (larger than ff)');
            break;
          }
        }
      }
      if (at === buf.length) {
        buf = this.grow(at);
        at = this.hexLen;
      }
      buf[at++] = v;
      if (p >= end) break;
      c = text.charCodeAt(p);
      if (c === COMMA) {
        p++;
        continue;
      }
      let q = p;
      while (q < end && ((c = text.charCodeAt(q)) === SPACE || c === TAB)) q++;
      if (q >= end || c === SEMI) break;
      result =
        c === BACKSLASH
          ? this.hexError(
              q,
              'the "\\" must follow a comma ("…,20,\\"); Windows drops the value and reads the next line on its own',
            )
          : this.hexError(
              q,
              c === HASH
                ? 'a "#" after hex data is not a comment; Windows drops the value (use ";")'
                : c === COMMA
                  ? 'a space before a comma between hex bytes; Windows drops the value'
                  : `unexpected "${String.fromCharCode(c)}" after a hex byte; Windows drops the value`,
            );
      break;
    }
    this.hexLen = at - this.slabUsed;
    return result;
  }

  /**
   * The slab is full at `at` while reading hex bytes: moves the bytes read so far to the start of
   * a new slab with room for as many again, and counts them in `hexLen`.
   */
  private grow(at: number): Uint8Array {
    const read = this.slab.subarray(this.slabUsed, at);
    const grown = new Uint8Array(Math.max(SLAB_BYTES, read.length * 2));
    grown.set(read);
    this.slab = grown;
    this.slabUsed = 0;
    this.hexLen = read.length;
    return grown;
  }

  private afterBackslash(text: string, p: number, end: number): number {
    let c = 0;
    while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
    if (p >= end || c === SEMI) return HEX_CONTINUES;
    return this.hexError(
      p,
      c === HASH
        ? 'a "#" after the continuation "\\" is not a comment; Windows drops the value'
        : 'a "\\" inside hex data is only allowed at the end of a line; Windows drops the value',
    );
  }

  private hexError(p: number, message: string): number {
    this.errorColumn = p;
    this.errorMessage = message;
    return HEX_BAD;
  }

  /**
   * Reads a quoted string at `text[p] === '"'` with the escapes of §2.2 into `this.quoted`.
   * Returns the index after the closing quote, or −1 with errorColumn/errorMessage set.
   */
  private readQuoted(text: string, p: number, end: number, line: number, start: number): number {
    const open = p;
    p++;
    let from = p;
    let parts: string[] | null = null;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) {
        const tail = text.slice(from, p);
        this.quoted = parts ? parts.join('') + tail : tail;
        return p + 1;
      }
      if (c !== BACKSLASH) {
        p++;
        continue;
      }
      if (p + 1 >= end) break; // a backslash cannot escape the line break (S12)
      parts ??= [];
      parts.push(text.slice(from, p));
      const e = text.charCodeAt(p + 1);
      if (e === BACKSLASH || e === QUOTE) parts.push(String.fromCharCode(e));
      else if (e === 48) {
        this.errorColumn = p;
        this.errorMessage =
          '"\\0" inside a string makes Windows reject the value (write "\\\\0" for the text \\0)';
        return -1;
      } else if (e === 110 || e === 114) {
        // UNCERTAIN (§2.2, §10.3): Wine reads \n and \r as LF and CR. Tolerant, with a warning.
        parts.push(e === 110 ? '\n' : '\r');
        this.report(
          line,
          p - start + 1,
          'warning',
          `"\\${String.fromCharCode(e)}" read as a ${e === 110 ? 'line feed' : 'carriage return'} (as Wine does); Windows' reading of it is not confirmed`,
        );
      } else {
        // UNCERTAIN (§2.2): Wine drops the backslash of any other escape.
        parts.push(String.fromCharCode(e));
        this.report(
          line,
          p - start + 1,
          'warning',
          `unknown escape "\\${String.fromCharCode(e)}": the backslash is dropped (as Wine does); only \\\\ and \\" are certain`,
        );
      }
      p += 2;
      from = p;
    }
    this.errorColumn = open;
    this.errorMessage = 'the closing quote is missing (a string cannot continue on the next line)';
    return -1;
  }

  /** −1 when only spaces or a ;comment follow `p`, else the index of the first other char. */
  private trailing(text: string, p: number, end: number): number {
    let c = 0;
    while (p < end && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
    return p >= end || c === SEMI ? -1 : p;
  }

  private afterDataMessage(text: string, p: number): string {
    return text.charCodeAt(p) === HASH
      ? '"#" after the data is not a comment (only ";" is); Windows drops the value'
      : 'only spaces or a ;comment may follow the data';
  }

  /** Case-sensitive prefix; other case is read with a warning (UNCERTAIN, §2.3, §10.5). */
  private prefix(text: string, p: number, end: number, word: string, line: number): boolean {
    if (p + word.length > end) return false;
    if (text.startsWith(word, p)) return true;
    const written = text.slice(p, p + word.length);
    if (written.toLowerCase() !== word) return false;
    this.report(
      line,
      undefined,
      'warning',
      `"${written}" read as "${word}"; Wine matches this prefix case-sensitively and Windows is not confirmed to accept other case`,
    );
    return true;
  }

  private rejectValue(line: number, start: number, what: string, name?: string): void {
    this.bad(line, this.errorColumn - start + 1, name, `${what}: ${this.errorMessage}`);
  }

  private bad(line: number, column: number, name: string | undefined, why: string): void {
    const label = name === undefined ? 'value' : valueLabel(name);
    this.report(line, column, 'error', `${label} ignored — ${why}`);
  }

  /** A well-formed value that Windows writes nowhere: no key open, a deleted or an invalid key. */
  private dropped(line: number, name: string): void {
    const label = valueLabel(name);
    const why =
      this.keyState === 'none'
        ? 'no key line comes before it'
        : this.keyState === 'deleted'
          ? `it follows the deletion [-${this.keyPath}] on line ${this.keyLine}, so Windows writes it nowhere`
          : `the key line ${this.keyLine} is not valid, so Windows drops the values that follow it`;
    this.report(line, undefined, 'error', `${label} ignored — ${why}`);
  }

  private report(line: number, column: number | undefined, severity: Severity, message: string) {
    const d: Diagnostic = { line, severity, message };
    if (column !== undefined) d.column = column;
    this.diagnostics.push(d);
  }
}
