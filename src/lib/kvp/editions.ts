// HostingSystemEditionId = the host's GetProductInfo PRODUCT_* value (decimal in every dump).
// Sources: "GetProductInfo function (sysinfoapi.h)" (learn.microsoft.com/windows/win32/api/
// sysinfoapi/nf-sysinfoapi-getproductinfo, MicrosoftDocs/sdk-api) for the values and descriptions;
// Windows SDK winnt.h for the SDK-only ids; 168/199 seen on Azure hosts (Azure guests' dumps;
// Microsoft's NdrCollector treats 168 or 199 as "Azure VM"); public SKU tables [3P] where marked.
// The id tells the host's family (server, Hyper-V Server, client, Azure, Azure Local), never its
// release: a 2016 and a 2025 Datacenter host both report 8.

/** What kind of host an edition is. */
export type EditionFamily =
  | 'server'
  | 'hyper-v-server'
  | 'client'
  | 'azure'
  | 'azure-local'
  /** Windows Server Datacenter: Azure Edition — it runs only on Azure or Azure Local, so as a host it is itself a VM. */
  | 'azure-edition'
  | 'other';

/** Whether a host of this edition can run Hyper-V: documented yes or no, or not documented. */
export type HyperVCapability = 'yes' | 'no' | 'unverified';

export interface EditionInfo {
  id: number;
  constant: string;
  description: string;
  family: EditionFamily;
  hyperV: HyperVCapability;
  /** Why it cannot run Hyper-V (a "without Hyper-V" SKU, Home, Starter, …). */
  why?: string;
  /** Host versions this id can come from, when documented; outside them the pair is impossible. */
  hostVersions?: HostVersionRange;
  /** Where the meaning is inferred rather than documented. */
  inferred?: boolean;
}

/** The host versions an edition id can come from; outside them the pair is impossible. */
export interface HostVersionRange {
  from?: [number, number];
  to?: [number, number];
  /** Why, in words. */
  source: string;
  /** The range is an inference, not documented: a pair outside it is unusual, not impossible. */
  inferred?: boolean;
}

type Flags = Partial<Pick<EditionInfo, 'why' | 'hostVersions' | 'inferred'>> & {
  hyperV?: HyperVCapability;
};

function edition(
  id: number,
  constant: string,
  description: string,
  family: EditionFamily,
  flags: Flags = {},
): EditionInfo {
  const { hyperV, ...rest } = flags;
  return {
    id,
    constant,
    description,
    family,
    hyperV: hyperV ?? (rest.why ? 'no' : 'yes'),
    ...rest,
  };
}

const WITHOUT_HYPER_V = 'a “without Hyper-V” edition, which cannot be a Hyper-V host';
// "Install Hyper-V on Windows": Hyper-V "cannot be installed on Windows 10 Home"; client
// Hyper-V needs Enterprise, Pro or Education.
const HOME = 'a Home edition, which has no Hyper-V';
const BASIC_CLIENT = 'a client edition below Pro, which has no Hyper-V';
// Client Hyper-V arrived with Windows 8 (6.2); Vista and 7 never hosted Hyper-V.
const CLIENT_HOSTS = {
  from: [6, 2] as [number, number],
  source: 'client Hyper-V starts with Windows 8',
};
// GetProductInfo: "PRODUCT_*_SERVER_CORE values are not returned in Windows Server 2012, and later".
const CORE_UNTIL_2008R2 = {
  to: [6, 1] as [number, number],
  source: 'GetProductInfo returns *_SERVER_CORE ids only up to Windows Server 2008 R2',
};
// Azure, Azure Local and Azure Edition are all 10.0 products.
const ONLY_10 = {
  from: [10, 0] as [number, number],
  to: [10, 0] as [number, number],
  source: 'Azure, Azure Local and Azure Edition hosts are all Windows 10.0 releases',
};

export const EDITIONS: readonly EditionInfo[] = [
  edition(0x00, 'PRODUCT_UNDEFINED', 'An unknown product', 'other', {
    why: 'an undefined product',
  }),
  edition(0x01, 'PRODUCT_ULTIMATE', 'Ultimate', 'client', { hostVersions: CLIENT_HOSTS }),
  edition(0x02, 'PRODUCT_HOME_BASIC', 'Home Basic', 'client', { why: HOME }),
  edition(0x03, 'PRODUCT_HOME_PREMIUM', 'Home Premium', 'client', { why: HOME }),
  edition(0x04, 'PRODUCT_ENTERPRISE', 'Windows 10 Enterprise', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x05, 'PRODUCT_HOME_BASIC_N', 'Home Basic N', 'client', { why: HOME }),
  edition(0x06, 'PRODUCT_BUSINESS', 'Business', 'client', { hostVersions: CLIENT_HOSTS }),
  edition(0x07, 'PRODUCT_STANDARD_SERVER', 'Server Standard', 'server'),
  edition(0x08, 'PRODUCT_DATACENTER_SERVER', 'Server Datacenter', 'server'),
  edition(0x09, 'PRODUCT_SMALLBUSINESS_SERVER', 'Windows Small Business Server', 'server', {
    hyperV: 'unverified',
  }),
  edition(0x0a, 'PRODUCT_ENTERPRISE_SERVER', 'Server Enterprise (full installation)', 'server', {
    hostVersions: {
      to: [6, 1],
      source: 'Windows Server 2012 and later have no Enterprise edition',
      inferred: true,
    },
  }),
  edition(0x0b, 'PRODUCT_STARTER', 'Starter', 'client', { why: BASIC_CLIENT }),
  edition(
    0x0c,
    'PRODUCT_DATACENTER_SERVER_CORE',
    'Server Datacenter (core installation, Windows Server 2008 R2 and earlier)',
    'server',
    { hostVersions: CORE_UNTIL_2008R2 },
  ),
  edition(
    0x0d,
    'PRODUCT_STANDARD_SERVER_CORE',
    'Server Standard (core installation, Windows Server 2008 R2 and earlier)',
    'server',
    { hostVersions: CORE_UNTIL_2008R2 },
  ),
  edition(
    0x0e,
    'PRODUCT_ENTERPRISE_SERVER_CORE',
    'Server Enterprise (core installation)',
    'server',
    { hostVersions: CORE_UNTIL_2008R2 },
  ),
  edition(0x10, 'PRODUCT_BUSINESS_N', 'Business N', 'client', { hostVersions: CLIENT_HOSTS }),
  edition(0x11, 'PRODUCT_WEB_SERVER', 'Web Server (full installation)', 'server', {
    hyperV: 'unverified',
  }),
  edition(0x12, 'PRODUCT_CLUSTER_SERVER', 'HPC Edition', 'server', { hyperV: 'unverified' }),
  edition(0x1a, 'PRODUCT_HOME_PREMIUM_N', 'Home Premium N', 'client', { why: HOME }),
  edition(0x1b, 'PRODUCT_ENTERPRISE_N', 'Windows 10 Enterprise N', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x1c, 'PRODUCT_ULTIMATE_N', 'Ultimate N', 'client', { hostVersions: CLIENT_HOSTS }),
  edition(0x21, 'PRODUCT_SERVER_FOUNDATION', 'Server Foundation', 'server', {
    hyperV: 'unverified',
  }),
  edition(0x24, 'PRODUCT_STANDARD_SERVER_V', 'Server Standard without Hyper-V', 'server', {
    why: WITHOUT_HYPER_V,
  }),
  edition(0x25, 'PRODUCT_DATACENTER_SERVER_V', 'Server Datacenter without Hyper-V', 'server', {
    why: WITHOUT_HYPER_V,
  }),
  edition(0x26, 'PRODUCT_ENTERPRISE_SERVER_V', 'Server Enterprise without Hyper-V', 'server', {
    why: WITHOUT_HYPER_V,
  }),
  edition(
    0x27,
    'PRODUCT_DATACENTER_SERVER_CORE_V',
    'Server Datacenter without Hyper-V (core installation)',
    'server',
    { why: WITHOUT_HYPER_V },
  ),
  edition(
    0x28,
    'PRODUCT_STANDARD_SERVER_CORE_V',
    'Server Standard without Hyper-V (core installation)',
    'server',
    { why: WITHOUT_HYPER_V },
  ),
  edition(
    0x29,
    'PRODUCT_ENTERPRISE_SERVER_CORE_V',
    'Server Enterprise without Hyper-V (core installation)',
    'server',
    { why: WITHOUT_HYPER_V },
  ),
  edition(0x2a, 'PRODUCT_HYPERV', 'Microsoft Hyper-V Server', 'hyper-v-server'),
  edition(0x2f, 'PRODUCT_STARTER_N', 'Starter N', 'client', { why: BASIC_CLIENT }),
  edition(0x30, 'PRODUCT_PROFESSIONAL', 'Windows 10 Pro', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x31, 'PRODUCT_PROFESSIONAL_N', 'Windows 10 Pro N', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x46, 'PRODUCT_ENTERPRISE_E', 'Windows 10 Enterprise E', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x48, 'PRODUCT_ENTERPRISE_EVALUATION', 'Windows 10 Enterprise Evaluation', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(
    0x4f,
    'PRODUCT_STANDARD_EVALUATION_SERVER',
    'Server Standard (evaluation installation)',
    'server',
  ),
  edition(
    0x50,
    'PRODUCT_DATACENTER_EVALUATION_SERVER',
    'Server Datacenter (evaluation installation)',
    'server',
  ),
  edition(0x54, 'PRODUCT_ENTERPRISE_N_EVALUATION', 'Windows 10 Enterprise N Evaluation', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x62, 'PRODUCT_CORE_N', 'Windows 10 Home N', 'client', { why: HOME }),
  edition(0x63, 'PRODUCT_CORE_COUNTRYSPECIFIC', 'Windows 10 Home China', 'client', { why: HOME }),
  edition(0x64, 'PRODUCT_CORE_SINGLELANGUAGE', 'Windows 10 Home Single Language', 'client', {
    why: HOME,
  }),
  edition(0x65, 'PRODUCT_CORE', 'Windows 10 Home', 'client', { why: HOME }),
  edition(0x67, 'PRODUCT_PROFESSIONAL_WMC', 'Professional with Media Center', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x6d, 'PRODUCT_NANO_SERVER', 'Nano Server', 'server'),
  edition(0x77, 'PRODUCT_PPI_PRO', 'Windows 10 Team', 'client', {
    hyperV: 'unverified',
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x78, 'PRODUCT_ARM64_SERVER', 'Windows Server for ARM64', 'server', {
    hyperV: 'unverified',
  }),
  edition(0x79, 'PRODUCT_EDUCATION', 'Windows 10 Education', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x7a, 'PRODUCT_EDUCATION_N', 'Windows 10 Education N', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(
    0x7c,
    'PRODUCT_CLOUD_HOST_INFRASTRUCTURE_SERVER',
    'Cloud host infrastructure server',
    'server',
  ),
  // The same id serves every Enterprise LTSB/LTSC release [inference: the doc names only 2015 LTSB].
  edition(0x7d, 'PRODUCT_ENTERPRISE_S', 'Windows 10 Enterprise LTSB/LTSC', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0x7e, 'PRODUCT_ENTERPRISE_S_N', 'Windows 10 Enterprise LTSB/LTSC N', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(
    0x81,
    'PRODUCT_ENTERPRISE_S_EVALUATION',
    'Windows 10 Enterprise LTSB/LTSC Evaluation',
    'client',
    { hostVersions: CLIENT_HOSTS },
  ),
  edition(
    0x82,
    'PRODUCT_ENTERPRISE_S_N_EVALUATION',
    'Windows 10 Enterprise LTSB/LTSC N Evaluation',
    'client',
    { hostVersions: CLIENT_HOSTS },
  ),
  edition(0x8f, 'PRODUCT_DATACENTER_NANO_SERVER', 'Datacenter Nano Server', 'server'),
  edition(0x90, 'PRODUCT_STANDARD_NANO_SERVER', 'Standard Nano Server', 'server'),
  edition(
    0x91,
    'PRODUCT_DATACENTER_A_SERVER_CORE',
    'Server Datacenter, Semi-Annual Channel (core installation)',
    'server',
  ),
  edition(
    0x92,
    'PRODUCT_STANDARD_A_SERVER_CORE',
    'Server Standard, Semi-Annual Channel (core installation)',
    'server',
  ),
  // Undocumented; SKU tables map them to the EditionIDs ServerDatacenterCor/ServerStandardCor [3P].
  edition(0x93, 'PRODUCT_DATACENTER_WS_SERVER_CORE', 'Datacenter WS Server Core', 'server', {
    inferred: true,
  }),
  edition(0x94, 'PRODUCT_STANDARD_WS_SERVER_CORE', 'Standard WS Server Core', 'server', {
    inferred: true,
  }),
  // The utility VM of Windows containers is itself a guest; as a host it is implausible [inference].
  edition(0x95, 'PRODUCT_UTILITY_VM', 'Utility VM (Windows containers)', 'other', {
    why: 'the utility VM of Windows containers, itself a guest',
    inferred: true,
  }),
  edition(
    0x9f,
    'PRODUCT_DATACENTER_EVALUATION_SERVER_CORE',
    'Server Datacenter evaluation (core installation)',
    'server',
  ),
  edition(
    0xa0,
    'PRODUCT_STANDARD_EVALUATION_SERVER_CORE',
    'Server Standard evaluation (core installation)',
    'server',
  ),
  edition(0xa1, 'PRODUCT_PRO_WORKSTATION', 'Windows 10 Pro for Workstations', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0xa2, 'PRODUCT_PRO_WORKSTATION_N', 'Windows 10 Pro for Workstations N', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0xa3, 'PRODUCT_AZURE_SERVER', 'Azure host', 'azure', {
    hostVersions: ONLY_10,
    inferred: true,
  }),
  edition(0xa4, 'PRODUCT_PRO_FOR_EDUCATION', 'Windows 10 Pro Education', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0xa5, 'PRODUCT_PRO_FOR_EDUCATION_N', 'Windows 10 Pro Education N', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0xa8, 'PRODUCT_AZURE_SERVER_CORE', 'Azure host (seen on Azure VMs)', 'azure', {
    hostVersions: ONLY_10,
  }),
  edition(0xa9, 'PRODUCT_AZURE_NANO_SERVER', 'Azure Nano Server host', 'azure', {
    hostVersions: ONLY_10,
  }),
  edition(
    0xaf,
    'PRODUCT_SERVERRDSH',
    'Windows 10 Enterprise for Virtual Desktops (multi-session)',
    'client',
    { hostVersions: CLIENT_HOSTS },
  ),
  edition(0xbc, 'PRODUCT_IOTENTERPRISE', 'Windows IoT Enterprise', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0xbf, 'PRODUCT_IOTENTERPRISE_S', 'Windows IoT Enterprise LTSC', 'client', {
    hostVersions: CLIENT_HOSTS,
  }),
  edition(0xc7, 'PRODUCT_AZURE_SERVER_CLOUDHOST', 'Azure cloud host (seen on Azure VMs)', 'azure', {
    hostVersions: ONLY_10,
  }),
  edition(0xc8, 'PRODUCT_AZURE_SERVER_CLOUDMOS', 'Azure cloud MOS host', 'azure', {
    hostVersions: ONLY_10,
  }),
  edition(0xc9, 'PRODUCT_AZURE_SERVER_CLOUDCORE', 'Azure cloud core host', 'azure', {
    hostVersions: ONLY_10,
    inferred: true,
  }),
  edition(0xd0, 'PRODUCT_AZURE_SERVER_AGENTBRIDGE', 'Azure agent bridge host', 'azure', {
    hostVersions: ONLY_10,
  }),
  edition(0xd1, 'PRODUCT_AZURE_SERVER_NANOHOST', 'Azure Nano host', 'azure', {
    hostVersions: ONLY_10,
  }),
  // EditionID ServerAzureStackHCICor; Azure Local ISOs are named …SERVERAZURESTACKHCICOR…, and
  // public scripts detect Azure Local by OperatingSystemSKU 406 [3P].
  edition(
    0x196,
    'PRODUCT_AZURESTACKHCI_SERVER_CORE',
    'Azure Local (formerly Azure Stack HCI)',
    'azure-local',
    { hostVersions: ONLY_10 },
  ),
  // Azure Edition "can run only on Azure infrastructure" (Azure Local docs, "Azure verification
  // for VMs"): as a host it is itself a VM on Azure or Azure Local, so its guests are nested.
  edition(
    0x197,
    'PRODUCT_DATACENTER_SERVER_AZURE_EDITION',
    'Windows Server Datacenter: Azure Edition',
    'azure-edition',
    { hostVersions: ONLY_10 },
  ),
  edition(
    0x198,
    'PRODUCT_DATACENTER_SERVER_CORE_AZURE_EDITION',
    'Windows Server Datacenter: Azure Edition (core)',
    'azure-edition',
    { hostVersions: ONLY_10 },
  ),
  edition(
    0x199,
    'PRODUCT_DATACENTER_WS_SERVER_CORE_AZURE_EDITION',
    'Windows Server Datacenter WS: Azure Edition (core)',
    'azure-edition',
    { hostVersions: ONLY_10 },
  ),
  edition(0xabcdabcd, 'PRODUCT_UNLICENSED', 'Unlicensed product', 'other', {
    why: 'an unlicensed product',
  }),
];

const BY_ID = new Map(EDITIONS.map((e) => [e.id, e]));

export function findEdition(id: number): EditionInfo | undefined {
  return BY_ID.get(id);
}

/** "8 → PRODUCT_DATACENTER_SERVER (Server Datacenter)". */
export function describeEdition(id: number): string {
  const known = findEdition(id);
  if (!known) return `${id} → not a PRODUCT_* value this version of KVP Analyzer knows`;
  const caveat = known.why ? ` — ${known.why}` : '';
  return `${id} → ${known.constant} (${known.description})${caveat}`;
}

function compare(a: [number, number], b: { major: number; minor: number }): number {
  return a[0] !== b.major ? a[0] - b.major : a[1] - b.minor;
}

/** The range an edition's id falls outside of for a host of this version, or null when it fits. */
export function outsideHostVersions(
  edition: EditionInfo,
  host: { major: number; minor: number },
): HostVersionRange | null {
  const range = edition.hostVersions;
  if (!range) return null;
  if (range.from && compare(range.from, host) > 0) return range;
  if (range.to && compare(range.to, host) < 0) return range;
  return null;
}
