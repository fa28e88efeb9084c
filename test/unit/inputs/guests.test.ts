// The Linux pool files, the host's items and the host collector, wired into the loader: what
// each gives the report, on bytes written from the documented formats and on the real samples
// of ../shared/corpus/kvp, read at run time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadBytes, type WholeInput } from '../../../src/lib/inputs/load.ts';
import type { InputResult, LoadedGuest } from '../../../src/lib/inputs/loaded-guest.ts';
import { describeProvenance } from '../../../src/lib/kvp/provenance.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { utf16leBytes } from '../../support/utf16.ts';
import { POOL3, poolBytes, tarBytes } from './kvp-bytes.ts';
import { loadError, loadOne } from './helpers.ts';
import { corpusPath } from '../../support/corpus.ts';

const CORPUS = corpusPath('kvp');
const sample = (name: string) => new Uint8Array(readFileSync(resolve(CORPUS, name)));

function guestsOf(results: InputResult[]): LoadedGuest[] {
  return results.flatMap((r) => ('error' in r ? [] : r.guests));
}

const REPORT =
  'result=error|reason=failed to fetch the ovf-env.xml|agent=Cloud-Init/23.4|vm_id=4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d|timestamp=2026-12-01T10:00:00Z|documentation_url=https://aka.ms/linuxprovisioningerror';
const CLOUD_INIT: [string, string][] = [
  [
    'CLOUD_INIT|1764582000|start|init-local|0c6a4a0e-1b1f-4a86-9a45-8b0e2c1a5d11',
    '{"name":"init-local","type":"start","ts":"2026-12-01T10:00:00Z","msg":"searching for local data"}',
  ],
  ['PROVISIONING_REPORT', REPORT],
];
const T = 1764633600; // seconds, as tar keeps them

function poolFiles(): WholeInput[] {
  return [
    { name: '.kvp_pool_0', bytes: new Uint8Array(), mtime: T * 1000 },
    { name: '.kvp_pool_1', bytes: poolBytes(CLOUD_INIT), mtime: T * 1000 },
    { name: '.kvp_pool_2', bytes: new Uint8Array(), mtime: T * 1000 },
    { name: '.kvp_pool_3', bytes: poolBytes(POOL3), mtime: (T - 86_400) * 1000 },
    { name: '.kvp_pool_4', bytes: new Uint8Array(), mtime: T * 1000 },
  ];
}

describe('Linux pool files', () => {
  it('the real pool 3 of a Windows 10/11 host (libhvee), alone: Guest\\Parameters in records', () => {
    const guest = loadOne(
      '.kvp_pool_3',
      sample('libhvee__hyperv_test_default.data.kvp_pool_3.bin'),
    );
    expect([guest.format, guest.encoding, guest.source]).toEqual(['kvp-pool', 'binary', []]);
    const { parameters, auto, currentVersion, linux, hostVersion } = guest.snapshot;
    expect(parameters).toMatchObject({
      state: 'present',
      locator: { kind: 'record', file: '.kvp_pool_3' },
    });
    expect(parameters.values).toHaveLength(16);
    expect(parameters.values.find((v) => v.name === 'HostingSystemEditionId')).toMatchObject({
      data: '48',
      typeName: 'REG_SZ',
      line: 2,
    });
    expect([auto.state, currentVersion.state]).toEqual(['not-collected', 'not-collected']);
    expect(hostVersion).toMatchObject({ major: 10, minor: 0, from: 'Parameters' });
    // Evidence names records, in the file's own terms.
    expect(hostVersion?.facts.map((f) => describeProvenance(f.provenance))).toEqual([
      'record 4 of .kvp_pool_3',
      'record 5 of .kvp_pool_3',
    ]);
    expect(linux?.pools.map((p) => [p.pool, p.poolFrom, p.name, p.size, p.records.length])).toEqual(
      [[3, 'name', '.kvp_pool_3', 40960, 16]],
    );
  });

  it('the five files of /var/lib/hyperv given together: one guest, every pool kept', () => {
    const results = loadBytes(poolFiles(), { source: true });
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result?.inputs).toEqual([
      '.kvp_pool_0',
      '.kvp_pool_1',
      '.kvp_pool_2',
      '.kvp_pool_3',
      '.kvp_pool_4',
    ]);
    const [guest] = guestsOf(results);
    expect(guest?.name).toBe('.kvp_pool_0 and 4 more pool files');
    const { linux, parameters, auto } = guest!.snapshot;
    expect(linux?.pools.map((p) => [p.pool, p.records.length, p.mtime])).toEqual([
      [0, 0, T * 1000],
      [1, 2, T * 1000],
      [2, 0, T * 1000],
      [3, 16, (T - 86_400) * 1000],
      [4, 0, T * 1000],
    ]);
    // Pool 1 verbatim: cloud-init's events and the Azure provisioning report.
    expect(linux?.pools[1]?.records[1]).toEqual({
      record: 2,
      key: 'PROVISIONING_REPORT',
      value: REPORT,
    });
    expect(parameters.values.map((v) => [v.name, v.data])).toEqual(POOL3);
    // Pool 2 is answered by the daemon itself: empty, so Auto is not collected.
    expect(auto.state).toBe('not-collected');
  });

  it('a .tar.gz of /var/lib/hyperv: one guest, with the times and modes the archive kept', () => {
    const archive = tarBytes([
      { name: 'hyperv/', type: '5', mode: 0o755, mtime: T },
      { name: 'hyperv/.kvp_pool_1', mode: 0o644, mtime: T, data: poolBytes(CLOUD_INIT) },
      { name: 'hyperv/.kvp_pool_3', mode: 0o644, mtime: T - 60, data: poolBytes(POOL3) },
      { name: 'hyperv/notes.txt', mode: 0o644, mtime: T, data: 'not a pool' },
    ]);
    const guest = loadOne('hyperv-kvp.tar.gz', gzipSync(archive));
    expect(guest.name).toBe('hyperv-kvp.tar.gz');
    const { linux, parameters } = guest.snapshot;
    expect(linux?.pools.map((p) => [p.pool, p.name, p.mode, p.mtime])).toEqual([
      [1, '.kvp_pool_1', 0o644, T * 1000],
      [3, '.kvp_pool_3', 0o644, (T - 60) * 1000],
    ]);
    expect(linux?.ignored).toEqual([expect.objectContaining({ name: 'hyperv/notes.txt' })]);
    expect(parameters.locator).toEqual({ kind: 'record', file: '.kvp_pool_3' });
  });

  it('pool files and another input given together: the pools are one report, the other its own', () => {
    const reg = utf16leBytes('Windows Registry Editor Version 5.00\r\n\r\n', true);
    const results = loadBytes([{ name: 'vm.reg', bytes: reg }, ...poolFiles().slice(1, 4)]);
    expect(results.map((r) => [r.inputs, 'error' in r ? r.error : r.guests[0]?.format])).toEqual([
      [['vm.reg'], 'regedit5'],
      [['.kvp_pool_1', '.kvp_pool_2', '.kvp_pool_3'], 'kvp-pool'],
    ]);
  });

  it('pool files with missing or odd pools say so, and the rest is read', () => {
    const [guest] = guestsOf(loadBytes([{ name: '.kvp_pool_1', bytes: poolBytes(CLOUD_INIT) }]));
    expect(guest?.snapshot.parameters.state).toBe('absent');
    expect(guest?.snapshot.linux?.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/^No file for pool 0, 2, 3 and 4/),
      }),
    ]);
    const cut = poolBytes(POOL3).subarray(0, 3 * 2560 + 100);
    const truncated = loadOne('.kvp_pool_3', cut).snapshot;
    expect(truncated.parameters.values).toHaveLength(3);
    expect(truncated.linux?.pools[0]?.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', at: 'the end of .kvp_pool_3' }),
    ]);
  });

  it.each([
    'go-hvkvp__testdata_fedoravm.kvp_pool.bin',
    'go-hvkvp__testdata_centosvm.kvp_pool.bin',
    'go-hvkvp__testdata_testpool.kvp_pool.bin',
  ])(
    'the real go-hvkvp pool %s (garbage after the NULs, no pool number): read, or why not',
    (name) => {
      const [result] = loadBytes([{ name, bytes: sample(name) }]);
      // Its keys (Hostname, IpAddress) name no pool, and neither does its name: said, not guessed.
      expect(result && 'error' in result ? result.error : '').toMatch(
        /^None of the 1 file given is a Hyper-V pool file/,
      );
      // Named as it was on the guest, it is read, garbage and all.
      const guest = loadOne('.kvp_pool_0', sample(name));
      expect(guest.snapshot.linux?.pools[0]?.records[0]?.key).toMatch(/^(Hostname|IpAddress)$/);
    },
  );

  it('an empty file is a pool file only when its name says which', () => {
    expect(loadOne('.kvp_pool_2', new Uint8Array()).snapshot.linux?.pools[0]?.pool).toBe(2);
    expect(loadError('empty.txt', new Uint8Array())).toMatch(/^The file is empty/);
  });
});

/** Items as Windows PowerShell 5.1 writes `(…).GuestIntrinsicExchangeItems > items.xml`. */
function itemsText(items: [string, string, number?][]): string {
  return items
    .map(
      ([name, data, source = 2]) =>
        `<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Caption" PROPAGATED="true" TYPE="string"></PROPERTY><PROPERTY NAME="Data" TYPE="string"><VALUE>${data}</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>${source}</VALUE></PROPERTY></INSTANCE>`,
    )
    .join('\r\n');
}

describe("the host's items of one VM (CIM-XML)", () => {
  it.each([
    [
      'msdocs-win32__Msvm_KvpExchangeDataItem.FullyQualifiedDomainName.xml',
      'FullyQualifiedDomainName',
      'AUTOBVT-4OVYXAB',
    ],
    ['host-sflow__GuestIntrinsicExchangeItems.OSVersion.xml', 'OSVersion', '6.2.8064'],
    ['blog__Msvm_KvpExchangeDataItem.RDPAddressIPv4.xml', 'RDPAddressIPv4', '169.254.103.5'],
  ])('the real sample %s', (file, name, data) => {
    const guest = loadOne(file, sample(file));
    expect(guest.format).toBe('wmi-kvp-items');
    expect(guest.snapshot.auto.values.map((v) => [v.name, v.data, v.line])).toEqual([
      [name, data, 1],
    ]);
    expect(guest.snapshot.parameters.state).toBe('not-collected');
    expect(guest.places?.[0]?.place).toBe('item 1 of GuestIntrinsicExchangeItems');
  });

  it('text that only names the class, as the corpus notes do, is refused in a sentence', () => {
    const notes = new Uint8Array(readFileSync(resolve(CORPUS, '../SOURCES.md')));
    expect(loadError('SOURCES.md', notes)).toBe(
      'This text names Msvm_KvpExchangeDataItem but holds no item that could be read: Item 1 (line 144) has no Name, so it was left out.',
    );
  });

  it('an OS version the guest reports says Data Exchange works: Windows Update serves a 6.2 guest', () => {
    const file = 'host-sflow__GuestIntrinsicExchangeItems.OSVersion.xml';
    const result = analyze(loadOne(file, sample(file)).snapshot);
    expect(result.verdicts.find((v) => v.pack === 'wu-ic-servicing')).toMatchObject({
      outcome: 'windows-update',
    });
    expect(result.checks.find((c) => c.id === 'servicing-path')?.status).not.toBe('fail');
  });

  it('several items, UTF-16LE as PowerShell 5.1 redirects them: Auto in items, each on its line', () => {
    const text = itemsText([
      ['OSName', 'Windows Server 2019 Datacenter'],
      ['OSMajorVersion', '10'],
      ['OSMinorVersion', '0'],
      ['NetworkAddressIPv4', '10.0.0.5;10.0.0.6'],
      ['Owner', 'ops &amp; co', 1],
    ]);
    const guest = loadOne('items.xml', utf16leBytes(text, true));
    expect(guest.encoding).toBe('utf-16le');
    const { auto, guestOs } = guest.snapshot;
    expect(auto.locator).toEqual({ kind: 'item', list: 'GuestIntrinsicExchangeItems' });
    expect(auto.values.map((v) => [v.name, v.data, v.line])).toEqual([
      ['OSName', 'Windows Server 2019 Datacenter', 1],
      ['OSMajorVersion', '10', 2],
      ['OSMinorVersion', '0', 3],
      ['NetworkAddressIPv4', '10.0.0.5;10.0.0.6', 4],
    ]);
    expect(guestOs).toMatchObject({ major: 10, minor: 0, from: 'Auto' });
    expect(describeProvenance(guestOs!.facts[0]!.provenance)).toBe(
      'item 2 of GuestIntrinsicExchangeItems',
    );
    expect(guest.places?.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(guest.diagnostics).toEqual([
      expect.objectContaining({
        line: 0,
        severity: 'info',
        message: expect.stringMatching(/^One item is not one of the guest's intrinsic items/),
      }),
    ]);
  });
});

const COLLECTOR = JSON.stringify(
  {
    kvpAnalyzerCollector: 1,
    collectedAt: '2026-12-01T09:30:00Z',
    host: {
      name: 'HV01',
      osName: 'Microsoft Windows Server 2022 Datacenter',
      version: '10.0.20348',
      build: 20348,
      editionId: 8,
      manufacturer: 'Dell Inc.',
      model: 'PowerEdge R750',
    },
    vms: [
      {
        name: 'web-01',
        id: '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
        state: 'Running',
        generation: 2,
        configurationVersion: '10.0',
        integrationServices: [
          {
            name: 'Key-Value Pair Exchange',
            enabled: true,
            primaryStatus: 'Ok',
            secondaryStatus: 'ProtocolMismatch',
          },
        ],
        guestIntrinsicItems: [
          { name: 'OSName', data: 'Windows Server 2012 R2 Standard' },
          { name: 'OSMajorVersion', data: '6' },
          { name: 'OSMinorVersion', data: '3' },
        ],
        guestItems: [],
        disableHostKvpItems: false,
        errors: [],
      },
      {
        name: 'db-02',
        id: '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b',
        state: 'Off',
        integrationServices: [],
        guestIntrinsicItems: [],
        disableHostKvpItems: null,
        errors: [],
      },
    ],
  },
  null,
  4,
);

describe('a host collector file', () => {
  it('gives one report per VM, with the host exactly and the VM as Hyper-V sees it', () => {
    const results = loadBytes([{ name: 'hosts.json', bytes: utf16leBytes(COLLECTOR, true) }], {
      source: true,
    });
    const guests = guestsOf(results);
    expect(guests.map((g) => [g.name, g.format, g.encoding])).toEqual([
      ['hosts.json — web-01', 'host-collector', 'utf-16le'],
      ['hosts.json — db-02', 'host-collector', 'utf-16le'],
    ]);
    const [web] = guests;
    const { host, vm, auto, parameters, hostVersion, guestOs } = web!.snapshot;
    expect(host).toMatchObject({
      name: 'HV01',
      version: '10.0.20348',
      build: 20348,
      collectedAt: '2026-12-01T09:30:00Z',
    });
    expect(vm).toMatchObject({
      name: 'web-01',
      state: 'Running',
      generation: 2,
      disableHostKvpItems: false,
      index: 0,
    });
    expect(vm?.integrationServices[0]?.secondaryStatus).toBe('ProtocolMismatch');
    expect(parameters.state).toBe('not-collected');
    expect(auto.values.map((v) => v.name)).toEqual(['OSName', 'OSMajorVersion', 'OSMinorVersion']);
    expect(hostVersion).toMatchObject({ major: 10, minor: 0, build: '20348', from: 'Collector' });
    expect(guestOs).toMatchObject({ major: 6, minor: 3, from: 'Auto' });
    // Both VMs show the one file's text, shared.
    expect(guests[1]?.source).toBe(web?.source);
    expect(guests[1]?.snapshot.vm?.disableHostKvpItems).toBeNull();
  });

  it('a collector file that is broken says why', () => {
    expect(
      loadError('hosts.json', new TextEncoder().encode('{"kvpAnalyzerCollector": 1, "host": {')),
    ).toMatch(/^This is not a KVP Analyzer collector file: it is not valid JSON/);
  });
});
