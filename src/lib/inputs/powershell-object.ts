// What PowerShell's two outputs of Get-ItemProperty share: one object per key, its PS*
// properties (PSPath names the key), and the values as properties, mapped onto the registry
// document model (reg-format.md §5).
import { findCatalogueEntry } from '../kvp/catalogue.ts';
import { AUTO_PATH, PARAMETERS_PATH } from '../kvp/paths.ts';
import type { TypeShown } from '../kvp/type-shown.ts';
import { normalizeKeyPath } from '../reg/key-line.ts';
import type { Diagnostic, RegOp } from '../reg/types.ts';
import type { ParsedValue } from '../reg/value.ts';

/** The properties PowerShell adds to every registry object; not values. */
const PS_PROPERTIES = new Set(['pspath', 'psparentpath', 'pschildname', 'psdrive', 'psprovider']);

export function isPsProperty(name: string): boolean {
  return PS_PROPERTIES.has(name.toLowerCase());
}

/** Whether a property name says this is a registry object of the Virtual Machine keys. */
export function isKvpObjectName(name: string): boolean {
  return (
    isPsProperty(name) ||
    findCatalogueEntry('Parameters', name) !== undefined ||
    findCatalogueEntry('Auto', name) !== undefined
  );
}

/** A value property, made into a registry value, with what the output showed of its type. */
export interface PsValue {
  value: ParsedValue;
  shown: TypeShown;
}

export interface PsObject {
  /** Where the object starts. */
  line: number;
  /** PSPath's text and line, when the output has it. */
  psPath?: { text: string; line: number };
  values: PsValue[];
}

/** The registry path in a PSPath ("Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE\…"). */
function keyOfPsPath(psPath: string): string | null {
  const match = /^(?:Microsoft\.PowerShell\.Core\\)?Registry::(HKEY_[A-Za-z_]+(?:\\.*)?)$/i.exec(
    psPath.trim(),
  );
  return match ? normalizeKeyPath(match[1] as string) : null;
}

/** The key the value names belong to, when the output does not say (Select-Object drops PSPath). */
function keyOfNames(values: readonly PsValue[]): string | null {
  const count = (key: 'Parameters' | 'Auto') =>
    values.filter((v) => findCatalogueEntry(key, v.value.name)).length;
  const parameters = count('Parameters');
  const auto = count('Auto');
  if (parameters === 0 && auto === 0) return null;
  return parameters >= auto ? PARAMETERS_PATH : AUTO_PATH;
}

/** The ops of PowerShell's objects, and what each value line showed of its type. */
export function psObjectOps(
  objects: readonly PsObject[],
  diagnostics: Diagnostic[],
): { ops: RegOp[]; typeShown: Map<number, TypeShown> } {
  const ops: RegOp[] = [];
  const typeShown = new Map<number, TypeShown>();
  for (const object of objects) {
    let path = object.psPath ? keyOfPsPath(object.psPath.text) : null;
    const line = object.psPath?.line ?? object.line;
    if (object.psPath && !path) {
      diagnostics.push({
        line,
        severity: 'warning',
        message: 'PSPath does not name a registry key: these values are read as if it were missing',
      });
    }
    if (!path) {
      path = keyOfNames(object.values);
      if (!path) {
        if (object.values.length > 0) {
          diagnostics.push({
            line,
            severity: 'warning',
            message:
              'no PSPath and no value names of Guest\\Parameters or Auto: which key these values are from cannot be told, so they are not read',
          });
        }
        continue;
      }
      diagnostics.push({
        line,
        severity: 'info',
        message: `no PSPath (as when Select-Object picks the values): they are read as ${path.endsWith('Auto') ? 'Auto' : 'Guest\\Parameters'}, from their names`,
      });
    }
    ops.push({ op: 'key', line, path });
    for (const { value, shown } of object.values) {
      ops.push({ op: 'value', line: value.line, path, value });
      typeShown.set(value.line, shown);
    }
  }
  return { ops, typeShown };
}
