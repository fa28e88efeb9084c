// Whether a report just read is one already on the page — the same file opened twice: the same
// name and the same facts read the same way. Its bytes are not kept, so the comparison is of what
// was read from them (plain data, compared in one walk).
import type { LoadedGuest } from '../../lib/inputs/loaded-guest.ts';

export function isSameReport(shown: LoadedGuest | null, read: LoadedGuest): boolean {
  return (
    shown !== null &&
    shown.origin === 'file' &&
    shown.name === read.name &&
    shown.format === read.format &&
    shown.encoding === read.encoding &&
    shown.source.length === read.source.length &&
    isSameData(shown.diagnostics, read.diagnostics) &&
    isSameData(shown.snapshot, read.snapshot)
  );
}

function isSameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length)
      return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      isSameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
