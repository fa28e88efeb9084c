// GUID-shaped text ⇄ 16 bytes plus its text form (case, braces). Only text that the form rebuilds
// exactly counts as GUID-shaped (mixed case does not), so a link never changes a VirtualMachineId.
import { toHex } from '../reg/data.ts';

export interface GuidForm {
  braces: boolean;
  upper: boolean;
}

const GUID_TEXT =
  /^(\{?)([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})(\}?)$/;

export function formatGuid(bytes: Uint8Array, form: GuidForm): string {
  const hex = toHex(bytes);
  const text = [0, 8, 12, 16, 20]
    .map((start, i, all) => hex.slice(start, all[i + 1] ?? 32))
    .join('-');
  const cased = form.upper ? text.toUpperCase() : text;
  return form.braces ? `{${cased}}` : cased;
}

/** The bytes and form of a GUID text, when formatGuid gives back exactly that text. */
export function parseGuid(text: string): { bytes: Uint8Array; form: GuidForm } | undefined {
  const match = GUID_TEXT.exec(text);
  if (!match || match[1] !== (match[7] === '}' ? '{' : '')) return undefined;
  const hex = match.slice(2, 7).join('');
  const bytes = Uint8Array.from({ length: 16 }, (_, i) =>
    parseInt(hex.slice(2 * i, 2 * i + 2), 16),
  );
  const form = { braces: match[1] === '{', upper: hex === hex.toUpperCase() };
  return formatGuid(bytes, form) === text ? { bytes, form } : undefined;
}
