// linux-kvp, azure-provisioning and host-integration: every outcome, from bytes as
// hv_kvp_daemon, cloud-init and the host collector write them, read by the real loader.
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../../src/lib/inputs/load.ts';
import type { KvpSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { azureProvisioningPack } from '../../../src/lib/rules/packs/azure-provisioning.ts';
import { hostIntegrationPack } from '../../../src/lib/rules/packs/host-integration.ts';
import { linuxKvpPack } from '../../../src/lib/rules/packs/linux-kvp.ts';
import type { RulePack } from '../../../src/lib/rules/types.ts';
import { POOL3, poolBytes, tarBytes } from '../inputs/kvp-bytes.ts';
import { parseLines, vmExport } from '../kvp/reg-text.ts';
import { buildSnapshot } from '../../../src/lib/kvp/snapshot.ts';

const BOOT = 1764590400; // 2025-12-01T12:00:00Z, cloud-init's incarnation
const AFTER = (BOOT + 60) * 1000;
const BEFORE = (BOOT - 3600) * 1000;

function snapshotOf(files: { name: string; bytes: Uint8Array; mtime?: number }[]): KvpSnapshot {
  const [result] = loadBytes(files);
  if (!result || 'error' in result)
    throw new Error(`not loaded: ${result && 'error' in result ? result.error : ''}`);
  const [guest] = result.guests;
  if (!guest) throw new Error('no guest');
  return guest.snapshot;
}

function run(pack: RulePack, snapshot: KvpSnapshot): AnalysisResult {
  return analyze(snapshot, {}, [pack]);
}

/** The five pool files of a guest, as a tar of /var/lib/hyperv (names, mtimes and modes kept). */
function guestTar(
  pools: Partial<Record<0 | 1 | 2 | 3 | 4, Uint8Array>>,
  options: { pool3Mtime?: number; mode?: number } = {},
) {
  const files = ([0, 1, 2, 3, 4] as const)
    .filter((n) => pools[n] !== undefined)
    .map((n) => ({
      name: `hyperv/.kvp_pool_${n}`,
      data: pools[n] as Uint8Array,
      mode: options.mode ?? 0o644,
      mtime: Math.floor((n === 3 ? (options.pool3Mtime ?? AFTER) : AFTER) / 1000),
    }));
  return snapshotOf([{ name: 'hyperv.tar', bytes: tarBytes(files) }]);
}

const EMPTY = new Uint8Array(0);
const pool3 = poolBytes(POOL3);
const ciKey = (type: string, name: string, id: string) =>
  `CLOUD_INIT|${BOOT}|${type}|${name}|${id}`;
const ciValue = (type: string, name: string, result?: string) =>
  JSON.stringify({
    name,
    type,
    ts: '2025-12-01T12:00:05.000000Z',
    ...(result ? { result } : {}),
    msg: `${name} ${type}`,
  });
const FAILED_REPORT =
  'result=error|reason=failure to obtain DHCP lease|agent=Cloud-Init/24.1|duration=300.0|vm_id=0f3b1a2c|timestamp=2025-12-01T12:05:00|documentation_url=https://aka.ms/linuxprovisioningerror';

describe('linux-kvp', () => {
  it.each<[string, () => KvpSnapshot, string]>([
    [
      'all five pools, pool 3 fresh',
      () =>
        guestTar({
          0: EMPTY,
          1: poolBytes([[ciKey('start', 'init', 'u1'), ciValue('start', 'init')]]),
          2: EMPTY,
          3: pool3,
          4: EMPTY,
        }),
      'healthy',
    ],
    [
      'pool 3 empty',
      () => guestTar({ 0: EMPTY, 1: EMPTY, 2: EMPTY, 3: EMPTY, 4: EMPTY }),
      'no-host-data',
    ],
    ['no pool 3 file', () => guestTar({ 0: EMPTY, 1: EMPTY, 2: EMPTY, 4: EMPTY }), 'no-host-data'],
    [
      'pool 3 older than this boot',
      () =>
        guestTar(
          {
            0: EMPTY,
            1: poolBytes([[ciKey('start', 'init', 'u1'), ciValue('start', 'init')]]),
            2: EMPTY,
            3: pool3,
            4: EMPTY,
          },
          { pool3Mtime: BEFORE },
        ),
      'stale',
    ],
    [
      'two hosts’ values in pool 3',
      () =>
        guestTar({
          0: EMPTY,
          1: EMPTY,
          2: EMPTY,
          3: poolBytes([...POOL3, ['HostName', 'OLD-HOST']]),
          4: EMPTY,
        }),
      'stale',
    ],
    [
      'pool 3 cut short',
      () =>
        guestTar({
          0: EMPTY,
          1: EMPTY,
          2: EMPTY,
          3: pool3.subarray(0, pool3.length - 100),
          4: EMPTY,
        }),
      'broken',
    ],
    ['a Windows export', () => buildSnapshot(parseLines(vmExport([10, 0], {}))), 'not-applicable'],
  ])('%s → %s', (_name, make, outcome) => {
    expect(run(linuxKvpPack, make()).verdicts[0]?.outcome).toBe(outcome);
  });

  it('asks for the whole folder when only pool 3 was given', () => {
    const result = run(linuxKvpPack, snapshotOf([{ name: '.kvp_pool_3', bytes: pool3 }]));
    expect(result.checks.find((c) => c.id === 'linux-pool-files')).toMatchObject({
      status: 'incomplete',
    });
    expect(result.verdicts[0]?.outcome).toBe('healthy');
  });

  it('says which pool files are missing, with a fix for the daemon (a shell command, not PowerShell)', () => {
    const result = run(linuxKvpPack, guestTar({ 1: EMPTY, 3: pool3 }));
    const files = result.checks.find((c) => c.id === 'linux-pool-files');
    expect(files).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('Missing: .kvp_pool_0, .kvp_pool_2, .kvp_pool_4.'),
    });
    expect(files?.fix).toMatchObject({
      guestShell: 'sh',
      guest: expect.stringMatching(/^sudo systemctl restart hv-kvp-daemon/),
    });
  });

  it('gives the stale pool’s evidence: its time and the boot’s, in records', () => {
    const result = run(
      linuxKvpPack,
      guestTar(
        {
          0: EMPTY,
          1: poolBytes([[ciKey('start', 'init', 'u1'), ciValue('start', 'init')]]),
          2: EMPTY,
          3: pool3,
          4: EMPTY,
        },
        { pool3Mtime: BEFORE },
      ),
    );
    const stale = result.checks.find((c) => c.id === 'linux-pool3-fresh');
    expect(stale?.message).toBe(
      '.kvp_pool_3 was last written at 2025-12-01T11:00:00.000Z, before this boot began at 2025-12-01T12:00:00.000Z (cloud-init’s time): its values may be an earlier host’s.',
    );
    expect(stale?.evidence[1]).toMatchObject({ source: 'record 1 of .kvp_pool_1', line: 1 });
  });

  it('notes files with other permissions than the daemon’s 0644', () => {
    const result = run(
      linuxKvpPack,
      guestTar({ 0: EMPTY, 1: EMPTY, 2: EMPTY, 3: pool3, 4: EMPTY }, { mode: 0o600 }),
    );
    expect(result.checks.find((c) => c.id === 'linux-pool-mode')).toMatchObject({ status: 'info' });
  });
});

describe('azure-provisioning', () => {
  const withPool1 = (pairs: [string, string][]) =>
    guestTar({ 0: EMPTY, 1: poolBytes(pairs), 2: EMPTY, 3: pool3, 4: EMPTY });
  it.each<[string, () => KvpSnapshot, string]>([
    [
      'a success report',
      () =>
        withPool1([
          [
            'PROVISIONING_REPORT',
            'result=success|agent=Cloud-Init/24.1|timestamp=2025-12-01T12:01:00|vm_id=x',
          ],
        ]),
      'succeeded',
    ],
    [
      'an error report',
      () =>
        withPool1([
          [ciKey('start', 'init-local', 'u1'), ciValue('start', 'init-local')],
          ['PROVISIONING_REPORT', FAILED_REPORT],
        ]),
      'failed',
    ],
    [
      'failed events, no report',
      () =>
        withPool1([
          [ciKey('finish', 'init-network', 'u2'), ciValue('finish', 'init-network', 'FAIL')],
        ]),
      'failed',
    ],
    [
      'events only',
      () =>
        withPool1([
          [ciKey('finish', 'init-network', 'u2'), ciValue('finish', 'init-network', 'SUCCESS')],
        ]),
      'no-report',
    ],
    ['no pool 1', () => guestTar({ 3: pool3 }), 'no-report'],
    ['a Windows export', () => buildSnapshot(parseLines(vmExport([10, 0], {}))), 'not-applicable'],
  ])('%s → %s', (_name, make, outcome) => {
    expect(run(azureProvisioningPack, make()).verdicts[0]?.outcome).toBe(outcome);
  });

  it('shows a failure’s reason, time, agent and documentation address as text, the events in order as evidence', () => {
    const result = run(
      azureProvisioningPack,
      withPool1([
        [ciKey('start', 'init-local', 'u1'), ciValue('start', 'init-local')],
        ['PROVISIONING_REPORT', FAILED_REPORT],
      ]),
    );
    expect(result.verdicts[0]).toMatchObject({
      label: 'Failed',
      tone: 'bad',
      reason:
        'Cloud-Init/24.1 reported an error at 2025-12-01T12:05:00: failure to obtain DHCP lease. Microsoft explains it at https://aka.ms/linuxprovisioningerror.',
    });
    const report = result.checks.find((c) => c.id === 'provisioning-report');
    expect(report?.evidence.find((e) => e.name === 'reason')).toMatchObject({
      actual: 'failure to obtain DHCP lease',
      source: 'record 2 of .kvp_pool_1',
    });
    const events = result.checks.find((c) => c.id === 'provisioning-events');
    expect(events?.evidence[0]).toMatchObject({
      name: 'cloud-init start init-local',
      source: 'record 1 of .kvp_pool_1',
    });
  });
});

describe('host-integration', () => {
  type Vm = Record<string, unknown>;
  const vm = (over: Vm = {}): Vm => ({
    name: 'web-01',
    id: '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
    state: 'Running',
    generation: 2,
    integrationServices: [{ name: 'Key-Value Pair Exchange', enabled: true, primaryStatus: 'Ok' }],
    guestIntrinsicItems: [
      { name: 'OSName', data: 'Windows Server 2022 Datacenter' },
      { name: 'OSMajorVersion', data: '10' },
      { name: 'OSMinorVersion', data: '0' },
      { name: 'OSBuildNumber', data: '20348' },
      { name: 'ProductType', data: '3' },
    ],
    disableHostKvpItems: false,
    errors: [],
    ...over,
  });
  const collector = (vms: Vm[], host: Vm = {}) =>
    new TextEncoder().encode(
      JSON.stringify({
        kvpAnalyzerCollector: 1,
        host: { name: 'HV01', version: '10.0.26100', build: 26100, editionId: 8, ...host },
        vms,
      }),
    );
  const one = (v: Vm, host?: Vm) =>
    snapshotOf([{ name: 'hosts.json', bytes: collector([v], host) }]);

  it.each<[string, () => KvpSnapshot, string]>([
    ['all well', () => one(vm()), 'healthy'],
    [
      'Data Exchange off',
      () => one(vm({ integrationServices: [{ name: 'Key-Value Pair Exchange', enabled: false }] })),
      'data-exchange-off',
    ],
    ['running, silent', () => one(vm({ guestIntrinsicItems: [] })), 'no-guest-data'],
    ['values withheld', () => one(vm({ disableHostKvpItems: true })), 'withheld'],
    [
      'out of date',
      () =>
        one(
          vm({
            integrationServices: [
              {
                name: 'Key-Value Pair Exchange',
                enabled: true,
                secondaryStatus: 'ProtocolMismatch',
              },
            ],
          }),
        ),
      'out-of-date',
    ],
    ['a Windows export', () => buildSnapshot(parseLines(vmExport([10, 0], {}))), 'not-applicable'],
  ])('%s → %s', (_name, make, outcome) => {
    expect(run(hostIntegrationPack, make()).verdicts[0]?.outcome).toBe(outcome);
  });

  it('finds Data Exchange by its id on a host in another language', () => {
    const german = vm({
      integrationServices: [
        {
          name: 'Austausch von Schlüssel-Wert-Paaren',
          id: 'Microsoft:4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F',
          enabled: false,
        },
      ],
    });
    const result = run(hostIntegrationPack, one(german));
    expect(result.verdicts[0]?.outcome).toBe('data-exchange-off');
    expect(result.checks[0]?.fix?.host).toBe(
      "Enable-VMIntegrationService -VMName 'web-01' -Name 'Key-Value Pair Exchange'",
    );
  });

  it('gives the other packs the host’s exact release: support decided, platform named, nesting seen', () => {
    const result = analyze(one(vm()));
    const by = (pack: string) => result.verdicts.find((v) => v.pack === pack);
    expect(by('guest-support')).toMatchObject({ outcome: 'supported' });
    expect(by('host-platform')?.reason).toContain(
      'The host itself says which release it is: Windows Server 2025 (build 26100).',
    );
    expect(by('wu-ic-servicing')?.outcome).toBe('os-updates');
    const nested = analyze(
      one(vm(), { manufacturer: 'Microsoft Corporation', model: 'Virtual Machine' }),
    );
    expect(nested.verdicts.find((v) => v.pack === 'nesting')?.outcome).toBe('nested');
    const old = analyze(one(vm(), { version: '10.0.14393', build: 14393 }));
    expect(old.verdicts.find((v) => v.pack === 'guest-support')).toMatchObject({
      outcome: 'unsupported',
      reason:
        'Windows Server 2022 needs a host of Windows Server 2019 or later (or Azure Local 2311.2 or later), and the host is Windows Server 2016.',
    });
  });
});
