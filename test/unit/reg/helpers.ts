// Small builders for the .reg tests.
import { parseRegText, type RegDocument } from '../../../src/lib/reg';
import { utf16leBytes } from '../../support/utf16';

export const V5 = 'Windows Registry Editor Version 5.00';

/** UTF-16LE bytes of `text`, with a BOM unless told otherwise. */
export function utf16(text: string, bom = true): Uint8Array {
  return utf16leBytes(text, bom);
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(',');
}

/** Parses `lines` after a v5 header and `[HKEY_CURRENT_USER\T]` (reg-format.md §7 "HDR5"). */
export function v5(...lines: string[]): RegDocument {
  return parseRegText([V5, '', '[HKEY_CURRENT_USER\\T]', ...lines, ''].join('\r\n'));
}

export function v4(...lines: string[]): RegDocument {
  return parseRegText(['REGEDIT4', '', '[HKEY_CURRENT_USER\\T]', ...lines, ''].join('\n'));
}

/** The values set on HKEY_CURRENT_USER\T, by name → [typeName-ish number, hex bytes]. */
export function valuesOf(doc: RegDocument, path = 'HKEY_CURRENT_USER\\T'): Record<string, string> {
  const key = doc.keys.find((k) => k.path.toLowerCase() === path.toLowerCase());
  const out: Record<string, string> = {};
  for (const v of key?.values ?? []) {
    out[v.name] = v.deleted ? 'deleted' : `${v.type}:${hex(v.bytes)}`;
  }
  return out;
}

export function sz(text: string): string {
  return `1:${hex(utf16(text + '\0', false))}`;
}
