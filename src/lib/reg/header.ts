// The first line decides whether Windows reads the file at all (reg-format.md §1.1).
import type { Diagnostic, RegFormat } from './types';

const V5 = 'Windows Registry Editor Version 5.00';
const V4 = 'REGEDIT4';
/** The tail Windows may accept after a header word: spaces and tabs, then perhaps a comment. */
const HEADER_TAIL = /^[ \t]*(;.*)?$/;

export interface HeaderResult {
  format: RegFormat;
  /** The Windows 3.1 `REGEDIT` format (§1.5): its own line syntax, read by win31.ts. */
  win31?: boolean;
  diagnostics: Diagnostic[];
}

/** Reads the header from `text[start, end)`, the first line without its line break. */
export function readHeader(text: string, start: number, end: number): HeaderResult {
  let p = start;
  // Leading spaces and tabs are fine; a blank line before the header is not (§1.1, H3/H4).
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  const line = text.slice(p, end);
  for (const [word, format] of [
    [V5, 'regedit5'],
    [V4, 'regedit4'],
  ] as const) {
    if (line === word) return { format, diagnostics: [] };
    if (line.startsWith(word) && HEADER_TAIL.test(line.slice(word.length))) {
      // UNCERTAIN (§1.1, §10.2): Wine compares the whole line, regashii accepts this. Tolerant.
      return {
        format,
        diagnostics: [
          {
            line: 1,
            column: p - start + word.length + 1,
            severity: 'warning',
            message: `the header "${word}" is followed by ${
              line.slice(word.length).trim() === '' ? 'spaces' : 'a comment'
            }; read as ${word}, but Windows may treat it as an unknown header and import nothing`,
          },
        ],
      };
    }
  }
  if (line === 'REGEDIT') {
    return {
      format: 'regedit-other',
      win31: true,
      diagnostics: [
        {
          line: 1,
          severity: 'info',
          message:
            'this is the Windows 3.1 "REGEDIT" format: each "HKEY_CLASSES_ROOT\\path = value" line sets the default value of a key',
        },
      ],
    };
  }
  if (line.startsWith('REGEDIT')) {
    return {
      format: 'regedit-other',
      diagnostics: [
        {
          line: 1,
          severity: 'warning',
          message: `the header "${clip(line)}" is neither "${V5}" nor "${V4}": Windows accepts the file but imports nothing from it`,
        },
      ],
    };
  }
  return {
    format: 'none',
    diagnostics: [
      {
        line: 1,
        severity: 'error',
        message: `not a registry export: the first line must be "${V5}" or "${V4}" (case-sensitive), but it is "${clip(line)}"`,
      },
    ],
  };
}

/** Enough of a first line to tell and to quote it: readHeader quotes 60 characters and a "…". */
export const HEADER_PEEK = 64;

/**
 * True when a first line that starts with `start` (its break not read yet) is not a registry
 * export whatever follows: a reader may stop there instead of holding an endless first line.
 */
export function cannotBeAHeader(start: string): boolean {
  const line = start.replace(/^[ \t]+/, '');
  if (line === '') return false;
  for (const word of [V5, V4]) {
    if (word.startsWith(line)) return false;
    if (line.startsWith(word) && HEADER_TAIL.test(line.slice(word.length))) return false;
  }
  return !line.startsWith('REGEDIT') && !'REGEDIT'.startsWith(line);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
