// What a reader says about its input: one note, in words an administrator understands, with
// where it applies in the input's own terms. Shared by every reader in this folder.
import type { Severity } from '../reg/types';

export interface InputDiagnostic {
  severity: Severity;
  message: string;
  /** "record 4 of .kvp_pool_3", "line 12", "item 3" */
  at?: string;
}

/** How many characters of a name or value a message quotes. */
const QUOTE_CHARS = 60;

/**
 * `text` with its control characters (C0, DEL, C1, the line and paragraph separators) shown as
 * \xNN / \uNNNN, so that raw control bytes never reach a page or a terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `text` printable and in double quotes for a message, cut with "…" after 60 characters. */
export function quoted(text: string): string {
  const cut = text.length > QUOTE_CHARS ? text.slice(0, QUOTE_CHARS) : text;
  return `"${printable(cut)}${cut.length < text.length ? '…' : ''}"`;
}

/** 1234567 → "1,234,567" (the same on every machine). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** How many notes of one kind are listed before the rest are summed up in one line. */
const LISTED_PER_KIND = 20;

/**
 * Collects notes, listing at most 20 of each kind: a crafted file with 80,000 bad records gets
 * 20 notes and one "… and 79,980 more" line, not 80,000 notes.
 */
export class NoteList {
  private readonly notes: InputDiagnostic[] = [];
  private readonly kinds = new Map<string, { severity: Severity; seen: number }>();

  /** `kind` says, after "more", what the note is about: "records whose key is not UTF-8". */
  add(kind: string, note: InputDiagnostic): void {
    const k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, { severity: note.severity, seen: 1 });
    else k.seen++;
    if ((k?.seen ?? 1) <= LISTED_PER_KIND) this.notes.push(note);
  }

  /** A note of its own kind, always listed. */
  push(note: InputDiagnostic): void {
    this.notes.push(note);
  }

  /** The notes, then one line per kind that had more than were listed. */
  list(): InputDiagnostic[] {
    const out = this.notes.slice();
    for (const [kind, { severity, seen }] of this.kinds) {
      if (seen > LISTED_PER_KIND) {
        out.push({
          severity,
          message: `… and ${count(seen - LISTED_PER_KIND)} more ${kind} (only the first ${LISTED_PER_KIND} are listed).`,
        });
      }
    }
    return out;
  }
}
