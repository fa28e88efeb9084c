// Registry paths compare case-insensitively, and a root may be written long or short
// (reg-format.md §2.1, §2.7). These helpers give one comparable form.

const ROOTS: Record<string, string> = {
  hklm: 'hkey_local_machine',
  hkcu: 'hkey_current_user',
  hkcr: 'hkey_classes_root',
  hku: 'hkey_users',
  hkcc: 'hkey_current_config',
};

/** Lower case, long root name, no trailing or doubled backslashes. */
export function comparablePath(path: string): string {
  const parts = path
    .toLowerCase()
    .split('\\')
    .filter((part) => part !== '');
  const root = parts[0];
  if (root !== undefined && ROOTS[root]) parts[0] = ROOTS[root];
  return parts.join('\\');
}

export const VIRTUAL_MACHINE_PATH = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';
export const PARAMETERS_PATH = `${VIRTUAL_MACHINE_PATH}\\Guest\\Parameters`;
export const AUTO_PATH = `${VIRTUAL_MACHINE_PATH}\\Auto`;
export const CURRENT_VERSION_PATH =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
