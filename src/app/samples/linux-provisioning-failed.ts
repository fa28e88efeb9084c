// An Ubuntu 24.04 VM on Azure whose first boot failed to provision, collected as the page asks:
// `sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv`. The five pool files of hv_kvp_daemon
// (all five are created when it starts, tools/hv/hv_kvp_daemon.c), mode 0644:
// - pool 3, the host's 16 values as an Azure host writes them (kvp-reference.md §7.1–§7.2:
//   edition 168, one unqualified node name, the VM named by a lower-case GUID), written after
//   the boot began, so they are this boot's;
// - pool 1, cloud-init's events (cloudinit/reporting/handlers.py: key
//   CLOUD_INIT|<boot time>|<type>|<name>|<uuid>, compact JSON values) while it waited five
//   minutes for a DHCP lease, and the PROVISIONING_REPORT it sent the host
//   (cloudinit/sources/azure/errors.py, ReportableErrorDhcpLease: reason, agent, duration,
//   interface, vm_id, timestamp, documentation_url, `|`-separated); the reason is one of those
//   "Troubleshooting VM provisioning with cloud-init" lists;
// - pools 0, 2 and 4 empty: the host sent no items of its own, and the daemon answers pool 2's
//   questions itself.
import { gzipSync } from 'fflate';
import { poolFile } from './pool-records.ts';
import { ustar, type UstarEntry } from './ustar.ts';

/** The boot, in seconds since 1970: cloud-init's "incarnation". */
const BOOT = Date.UTC(2026, 10, 30, 8, 14, 5) / 1000;
/** hv_kvp_daemon started, and the host wrote pool 3, a few seconds into the boot. */
const POOL3_WRITTEN = BOOT + 9;

const AGENT = 'Cloud-Init/24.4-0ubuntu1~24.04.2';
/** The VM's SMBIOS system UUID, which cloud-init reports as vm_id (cloudinit/sources/azure/identity.py). */
const VM_ID = '3d8e1f27-b5a4-4c09-8e62-0f7d9a4c1b35';

export const POOL3: readonly (readonly [string, string])[] = [
  ['HostName', 'DB5AA0603140712'],
  ['HostingSystemEditionId', '168'],
  ['HostingSystemNestedLevel', '0'],
  ['HostingSystemOsMajor', '10'],
  ['HostingSystemOsMinor', '0'],
  ['HostingSystemProcessorArchitecture', '9'],
  ['HostingSystemProcessorIdleStateMax', '0'],
  ['HostingSystemProcessorThrottleMax', '100'],
  ['HostingSystemProcessorThrottleMin', '100'],
  ['HostingSystemSpMajor', '0'],
  ['HostingSystemSpMinor', '0'],
  ['PhysicalHostName', 'DB5AA0603140712'],
  ['PhysicalHostNameFullyQualified', 'DB5AA0603140712'],
  ['VirtualMachineDynamicMemoryBalancingEnabled', '0'],
  ['VirtualMachineId', '8A1F4C62-D03B-4E97-A5C8-26B9E0F7D314'],
  ['VirtualMachineName', 'c47e2a90-1d3b-4f58-96ae-7b0c5d2e8f14'],
];

/** When, as cloud-init writes it: UTC, microseconds, a Z. */
function ts(secondsAfterBoot: number): string {
  return new Date(Math.round((BOOT + secondsAfterBoot) * 1000)).toISOString().replace('Z', '000Z');
}

interface CloudInitEvent {
  type: 'start' | 'finish' | 'diagnostic';
  name: string;
  at: number;
  msg: string;
  result?: 'SUCCESS' | 'FAIL';
  uuid: string;
}

const EVENTS: readonly CloudInitEvent[] = [
  {
    type: 'start',
    name: 'init-local',
    at: 6.112,
    msg: 'searching for local datasources',
    uuid: '0b6f2d3e-8a41-4c7d-9e15-3f0a7c2b9d64',
  },
  {
    type: 'start',
    name: 'init-local/search-Azure',
    at: 6.297,
    msg: 'searching for local data from DataSourceAzure',
    uuid: '5e9a1c07-2d6b-4f83-a0c4-81b7e3f29d50',
  },
  {
    type: 'start',
    name: 'azure-ds/obtain-dhcp-lease',
    at: 6.84,
    msg: 'obtain dhcp lease',
    uuid: 'a3c7e1f9-4b20-4d6e-8f5a-9c0d2b7e1a38',
  },
  {
    type: 'diagnostic',
    name: 'diagnostic message',
    at: 66.905,
    msg: 'Failed to obtain DHCP lease (iface=eth0)',
    uuid: 'd2f04b8c-7e1a-4935-b6c0-5a8e3d1f7c29',
  },
  {
    type: 'finish',
    name: 'azure-ds/obtain-dhcp-lease',
    at: 307.252,
    msg: 'obtain dhcp lease',
    result: 'FAIL',
    uuid: '7c1e9b2a-3f58-4d04-a6e7-0b4d8c2f5e91',
  },
];

function eventRecord(event: CloudInitEvent): [string, string] {
  const key = `CLOUD_INIT|${BOOT}|${event.type}|${event.name}|${event.uuid}`;
  // Python's json.dumps(…, separators=(",", ":")): keys in this order, result only on finish.
  const value = JSON.stringify({
    name: event.name,
    type: event.type,
    ts: ts(event.at),
    ...(event.result ? { result: event.result } : {}),
    msg: event.msg,
  });
  return [key, value];
}

/** Python's datetime.utcnow().isoformat(): no zone, microseconds. */
const FAILED_AT = new Date(Math.round((BOOT + 307.254) * 1000)).toISOString().replace('Z', '000');

export const PROVISIONING_REPORT = [
  'result=error',
  'reason=failure to obtain DHCP lease',
  `agent=${AGENT}`,
  'duration=300.4123740196228',
  'interface=eth0',
  `vm_id=${VM_ID}`,
  `timestamp=${FAILED_AT}`,
  'documentation_url=https://aka.ms/linuxprovisioningerror',
].join('|');

const POOL1: readonly (readonly [string, string])[] = [
  ...EVENTS.map(eventRecord),
  ['PROVISIONING_REPORT', PROVISIONING_REPORT],
];

function entry(name: string, mtime: number, bytes?: Uint8Array): UstarEntry {
  return bytes
    ? { name: `hyperv/${name}`, type: 'file', mode: 0o644, mtime, bytes }
    : { name: `hyperv/${name}`, type: 'directory', mode: 0o755, mtime };
}

/** The .tar.gz, built from the records above. */
export function bytes(): Uint8Array {
  const empty = new Uint8Array(0);
  const pool1Written = Math.floor(BOOT + 307.254);
  const tar = ustar([
    entry('', pool1Written),
    entry('.kvp_pool_0', POOL3_WRITTEN, empty),
    entry('.kvp_pool_1', pool1Written, poolFile(POOL1)),
    entry('.kvp_pool_2', POOL3_WRITTEN, empty),
    entry('.kvp_pool_3', POOL3_WRITTEN, poolFile(POOL3)),
    entry('.kvp_pool_4', POOL3_WRITTEN, empty),
  ]);
  // mtime 0: no time in the gzip header, so the sample is the same bytes on every load.
  return gzipSync(tar, { level: 9, mtime: 0 });
}
