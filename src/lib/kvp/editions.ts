// HostingSystemEditionId = the host's GetProductInfo PRODUCT_* value (decimal in every dump).
// Source: kvp-reference.md §3.3 — Windows SDK winnt.h PRODUCT_* block and MicrosoftDocs/sdk-api
// `sdk-api-src/content/sysinfoapi/nf-sysinfoapi-getproductinfo.md` (descriptions). 168/199 seen on
// Azure hosts (dumps §7.1, §7.2; Microsoft NdrCollector treats 168 or 199 as "Azure VM", §7.6).
// Note (same doc): 2012+ Datacenter hosts report 8 whether core or full installation.

export interface EditionInfo {
  id: number;
  constant: string;
  description: string;
  /** Whether a host of this edition can run Hyper-V at all. */
  canRunHyperV: boolean;
  /** A "… without Hyper-V" SKU (PRODUCT_*_V): cannot be a Hyper-V host → suspicious. */
  withoutHyperV?: boolean;
  /** Windows Home: no Hyper-V role → suspicious as a host. */
  home?: boolean;
  /** Where the meaning is inferred rather than documented. */
  inferred?: boolean;
}

function edition(
  id: number,
  constant: string,
  description: string,
  flags: Partial<Pick<EditionInfo, 'withoutHyperV' | 'home' | 'inferred'>> & {
    canRunHyperV?: boolean;
  } = {},
): EditionInfo {
  const { canRunHyperV, ...rest } = flags;
  const blocked = Boolean(flags.withoutHyperV || flags.home);
  return { id, constant, description, canRunHyperV: canRunHyperV ?? !blocked, ...rest };
}

export const EDITIONS: readonly EditionInfo[] = [
  edition(0x00, 'PRODUCT_UNDEFINED', 'An unknown product', { canRunHyperV: false }),
  edition(0x04, 'PRODUCT_ENTERPRISE', 'Windows 10 Enterprise'),
  edition(0x07, 'PRODUCT_STANDARD_SERVER', 'Server Standard (full installation)'),
  edition(0x08, 'PRODUCT_DATACENTER_SERVER', 'Server Datacenter (full installation)'),
  edition(0x0a, 'PRODUCT_ENTERPRISE_SERVER', 'Server Enterprise (full installation)'),
  edition(
    0x0c,
    'PRODUCT_DATACENTER_SERVER_CORE',
    'Server Datacenter (core installation, 2008 R2 and earlier)',
  ),
  edition(
    0x0d,
    'PRODUCT_STANDARD_SERVER_CORE',
    'Server Standard (core installation, 2008 R2 and earlier)',
  ),
  edition(0x0e, 'PRODUCT_ENTERPRISE_SERVER_CORE', 'Server Enterprise (core installation)'),
  edition(0x1b, 'PRODUCT_ENTERPRISE_N', 'Windows 10 Enterprise N'),
  edition(0x24, 'PRODUCT_STANDARD_SERVER_V', 'Server Standard without Hyper-V', {
    withoutHyperV: true,
  }),
  edition(0x25, 'PRODUCT_DATACENTER_SERVER_V', 'Server Datacenter without Hyper-V', {
    withoutHyperV: true,
  }),
  edition(0x26, 'PRODUCT_ENTERPRISE_SERVER_V', 'Server Enterprise without Hyper-V', {
    withoutHyperV: true,
  }),
  edition(
    0x27,
    'PRODUCT_DATACENTER_SERVER_CORE_V',
    'Server Datacenter without Hyper-V (core installation)',
    { withoutHyperV: true },
  ),
  edition(
    0x28,
    'PRODUCT_STANDARD_SERVER_CORE_V',
    'Server Standard without Hyper-V (core installation)',
    { withoutHyperV: true },
  ),
  edition(
    0x29,
    'PRODUCT_ENTERPRISE_SERVER_CORE_V',
    'Server Enterprise without Hyper-V (core installation)',
    { withoutHyperV: true },
  ),
  edition(0x2a, 'PRODUCT_HYPERV', 'Microsoft Hyper-V Server'),
  edition(0x30, 'PRODUCT_PROFESSIONAL', 'Windows 10 Pro'),
  edition(0x31, 'PRODUCT_PROFESSIONAL_N', 'Windows 10 Pro N'),
  edition(0x48, 'PRODUCT_ENTERPRISE_EVALUATION', 'Windows 10 Enterprise Evaluation'),
  edition(0x4f, 'PRODUCT_STANDARD_EVALUATION_SERVER', 'Server Standard (evaluation installation)'),
  edition(
    0x50,
    'PRODUCT_DATACENTER_EVALUATION_SERVER',
    'Server Datacenter (evaluation installation)',
  ),
  edition(0x65, 'PRODUCT_CORE', 'Windows 10 Home', { home: true }),
  edition(0x6d, 'PRODUCT_NANO_SERVER', 'Nano Server'),
  edition(0x79, 'PRODUCT_EDUCATION', 'Windows 10 Education'),
  edition(0x7a, 'PRODUCT_EDUCATION_N', 'Windows 10 Education N'),
  edition(0x7c, 'PRODUCT_CLOUD_HOST_INFRASTRUCTURE_SERVER', 'Cloud host infrastructure server'),
  edition(0x7d, 'PRODUCT_ENTERPRISE_S', 'Windows 10 Enterprise 2015 LTSB'),
  edition(0x8f, 'PRODUCT_DATACENTER_NANO_SERVER', 'Datacenter Nano Server'),
  edition(0x90, 'PRODUCT_STANDARD_NANO_SERVER', 'Standard Nano Server'),
  edition(
    0x91,
    'PRODUCT_DATACENTER_A_SERVER_CORE',
    'Server Datacenter, Semi-Annual Channel (core installation)',
  ),
  edition(
    0x92,
    'PRODUCT_STANDARD_A_SERVER_CORE',
    'Server Standard, Semi-Annual Channel (core installation)',
  ),
  edition(0x93, 'PRODUCT_DATACENTER_WS_SERVER_CORE', 'Datacenter WS Server Core'),
  edition(0x94, 'PRODUCT_STANDARD_WS_SERVER_CORE', 'Standard WS Server Core'),
  // The utility VM of Windows containers is itself a guest; as a host it is implausible [inference].
  edition(0x95, 'PRODUCT_UTILITY_VM', 'Utility VM (Windows containers)', {
    canRunHyperV: false,
    inferred: true,
  }),
  edition(
    0x9f,
    'PRODUCT_DATACENTER_EVALUATION_SERVER_CORE',
    'Server Datacenter evaluation (core installation)',
  ),
  edition(
    0xa0,
    'PRODUCT_STANDARD_EVALUATION_SERVER_CORE',
    'Server Standard evaluation (core installation)',
  ),
  edition(0xa1, 'PRODUCT_PRO_WORKSTATION', 'Windows 10 Pro for Workstations'),
  edition(0xa2, 'PRODUCT_PRO_WORKSTATION_N', 'Windows 10 Pro for Workstations N'),
  edition(0xa4, 'PRODUCT_PRO_FOR_EDUCATION', 'Windows 10 Pro Education'),
  edition(0xa5, 'PRODUCT_PRO_FOR_EDUCATION_N', 'Windows 10 Pro Education N'),
  edition(0xa8, 'PRODUCT_AZURE_SERVER_CORE', 'Azure host (seen on Azure VMs)'),
  edition(0xa9, 'PRODUCT_AZURE_NANO_SERVER', 'Azure Nano Server host'),
  // Commonly Windows 10/11 Enterprise multi-session [unverified] (§3.3).
  edition(0xaf, 'PRODUCT_SERVERRDSH', 'Windows Enterprise multi-session', { inferred: true }),
  edition(0xc7, 'PRODUCT_AZURE_SERVER_CLOUDHOST', 'Azure cloud host (seen on Azure VMs)'),
  edition(0xc8, 'PRODUCT_AZURE_SERVER_CLOUDMOS', 'Azure cloud MOS host'),
  edition(0xd0, 'PRODUCT_AZURE_SERVER_AGENTBRIDGE', 'Azure agent bridge host'),
  edition(0xd1, 'PRODUCT_AZURE_SERVER_NANOHOST', 'Azure Nano host'),
  // Azure Stack HCI host [inference from the name] (§3.3).
  edition(0x196, 'PRODUCT_AZURESTACKHCI_SERVER_CORE', 'Azure Stack HCI', { inferred: true }),
  edition(0x197, 'PRODUCT_DATACENTER_SERVER_AZURE_EDITION', 'Server Datacenter: Azure Edition'),
  edition(
    0x198,
    'PRODUCT_DATACENTER_SERVER_CORE_AZURE_EDITION',
    'Server Datacenter: Azure Edition (core)',
  ),
  edition(
    0x199,
    'PRODUCT_DATACENTER_WS_SERVER_CORE_AZURE_EDITION',
    'Datacenter WS Server Core: Azure Edition',
  ),
  edition(0xabcdabcd, 'PRODUCT_UNLICENSED', 'Unlicensed product', { canRunHyperV: false }),
];

export function findEdition(id: number): EditionInfo | undefined {
  return EDITIONS.find((e) => e.id === id);
}

/** "8 → PRODUCT_DATACENTER_SERVER (Server Datacenter (full installation))". */
export function describeEdition(id: number): string {
  const known = findEdition(id);
  if (!known) return `${id} → not a known PRODUCT_* value`;
  const caveat = known.withoutHyperV
    ? ' — a "without Hyper-V" edition, which cannot be a Hyper-V host'
    : known.home
      ? ' — a Home edition, which has no Hyper-V role'
      : '';
  return `${id} → ${known.constant} (${known.description})${caveat}`;
}
