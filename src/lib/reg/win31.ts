// The Windows 3.1 `REGEDIT` format (reg-format.md §1.5): `HKEY_CLASSES_ROOT\path = value` lines.
import type { Diagnostic, RegOp } from './types';
import { ParsedValue } from './value';

const ROOT = 'HKEY_CLASSES_ROOT';

/**
 * One line of a Win3.1 file. Only `HKEY_CLASSES_ROOT`, case-sensitive, at the very start of the
 * line counts; the key path ends at the first space or `=`; after `=` at most one space is
 * consumed, and without `=` the value starts after the spaces (§1.5, RIT test_import_win31).
 */
export function win31Line(
  text: string,
  start: number,
  end: number,
  line: number,
  ops: RegOp[],
  diagnostics: Diagnostic[],
): void {
  if (start === end) return;
  if (
    !text.startsWith(ROOT, start) ||
    (end > start + ROOT.length &&
      text[start + ROOT.length] !== '\\' &&
      text[start + ROOT.length] !== ' ' &&
      text[start + ROOT.length] !== '=')
  ) {
    diagnostics.push({
      line,
      severity: 'warning',
      message: `line ignored — in the Windows 3.1 format every line must start with "${ROOT}" exactly (case-sensitive, no leading space)`,
    });
    return;
  }
  let p = start + ROOT.length;
  while (p < end && text[p] !== ' ' && text[p] !== '=') p++;
  let path = text.slice(start, p);
  while (path.endsWith('\\')) path = path.slice(0, -1);
  while (p < end && text[p] === ' ') p++;
  if (p < end && text[p] === '=') {
    p++;
    if (p < end && text[p] === ' ') p++;
  }
  const value = text.slice(p, end);
  ops.push({ op: 'key', line, path });
  ops.push({ op: 'value', line, path, value: ParsedValue.ofString('', value, line) });
}
