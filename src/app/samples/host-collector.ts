// A Windows Server 2022 Hyper-V host's collector file, as public/kvp-collector.ps1 writes it
// (format 1, ConvertTo-Json -Depth 6 in Windows PowerShell 5.1, saved as UTF-8 without a
// byte-order mark) for three VMs:
// - WEB-FRONT01, Windows Server 2022: Data Exchange on, every integration service OK, its items
//   reported;
// - SQL-BI02: Key-Value Pair Exchange (Data Exchange) disabled on the host, so the host sees no
//   items of the guest and Hyper-V Manager shows it no IP address (hashicorp/vagrant #8551);
// - FILE-OLD03, Windows Server 2012 R2 whose integration components were never updated: its
//   services report SecondaryOperationalStatus ProtocolMismatch (Get-VMIntegrationService's
//   example of out-of-date services), with the status text KB4014894 quotes.
// Service ids are Hyper-V's, the same in every language ("Microsoft:<VM id>\<service id>").
import { convertToJson51, type Json } from './powershell-json.ts';

const SERVICE_IDS = {
  'Guest Service Interface': '6C09BB55-D683-4DA0-8931-C9BF705F6480',
  Heartbeat: '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47',
  'Key-Value Pair Exchange': '2A34B1C2-FD73-4043-8A5B-DD2159BC743F',
  Shutdown: '9F8233AC-BE49-4C79-8EE3-E7E1985B2077',
  'Time Synchronization': '2497F4DE-E9FA-4204-80E4-4B75C46419C0',
  VSS: '5CED1297-4598-4915-A5FC-AD21BB4D02A4',
} as const;

type ServiceName = keyof typeof SERVICE_IDS;
type ServiceState = 'ok' | 'disabled' | 'mismatch';

const MISMATCH_TEXT =
  'The protocol version of the component installed in the virtual machine does not match the version expected by the hosting system';

function service(vmId: string, name: ServiceName, state: ServiceState): Json {
  const on = state !== 'disabled';
  return {
    name,
    id: `Microsoft:${vmId.toUpperCase()}\\${SERVICE_IDS[name]}`,
    enabled: on,
    primaryStatus: on ? 'Ok' : null,
    primaryStatusDescription: on ? 'OK' : null,
    secondaryStatus: state === 'mismatch' ? 'ProtocolMismatch' : null,
    secondaryStatusDescription: state === 'mismatch' ? MISMATCH_TEXT : null,
  };
}

/** Every service in Get-VMIntegrationService's order; Guest Service Interface is off by default. */
function services(vmId: string, states: Partial<Record<ServiceName, ServiceState>>): Json[] {
  return (Object.keys(SERVICE_IDS) as ServiceName[]).map((name) =>
    service(vmId, name, states[name] ?? (name === 'Guest Service Interface' ? 'disabled' : 'ok')),
  );
}

/** GuestIntrinsicExchangeItems as name/data pairs, in the order Windows guests report them. */
function items(values: Record<string, string>): Json[] {
  return Object.entries(values).map(([name, data]) => ({ name, data }));
}

function vm(
  name: string,
  id: string,
  configurationVersion: string,
  integrationServices: Json[],
  intrinsic: Json[],
): Json {
  return {
    name,
    id,
    state: 'Running',
    generation: 2,
    configurationVersion,
    integrationServices,
    guestIntrinsicItems: intrinsic,
    guestItems: [],
    disableHostKvpItems: false,
    errors: [],
  };
}

const WEB = '5f0c3a71-9e2d-4b84-a613-d7e28b4c0f95';
const SQL = 'a2d94e60-7b1f-4c38-9e05-63c8f1b72d4a';
const FILE = '1e7b5c93-06a4-4f2d-b8e1-9c3d70a52f68';

export const COLLECTOR: Json = {
  kvpAnalyzerCollector: 1,
  collectedAt: '2026-12-01T09:42:17.5306418Z',
  host: {
    name: 'HV22-N03',
    osName: 'Microsoft Windows Server 2022 Datacenter',
    version: '10.0.20348',
    build: 20348,
    editionId: 8,
    manufacturer: 'Dell Inc.',
    model: 'PowerEdge R750',
  },
  vms: [
    vm(
      'WEB-FRONT01',
      WEB,
      '10.0',
      services(WEB, {}),
      items({
        FullyQualifiedDomainName: 'WEB-FRONT01.corp.tailspin.example',
        OSName: 'Windows Server 2022 Datacenter',
        OSVersion: '10.0.20348',
        CSDVersion: '',
        OSMajorVersion: '10',
        OSMinorVersion: '0',
        OSBuildNumber: '20348',
        OSPlatformId: '2',
        ServicePackMajor: '0',
        ServicePackMinor: '0',
        SuiteMask: '400',
        ProductType: '3',
        OSEditionId: '8',
        ProcessorArchitecture: '9',
        IntegrationServicesVersion: '10.0.20348.1',
        NetworkAddressIPv4: '10.40.3.21',
        NetworkAddressIPv6: 'fe80::b17c:42e9:0d5a:6f83',
        RDPAddressIPv4: '10.40.3.21',
      }),
    ),
    // Data Exchange off: the host reads nothing from the guest.
    vm('SQL-BI02', SQL, '10.0', services(SQL, { 'Key-Value Pair Exchange': 'disabled' }), []),
    vm(
      'FILE-OLD03',
      FILE,
      '5.0',
      services(FILE, {
        Heartbeat: 'mismatch',
        'Key-Value Pair Exchange': 'mismatch',
        Shutdown: 'mismatch',
        'Time Synchronization': 'mismatch',
        VSS: 'mismatch',
      }),
      items({
        FullyQualifiedDomainName: 'FILE-OLD03.corp.tailspin.example',
        OSName: 'Windows Server 2012 R2 Standard',
        OSVersion: '6.3.9600',
        CSDVersion: '',
        OSMajorVersion: '6',
        OSMinorVersion: '3',
        OSBuildNumber: '9600',
        OSPlatformId: '2',
        ServicePackMajor: '0',
        ServicePackMinor: '0',
        SuiteMask: '272',
        ProductType: '3',
        OSEditionId: '7',
        ProcessorArchitecture: '9',
        IntegrationServicesVersion: '6.3.9600.16384',
        NetworkAddressIPv4: '10.40.3.57',
        NetworkAddressIPv6: 'fe80::6c2d:9a14:e5b0:3f72',
        RDPAddressIPv4: '10.40.3.57',
      }),
    ),
  ],
};

/** The file's bytes: UTF-8 without a byte-order mark, as the script saves it. */
export function bytes(): Uint8Array {
  return new TextEncoder().encode(convertToJson51(COLLECTOR));
}
