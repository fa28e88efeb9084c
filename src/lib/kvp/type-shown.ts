// Inputs that do not show a value's registry type (PowerShell output): what the snapshot keeps
// instead, so that the rules can tell "type not shown" from REG_SZ, and evidence says so.
import { REG_BINARY, REG_DWORD, REG_MULTI_SZ, REG_QWORD, REG_SZ } from '../reg/data.ts';

/**
 * 'none': Format-List text shows no type at all; the value is kept as REG_SZ holding the text
 * PowerShell printed, so "10" may have been a REG_DWORD. 'kind': ConvertTo-Json tells numbers,
 * text and lists apart but not REG_DWORD from REG_QWORD, nor REG_SZ from REG_EXPAND_SZ (which
 * PowerShell has already expanded); the type is the likeliest of those.
 * (.NET RegistryKey.GetValue: https://learn.microsoft.com/dotnet/api/microsoft.win32.registryvaluekind)
 */
export type TypeShown = 'none' | 'kind';

const KINDS: Record<number, string> = {
  [REG_SZ]: 'text (REG_SZ or REG_EXPAND_SZ)',
  [REG_DWORD]: 'number (REG_DWORD or REG_QWORD)',
  [REG_QWORD]: 'number (REG_DWORD or REG_QWORD)',
  [REG_MULTI_SZ]: 'list of text (REG_MULTI_SZ)',
  [REG_BINARY]: 'list of bytes (REG_BINARY or REG_NONE)',
};

/** What the input shows of the type, for the report and evidence ("type not shown"). */
export function shownTypeName(type: number, shown: TypeShown, typeName: string): string {
  if (shown === 'none') return 'type not shown';
  return KINDS[type] ?? typeName;
}
