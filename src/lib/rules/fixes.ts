// Fixes as PowerShell that pastes and runs as is: the VM's name filled in and quoted, or read
// with Read-Host when the input does not name it; the host's commands apart from the guest's.
// Guest commands keep to Windows PowerShell 2.0, which a 2008 R2 guest may still run.

/** What a fix is: one sentence, then the commands to run on the Hyper-V host and in the guest. */
export interface Fix {
  summary: string;
  host?: string;
  guest?: string;
  /** The guest's commands are for a Linux shell (as root), not PowerShell. */
  guestShell?: 'sh';
}

/** The VM a host command acts on, as the input names it (null: it does not). */
export interface FixContext {
  vmName: string | null;
}

/** A piece of a fix: host lines for the VM given as a PowerShell expression, and guest lines. */
export interface FixPart {
  host?: (vm: string) => string[];
  guest?: string[];
}

/** A PowerShell single-quoted literal; PowerShell also ends such a string at ‘ ’ ‚ ‛. */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

const ASK_VM_NAME = "$vmName = Read-Host 'Name of the virtual machine in Hyper-V Manager'";

/** Puts parts together: one prompt for the VM's name at most, host and guest apart. */
export function makeFix(context: FixContext, summary: string, ...parts: FixPart[]): Fix {
  const fix: Fix = { summary };
  const known = context.vmName !== null && context.vmName !== '';
  const vm = known ? psQuote(context.vmName as string) : '$vmName';
  const host = parts.flatMap((part) => part.host?.(vm) ?? []);
  if (host.length > 0) fix.host = (known ? host : [ASK_VM_NAME, ...host]).join('\n');
  const guest = parts.flatMap((part) => part.guest ?? []);
  if (guest.length > 0) fix.guest = guest.join('\n');
  return fix;
}

// "Manage Hyper-V integration services": integration services are controlled from the host, and
// "If you disable the service in the guest, Hyper-V will be unable to start it" — so the guest's
// part is only to undo a Disabled start type (Manual is the default [inference: restore-defaults
// scripts]). The host's name for Data Exchange is "Key-Value Pair Exchange" (the same page).
export const ENABLE_DATA_EXCHANGE: FixPart = {
  host: (vm) => [`Enable-VMIntegrationService -VMName ${vm} -Name 'Key-Value Pair Exchange'`],
  guest: [
    `$service = Get-WmiObject -Class Win32_Service -Filter "Name='vmickvpexchange'"`,
    `if ($service.StartMode -eq 'Disabled') { Set-Service -Name vmickvpexchange -StartupType Manual }`,
  ],
};

export const ENABLE_DATA_EXCHANGE_SUMMARY =
  'Turn on Data Exchange for this VM on the Hyper-V host; in the guest, only make sure the Hyper-V Data Exchange Service is not disabled, because Hyper-V cannot start a service that is disabled in the guest.';

// A host writes its values when Data Exchange connects [inference: "Information about the host is
// updated if the VM is migrated"; restarting the service reconnects it].
export const REFRESH_HOST_VALUES: FixPart = {
  host: (vm) => [
    `Disable-VMIntegrationService -VMName ${vm} -Name 'Key-Value Pair Exchange'`,
    `Enable-VMIntegrationService -VMName ${vm} -Name 'Key-Value Pair Exchange'`,
  ],
  guest: ['Restart-Service -Name vmickvpexchange'],
};

export const REFRESH_SUMMARY =
  'Have the host write its values again: turn Data Exchange off and on for this VM on the host, or restart the Data Exchange service in the guest; the host usually rewrites its values when Data Exchange connects.';

// "Msvm_KvpExchangeComponentSettingData class": DisableHostKVPItems (Windows 10 1703 and later)
// "disables the host from automatically populating host name and OS information inside the guest".
export const SHOW_DISABLE_HOST_KVP_ITEMS: FixPart = {
  host: (vm) => [
    `$vm = Get-VM -Name ${vm}`,
    `Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_KvpExchangeComponentSettingData | Where-Object { $_.InstanceID -like "*$($vm.Id)*" } | Select-Object InstanceID, DisableHostKVPItems`,
  ],
};

const HIVES: Record<string, string> = {
  hkey_local_machine: 'LocalMachine',
  hkey_current_user: 'CurrentUser',
  hkey_classes_root: 'ClassesRoot',
  hkey_users: 'Users',
  hkey_current_config: 'CurrentConfig',
};

/** `[Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('…', $true)` for a file's key path. */
function openKey(path: string): string | null {
  const slash = path.indexOf('\\');
  if (slash === -1) return null;
  const hive = HIVES[path.slice(0, slash).toLowerCase()];
  return hive
    ? `[Microsoft.Win32.Registry]::${hive}.OpenSubKey(${psQuote(path.slice(slash + 1))}, $true)`
    : null;
}

/**
 * Deletes the named values of a key in the guest. .NET's DeleteValue takes a name literally
 * (Remove-ItemProperty would read `*` and `[` in a name as wildcards).
 */
export function deleteValues(path: string, names: readonly string[]): FixPart {
  const key = openKey(path);
  if (!key || names.length === 0) return {};
  return {
    guest: [
      `$key = ${key}`,
      ...names.map((name) => `$key.DeleteValue(${psQuote(name)}, $false)`),
      '$key.Close()',
    ],
  };
}

/** Deletes every value of a key whose name is not in `keep` (compared without case, as Windows does). */
export function deleteValuesExcept(path: string, keep: readonly string[]): FixPart {
  const key = openKey(path);
  if (!key) return {};
  return {
    guest: [
      `$keep = @(${keep.map(psQuote).join(', ')})`,
      `$key = ${key}`,
      '$key.GetValueNames() | Where-Object { $keep -notcontains $_ } | ForEach-Object { $key.DeleteValue($_) }',
      '$key.Close()',
    ],
  };
}

/** Deletes whole keys in the guest, with their subkeys; -LiteralPath reads no wildcards. */
export function deleteKeys(paths: readonly string[]): FixPart {
  return {
    guest: paths.map((path) => `Remove-Item -LiteralPath ${psQuote(`Registry::${path}`)} -Recurse`),
  };
}
