// The host's own view, from the host collector script (public/kvp-collector.ps1): the Hyper-V
// host's exact OS and the VM as Hyper-V sees it. Sources: Get-VM, Get-VMIntegrationService
// (https://learn.microsoft.com/powershell/module/hyper-v/get-vmintegrationservice), and
// Msvm_KvpExchangeComponentSettingData.DisableHostKVPItems (Windows 10 1703+,
// https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-kvpexchangecomponentsettingdata).
import { fromLine, type Locator } from './provenance.ts';
import type { OsVersion } from './snapshot.ts';

export interface HostFacts {
  /** The host's computer name. */
  name: string;
  /** e.g. "Microsoft Windows Server 2022 Datacenter". */
  osName?: string;
  /** "major.minor.build", exact: the release is known here (unlike Guest\Parameters' 10.0). */
  version: string;
  build?: number;
  /** GetProductInfo PRODUCT_* value, as HostingSystemEditionId would say it. */
  editionId?: number;
  edition?: string;
  /** Win32_ComputerSystem's: "Microsoft Corporation" and "Virtual Machine" when the host is
   * itself a Hyper-V VM (nested). */
  manufacturer?: string;
  model?: string;
  /** When the collector ran (ISO 8601 text, as the file says it). */
  collectedAt?: string;
}

export interface IntegrationServiceFacts {
  /** As Hyper-V names it, in the host's language ("Key-Value Pair Exchange"). */
  name: string;
  /** "Microsoft:<VM id>\<service id>": the same in every language. */
  id?: string;
  enabled: boolean;
  /** PrimaryOperationalStatus, e.g. "Ok", "NoContact". */
  primaryStatus?: string;
  primaryStatusDescription?: string;
  /** SecondaryOperationalStatus, e.g. "ProtocolMismatch" (the guest's integration components are
   * out of date). */
  secondaryStatus?: string;
  secondaryStatusDescription?: string;
}

export interface VmFacts {
  name: string;
  id: string;
  /** e.g. "Running", "Off". */
  state: string;
  generation?: number;
  configurationVersion?: string;
  integrationServices: IntegrationServiceFacts[];
  /** GuestExchangeItems: what programs in the guest pushed to the host (Virtual Machine\Guest). */
  guestItems?: { name: string; data: string }[];
  /** The host withholds its own values from this guest on purpose; null when the host has no
   * such setting (before Windows 10 1703) or it could not be read. */
  disableHostKvpItems: boolean | null;
  /** What the collector could not read for this VM, in its words. */
  errors: string[];
  /** 0-based position of the VM in the collector file. */
  index: number;
}

/** Where the host's facts sit in a collector file. */
export const HOST_PLACE: Locator = { kind: 'place', text: 'the host part of the collector file' };

const VERSION = /^\s*(\d{1,3})\.(\d{1,3})(?:\.(\d+))?/;

/** The host's version as the collector gives it (exact, with its build), or null. */
export function hostVersionOf(host: HostFacts): OsVersion | null {
  const match = VERSION.exec(host.version);
  if (!match) return null;
  const os: OsVersion = {
    major: Number(match[1]),
    minor: Number(match[2]),
    from: 'Collector',
    facts: [{ name: 'host OS version', value: host.version, provenance: fromLine(1, HOST_PLACE) }],
  };
  const build = host.build ?? (match[3] === undefined ? undefined : Number(match[3]));
  if (build !== undefined) os.build = String(build);
  if (host.osName !== undefined) os.productName = host.osName;
  return os;
}

/**
 * The Data Exchange integration service of a VM as its host lists it: by the service's id, the
 * same in every language (Msvm_KvpExchangeComponent's DeviceID "Microsoft:2A34B1C2-FD73-4043-8A5B-
 * DD2159BC743F", as public Hyper-V scripts map it [3P]), else by its English name.
 */
export function dataExchangeService(vm: VmFacts): IntegrationServiceFacts | undefined {
  const KVP_ID = '2a34b1c2-fd73-4043-8a5b-dd2159bc743f';
  return (
    vm.integrationServices.find((s) => s.id?.toLowerCase().endsWith(KVP_ID)) ??
    vm.integrationServices.find((s) => s.name === 'Key-Value Pair Exchange')
  );
}

/**
 * Whether the host is itself a Hyper-V VM: Win32_ComputerSystem says Manufacturer "Microsoft
 * Corporation" and Model "Virtual Machine" in a Hyper-V guest, as VM-detection scripts read it [3P].
 */
export function hostIsHyperVGuest(host: HostFacts): boolean {
  return host.manufacturer === 'Microsoft Corporation' && host.model === 'Virtual Machine';
}
