// The commands that collect each kind of input, for messages (what to run instead) and the
// page's "How to get the file". Paths and classes: kvp-reference.md §1–§2, §5; the host's items:
// windowsserverdocs integration-services-data-exchange.md (GuestIntrinsicExchangeItems).

/** In the Windows guest, cmd.exe or PowerShell: the export KVP Analyzer reads best. */
export const REG_EXPORT = 'reg export "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" kvp.reg';

/** In the Windows guest: the same values as text. */
export const REG_QUERY = 'reg query "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" /s > kvp.txt';

/** In the Windows guest, PowerShell: Format-List text. */
export const GET_ITEM_PROPERTY =
  "Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters', 'HKLM:\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto' > kvp.txt";

/** In the Windows guest, PowerShell: the same as JSON. */
export const GET_ITEM_PROPERTY_JSON =
  "Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters', 'HKLM:\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto' | ConvertTo-Json > kvp.json";

/** In the Linux guest: every pool file, with their times, in one archive. */
export const POOL_TAR = 'sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv';

/** On the Hyper-V host, PowerShell as administrator: what one VM's guest reports (set the name). */
export const HOST_ITEMS = [
  "$vmName = 'VM name'",
  '$id = (Get-VM -Name $vmName).Id',
  '(Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_KvpExchangeComponent -Filter "SystemName=\'$id\'").GuestIntrinsicExchangeItems > kvp-items.xml',
].join('\n');

/**
 * On the Hyper-V host, PowerShell as administrator: the collector (public/kvp-collector.ps1) for
 * every VM; it writes kvp-collector-<host name>.json. -VMName picks some.
 */
export const HOST_COLLECTOR = '.\\kvp-collector.ps1';

/** The same where scripts are blocked (the script's own .NOTES). */
export const HOST_COLLECTOR_BYPASS =
  'powershell.exe -ExecutionPolicy Bypass -File .\\kvp-collector.ps1';
