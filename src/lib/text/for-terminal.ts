// File and link data in the command line's text output: a control character written to a
// terminal is an instruction to it (ESC [2J clears the screen, ESC ]8 makes a link, a CR or a
// newline lets data forge a line of the report), a bidi override reorders what follows, and a
// zero-width character makes a name look like another. Each is written out instead. Sources:
// ECMA-48, Control Functions for Coded Character Sets
// (https://ecma-international.org/publications-and-standards/standards/ecma-48/); invisible.ts.
import { INVISIBLE, codePointLabel } from './invisible.ts';

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  if (code > 0xff) return codePointLabel(char);
  return NAMED[char] ?? `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * The text, safe to print to a terminal: C0, DEL and C1 controls as `\x1b` (tab, newline and
 * carriage return as `\t`, `\n`, `\r`), bidi and invisible characters as `⟨U+202E⟩` (the set of
 * showInvisible); everything else as it is. For every piece of file or link data that the text
 * outputs print — never for the output's own colour codes. Linear.
 */
export function forTerminal(text: string): string {
  return text.replace(INVISIBLE, escaped);
}
