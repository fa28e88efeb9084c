// Every known value of Guest\Parameters (host → guest) and Auto (guest intrinsic), with a
// plain-English meaning and its source (kvp-reference.md §1.2, §1.4, §2.1 collect them). Meanings
// marked `inferred` come from the value's name only.

export type ValueKind = 'string' | 'number' | 'guid';

/**
 * Which hosts write a Parameters value (§1.4): `legacy` = the 4 documented for Virtual Server 2005 R2
 * SP1 / Windows Virtual PC; `base` = the 7 more that make the Hyper-V base set of 11; `newer` = the 5
 * more seen on modern hosts (16 in all).
 */
export type ValueEra = 'legacy' | 'base' | 'newer';

export interface CatalogueEntry {
  name: string;
  key: 'Parameters' | 'Auto';
  meaning: string;
  kind: ValueKind;
  source: string;
  inferred?: boolean;
  era?: ValueEra;
}

const VPC_DOCS =
  'IVMGuestOS::GetParameter method (learn.microsoft.com/windows/win32/vpc/ivmguestos-getparameter)';
const DUMPS = 'values seen in dumps from Azure guests and an on-premises host (public files)';
const KVP_ITEM_DOC =
  'Msvm_KvpExchangeDataItem class (learn.microsoft.com/windows/win32/hyperv_v2/msvm-kvpexchangedataitem)';
const WU_BLOG =
  'Integration components: How we determine Windows Update applicability (2014 Virtualization blog)';

export const PARAMETERS_CATALOGUE: readonly CatalogueEntry[] = [
  {
    name: 'HostName',
    key: 'Parameters',
    meaning: 'Name of the Hyper-V host (NetBIOS-like on Azure, sometimes a fully qualified name).',
    kind: 'string',
    source: VPC_DOCS,
    era: 'legacy',
  },
  {
    name: 'PhysicalHostName',
    key: 'Parameters',
    meaning:
      'Computer name of the physical host (NetBIOS style); on a nested host, presumably the VM that runs Hyper-V.',
    kind: 'string',
    source: VPC_DOCS,
    era: 'legacy',
  },
  {
    name: 'PhysicalHostNameFullyQualified',
    key: 'Parameters',
    meaning: 'Fully qualified DNS name of the physical host.',
    kind: 'string',
    source: VPC_DOCS,
    era: 'legacy',
  },
  {
    name: 'VirtualMachineName',
    key: 'Parameters',
    meaning: 'The VM’s name as configured on the host (on Azure a GUID, not the portal name).',
    kind: 'string',
    source: VPC_DOCS,
    era: 'legacy',
  },
  {
    name: 'VirtualMachineId',
    key: 'Parameters',
    meaning: 'The Hyper-V VM’s GUID (upper-case, no braces in real dumps).',
    kind: 'guid',
    source: `${DUMPS}; not in the Virtual PC docs, so a Hyper-V addition`,
    era: 'base',
  },
  {
    name: 'HostingSystemEditionId',
    key: 'Parameters',
    meaning: 'The host’s Windows edition: a GetProductInfo PRODUCT_* number.',
    kind: 'number',
    source: `${DUMPS}; named like Auto\\OSEditionId (${KVP_ITEM_DOC})`,
    era: 'base',
  },
  {
    name: 'HostingSystemOsMajor',
    key: 'Parameters',
    meaning:
      'The host’s Windows major version (10 on Windows 10/11, Windows Server 2016 and later, Azure and Azure Local hosts).',
    kind: 'number',
    source: `${DUMPS}; Windows Update reads it (${WU_BLOG})`,
    era: 'base',
  },
  {
    name: 'HostingSystemOsMinor',
    key: 'Parameters',
    meaning: 'The host’s Windows minor version (0 on 10.0 hosts, 4 on the 2014 Technical Preview).',
    kind: 'number',
    source: `${DUMPS}; Windows Update reads it (${WU_BLOG})`,
    era: 'base',
  },
  {
    name: 'HostingSystemSpMajor',
    key: 'Parameters',
    meaning: 'The host’s service pack major number.',
    kind: 'number',
    source: DUMPS,
    era: 'base',
  },
  {
    name: 'HostingSystemSpMinor',
    key: 'Parameters',
    meaning: 'The host’s service pack minor number.',
    kind: 'number',
    source: DUMPS,
    era: 'base',
  },
  {
    name: 'HostingSystemProcessorArchitecture',
    key: 'Parameters',
    meaning: 'The host’s processor architecture (SYSTEM_INFO.wProcessorArchitecture; 9 = x64).',
    kind: 'number',
    source: `${DUMPS}; named like Auto\\ProcessorArchitecture (${KVP_ITEM_DOC})`,
    inferred: true,
    era: 'base',
  },
  {
    name: 'HostingSystemNestedLevel',
    key: 'Parameters',
    meaning: 'Presumably how deeply the host is itself nested (0 = the host runs on bare metal).',
    kind: 'number',
    source: DUMPS,
    inferred: true,
    era: 'newer',
  },
  {
    name: 'HostingSystemProcessorIdleStateMax',
    key: 'Parameters',
    meaning: 'Presumably the host power plan’s maximum processor idle state.',
    kind: 'number',
    source: DUMPS,
    inferred: true,
    era: 'newer',
  },
  {
    name: 'HostingSystemProcessorThrottleMax',
    key: 'Parameters',
    meaning: 'Presumably the host power plan’s maximum processor state, in percent (0–100).',
    kind: 'number',
    source: `${DUMPS}; powercfg PROCTHROTTLEMAX/MIN are 0–100 % (learn.microsoft.com options-for-perf-state-engine-minperformance)`,
    inferred: true,
    era: 'newer',
  },
  {
    name: 'HostingSystemProcessorThrottleMin',
    key: 'Parameters',
    meaning: 'Presumably the host power plan’s minimum processor state, in percent (0–100).',
    kind: 'number',
    source: `${DUMPS}; powercfg PROCTHROTTLEMAX/MIN are 0–100 % (learn.microsoft.com options-for-perf-state-engine-minperformance)`,
    inferred: true,
    era: 'newer',
  },
  {
    name: 'VirtualMachineDynamicMemoryBalancingEnabled',
    key: 'Parameters',
    meaning: 'Presumably whether the host’s Dynamic Memory balancer is on for this VM (0/1).',
    kind: 'number',
    source: DUMPS,
    inferred: true,
    era: 'newer',
  },
];

function auto(name: string, meaning: string, kind: ValueKind = 'string'): CatalogueEntry {
  return { name, key: 'Auto', meaning, kind, source: KVP_ITEM_DOC };
}

export const AUTO_CATALOGUE: readonly CatalogueEntry[] = [
  auto('CSDVersion', 'The guest’s latest service pack, e.g. "Service Pack 2"; empty if none.'),
  auto(
    'FullyQualifiedDomainName',
    'The guest’s DNS fully qualified name (a cluster’s virtual server name on cluster nodes).',
  ),
  auto(
    'IntegrationServicesVersion',
    'The guest’s integration services version, e.g. "6.3.9600.18080".',
  ),
  auto('NetworkAddressIPv4', 'The guest’s IPv4 addresses, separated by semicolons.'),
  auto('NetworkAddressIPv6', 'The guest’s IPv6 addresses, separated by semicolons.'),
  auto('OSBuildNumber', 'The guest’s Windows build number.'),
  auto('OSEditionId', 'The guest’s edition: a GetProductInfo PRODUCT_* number.', 'number'),
  auto('OSName', 'The guest’s product name, from Windows NT\\CurrentVersion\\ProductName.'),
  auto('OSMajorVersion', 'The guest’s Windows major version.', 'number'),
  auto('OSMinorVersion', 'The guest’s Windows minor version.', 'number'),
  auto('OSPlatformId', '"1" = unsupported Windows, "2" = supported Windows.', 'number'),
  auto('OSVersion', 'The guest’s version as Major.Minor.Build, e.g. "6.1.7601".'),
  auto('ProcessorArchitecture', 'The guest’s processor architecture (9 = x64).', 'number'),
  auto(
    'ProductType',
    'OSVERSIONINFOEX.wProductType: 1 workstation, 2 domain controller, 3 server.',
    'number',
  ),
  auto('RDPAddressIPv4', 'IPv4 addresses the guest’s Remote Desktop listens on.'),
  auto('RDPAddressIPv6', 'IPv6 addresses the guest’s Remote Desktop listens on.'),
  auto('ServicePackMajor', 'The guest’s service pack major number.', 'number'),
  auto('ServicePackMinor', 'The guest’s service pack minor number.', 'number'),
  auto('SuiteMask', 'OSVERSIONINFOEX.wSuiteMask of the guest.', 'number'),
];

export function findCatalogueEntry(
  key: 'Parameters' | 'Auto',
  name: string,
): CatalogueEntry | undefined {
  const table = key === 'Parameters' ? PARAMETERS_CATALOGUE : AUTO_CATALOGUE;
  const wanted = name.toLowerCase();
  return table.find((entry) => entry.name.toLowerCase() === wanted);
}

/** Names of the Hyper-V base set of 11 (§1.4: LIS/LISA "at least 11 items", Windows Admin Center). */
export const BASE_VALUE_NAMES: readonly string[] = PARAMETERS_CATALOGUE.filter(
  (e) => e.era === 'legacy' || e.era === 'base',
).map((e) => e.name);

/** The 5 values newer hosts add (16 in all, §1.4). */
export const NEWER_VALUE_NAMES: readonly string[] = PARAMETERS_CATALOGUE.filter(
  (e) => e.era === 'newer',
).map((e) => e.name);

/** The 4 values of Virtual Server / Virtual PC Additions (§7.8). */
export const LEGACY_VALUE_NAMES: readonly string[] = PARAMETERS_CATALOGUE.filter(
  (e) => e.era === 'legacy',
).map((e) => e.name);
