// The host collector's JSON, as public/kvp-collector.ps1 makes Windows PowerShell 5.1 write it
// (ConvertTo-Json's spacing and \u0027-style escapes), and as 5.1 writes the same objects when a
// script differs: one VM alone instead of a list, {value, Count} lists, enums as numbers,
// "\/Date(…)\/" times, too small a -Depth; UTF-8, UTF-8 with BOM and UTF-16LE with BOM files.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  looksLikeCollector,
  readCollector,
  type CollectorFile,
} from '../../../src/lib/inputs/host-collector';
import { utf16leBytes } from '../../support/utf16';
import { corpusPath } from '../../support/corpus.ts';

/** Two VMs, as ConvertTo-Json -Depth 6 in Windows PowerShell 5.1 lays it out. */
const PS51 = `{
    "kvpAnalyzerCollector":  1,
    "collectedAt":  "2026-12-01T09:30:00.1234567Z",
    "host":  {
                 "name":  "HV01",
                 "osName":  "Microsoft Windows Server 2022 Datacenter",
                 "version":  "10.0.20348",
                 "build":  20348,
                 "editionId":  8,
                 "manufacturer":  "Dell Inc.",
                 "model":  "PowerEdge R750"
             },
    "vms":  [
                {
                    "name":  "web-01",
                    "id":  "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d",
                    "state":  "Running",
                    "generation":  2,
                    "configurationVersion":  "10.0",
                    "integrationServices":  [
                                                {
                                                    "name":  "Guest Service Interface",
                                                    "id":  "Microsoft:4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D\\\\6C09BB55-D683-4DA0-8931-C9BF705F6480",
                                                    "enabled":  false,
                                                    "primaryStatus":  "Ok",
                                                    "primaryStatusDescription":  "OK",
                                                    "secondaryStatus":  null,
                                                    "secondaryStatusDescription":  null
                                                },
                                                {
                                                    "name":  "Key-Value Pair Exchange",
                                                    "id":  "Microsoft:4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D\\\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F",
                                                    "enabled":  true,
                                                    "primaryStatus":  "Ok",
                                                    "primaryStatusDescription":  "OK",
                                                    "secondaryStatus":  "ProtocolMismatch",
                                                    "secondaryStatusDescription":  "The protocol version of the component installed in the virtual machine does not match the version expected by the management operating system"
                                                }
                                            ],
                    "guestIntrinsicItems":  [
                                                {
                                                    "name":  "OSName",
                                                    "data":  "Windows Server 2022 Datacenter"
                                                },
                                                {
                                                    "name":  "FullyQualifiedDomainName",
                                                    "data":  "web-01.corp.example"
                                                },
                                                {
                                                    "name":  "Note",
                                                    "data":  "O\\u0027Brien \\u003cadmin\\u003e \\u0026 co"
                                                }
                                            ],
                    "guestItems":  [

                                   ],
                    "disableHostKvpItems":  false,
                    "errors":  [

                               ]
                },
                {
                    "name":  "db-02",
                    "id":  "9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b",
                    "state":  "Off",
                    "generation":  1,
                    "configurationVersion":  "9.0",
                    "integrationServices":  [
                                                {
                                                    "name":  "Heartbeat",
                                                    "id":  "Microsoft:9F8E7D6C-5B4A-4938-8271-605F4E3D2C1B\\\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47",
                                                    "enabled":  true,
                                                    "primaryStatus":  null,
                                                    "primaryStatusDescription":  null,
                                                    "secondaryStatus":  null,
                                                    "secondaryStatusDescription":  null
                                                }
                                            ],
                    "guestIntrinsicItems":  null,
                    "guestItems":  null,
                    "disableHostKvpItems":  null,
                    "errors":  [

                               ]
                }
            ]
}`;

function read(text: string): CollectorFile {
  const r = readCollector(text);
  if ('error' in r) throw new Error(r.error);
  return r;
}

describe('readCollector: the collector script’s file', () => {
  it('reads the host and both VMs, with no notes', () => {
    const f = read(PS51);
    expect(f.version).toBe(1);
    expect(f.collectedAt).toBe('2026-12-01T09:30:00.1234567Z');
    expect(f.host).toEqual({
      name: 'HV01',
      osName: 'Microsoft Windows Server 2022 Datacenter',
      version: '10.0.20348',
      build: 20348,
      editionId: 8,
      manufacturer: 'Dell Inc.',
      model: 'PowerEdge R750',
    });
    expect(f.vms).toEqual([
      {
        name: 'web-01',
        id: '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
        state: 'Running',
        generation: 2,
        configurationVersion: '10.0',
        integrationServices: [
          {
            name: 'Guest Service Interface',
            id: 'Microsoft:4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D\\6C09BB55-D683-4DA0-8931-C9BF705F6480',
            enabled: false,
            primaryStatus: 'Ok',
            primaryStatusDescription: 'OK',
          },
          {
            name: 'Key-Value Pair Exchange',
            id: 'Microsoft:4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F',
            enabled: true,
            primaryStatus: 'Ok',
            primaryStatusDescription: 'OK',
            secondaryStatus: 'ProtocolMismatch',
            secondaryStatusDescription:
              'The protocol version of the component installed in the virtual machine does not match the version expected by the management operating system',
          },
        ],
        guestIntrinsicItems: [
          { name: 'OSName', data: 'Windows Server 2022 Datacenter' },
          { name: 'FullyQualifiedDomainName', data: 'web-01.corp.example' },
          { name: 'Note', data: "O'Brien <admin> & co" },
        ],
        guestItems: [],
        disableHostKvpItems: false,
        errors: [],
        index: 0,
      },
      {
        name: 'db-02',
        id: '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b',
        state: 'Off',
        generation: 1,
        configurationVersion: '9.0',
        integrationServices: [
          {
            name: 'Heartbeat',
            id: 'Microsoft:9F8E7D6C-5B4A-4938-8271-605F4E3D2C1B\\84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47',
            enabled: true,
          },
        ],
        guestIntrinsicItems: [],
        guestItems: [],
        disableHostKvpItems: null,
        errors: [],
        index: 1,
      },
    ]);
    expect(f.diagnostics).toEqual([]);
    expect(looksLikeCollector(PS51)).toBe(true);
  });

  it.each([
    [
      'UTF-8 with a byte-order mark (Out-File -Encoding utf8)',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(PS51)]),
      'utf-8',
    ],
    [
      'UTF-16LE with a byte-order mark (> in Windows PowerShell 5.1)',
      utf16leBytes(`${PS51}\r\n`, true),
      'utf-16le',
    ],
  ])('%s: the same file', (_, bytes, encoding) => {
    // A decoder that keeps the mark, as a reader that does not strip it would pass it on.
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(looksLikeCollector(text)).toBe(true);
    expect(read(text)).toEqual(read(PS51));
  });

  it('the script in public/ writes the fields this reader reads', () => {
    const script = readFileSync(
      new URL('../../../public/kvp-collector.ps1', import.meta.url),
      'utf8',
    );
    for (const field of [
      'kvpAnalyzerCollector = 1',
      'collectedAt',
      'editionId',
      'integrationServices',
      'primaryStatus ',
      'secondaryStatus ',
      'guestIntrinsicItems',
      'guestItems',
      'disableHostKvpItems',
      'configurationVersion',
      '-Depth 6',
    ]) {
      expect(script).toContain(field);
    }
  });
});

describe('readCollector: what Windows PowerShell 5.1 and other scripts write', () => {
  const file = (vms: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      kvpAnalyzerCollector: 1,
      host: { name: 'HV01', version: '10.0.26100', build: '26100' },
      vms,
      ...extra,
    });
  const vm = { name: 'web-01', id: 'x', state: 'Running' };

  it.each([
    ['one VM alone, not in a list', vm],
    ['a list as {value, Count}', { value: [vm], Count: 1 }],
    ['a list', [vm]],
  ])('%s', (_, vms) => {
    const f = read(file(vms));
    expect(f.vms.map((v) => [v.name, v.index])).toEqual([['web-01', 0]]);
    expect(f.host.build).toBe(26100);
  });

  it('enums written as numbers', () => {
    const f = read(
      file([
        {
          ...vm,
          state: 2,
          integrationServices: [
            {
              name: 'Key-Value Pair Exchange',
              enabled: 1,
              primaryStatus: 2,
              secondaryStatus: 32775,
            },
            { name: 'Heartbeat', enabled: 'True', primaryStatus: 12, secondaryStatus: 9 },
          ],
        },
      ]),
    );
    expect(f.vms[0]?.state).toBe('2');
    expect(f.vms[0]?.integrationServices).toEqual([
      {
        name: 'Key-Value Pair Exchange',
        enabled: true,
        primaryStatus: 'Ok',
        secondaryStatus: 'ProtocolMismatch',
      },
      { name: 'Heartbeat', enabled: true, primaryStatus: 'NoContact', secondaryStatus: 'status 9' },
    ]);
    expect(f.diagnostics.map((d) => d.message)).toEqual([
      'The state of VM "web-01" was written as the number 2; the collector writes its name (Running, Off, …).',
    ]);
    expect(f.diagnostics[0]?.at).toBe('VM web-01 in the collector file');
  });

  it('property names in other case, and items kept as CIM-XML', () => {
    const f = read(
      file([
        {
          Name: 'web-01',
          Id: 'x',
          State: 'Running',
          IntegrationServices: [{ Name: 'VSS', Enabled: 'False' }],
          GuestIntrinsicExchangeItems: null,
          guestIntrinsicItems: [
            '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE>10.0.26100</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>OSVersion</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>2</VALUE></PROPERTY></INSTANCE>',
            { Name: 'OSName', Data: 'Windows 11 Enterprise' },
          ],
        },
      ]),
    );
    expect(f.vms[0]).toMatchObject({
      name: 'web-01',
      integrationServices: [{ name: 'VSS', enabled: false }],
      guestIntrinsicItems: [
        { name: 'OSVersion', data: '10.0.26100' },
        { name: 'OSName', data: 'Windows 11 Enterprise' },
      ],
    });
    expect(f.diagnostics).toEqual([]);
  });

  it('a [datetime] as Windows PowerShell 5.1 writes it', () => {
    expect(read(file([], { collectedAt: '/Date(1764581400000)/' })).collectedAt).toBe(
      '2025-12-01T09:30:00.000Z',
    );
  });

  it('too small a -Depth: objects written as text', () => {
    const f = read(
      file([
        {
          ...vm,
          integrationServices: ['@{name=Heartbeat; enabled=True}'],
          guestIntrinsicItems: 'System.Collections.Hashtable',
        },
      ]),
    );
    expect(f.vms[0]?.integrationServices).toEqual([]);
    expect(f.diagnostics.map((d) => d.message)).toEqual([
      '1 of the guest intrinsic items were written as text instead of objects: the file was written with too small a ConvertTo-Json -Depth (the collector uses 6).',
      '1 of the integration services were written as text instead of objects: the file was written with too small a ConvertTo-Json -Depth (the collector uses 6).',
    ]);
  });

  it('what the collector could not read, and values of the wrong kind', () => {
    const f = read(
      file([
        {
          ...vm,
          generation: 'two',
          integrationServices: [{ name: 'VSS' }],
          disableHostKvpItems: 'maybe',
          errors: ['Get-VMIntegrationService: Access denied.'],
        },
        42,
        { id: 'y' },
      ]),
    );
    expect(f.vms.map((v) => v.name)).toEqual(['web-01', '']);
    expect(f.vms[0]).toMatchObject({
      disableHostKvpItems: null,
      errors: ['Get-VMIntegrationService: Access denied.'],
    });
    expect(f.vms[0]?.generation).toBeUndefined();
    expect(f.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'warning: The VM generation is "two", not a whole number; it was left out.',
      'warning: The file does not say whether "VSS" is enabled; it was read as disabled.',
      'warning: DisableHostKVPItems is "maybe", neither true nor false; it was left out.',
      'warning: The collector could not read everything for VM "web-01": "Get-VMIntegrationService: Access denied.".',
      'warning: Entry 2 of the VM list is not a VM (it is "42"); it was left out.',
      'warning: VM number 3 has no name.',
    ]);
  });

  it('no host and no VMs', () => {
    const f = read('{"kvpAnalyzerCollector":1}');
    expect(f.host).toEqual({ name: '', version: '' });
    expect(f.vms).toEqual([]);
    expect(f.diagnostics.map((d) => d.message)).toEqual([
      'The file says nothing about the host.',
      "The host's Windows version is missing.",
      'The file lists no virtual machines: the host had none, or none of the names given matched.',
    ]);
  });

  it.each([
    [
      'not JSON',
      'HostName\nHV01',
      /^This is not a KVP Analyzer collector file: it is not valid JSON( \(it breaks off at line \d+, column \d+\))?\. Run kvp-collector\.ps1 on the Hyper-V host and open the file it writes\.$/,
    ],
    [
      'JSON of something else',
      '{"HostName":"thehost.example.com"}',
      /^This JSON file was not written by the KVP Analyzer host collector: it has no "kvpAnalyzerCollector" field\./,
    ],
    ['a list', '[1,2]', /has no "kvpAnalyzerCollector" field/],
    [
      'a newer format',
      '{"kvpAnalyzerCollector":2,"vms":[]}',
      /^This collector file is in format "2"; this version of KVP Analyzer reads format 1\./,
    ],
    ['an empty file', '', /it is not valid JSON/],
  ])('%s: an error, not a file', (_, text, error) => {
    const r = readCollector(text);
    expect('error' in r && r.error).toMatch(error);
  });

  it('a file cut short, or broken in the middle, says so', () => {
    for (const text of [
      PS51.slice(0, 300),
      '{"kvpAnalyzerCollector":  1,',
      `${PS51.slice(0, 300)}\r\n`,
    ]) {
      const r = readCollector(text);
      expect('error' in r && r.error).toMatch(
        /^This is not a KVP Analyzer collector file: it is not valid JSON \(it ends before the JSON does: the file was cut short\)\./,
      );
    }
    const broken = PS51.replace('"build":  20348,', '"build":  20348,,');
    const r = readCollector(broken);
    expect('error' in r && r.error).toMatch(
      /it is not valid JSON \(it breaks off at line 8, column 34\)\./,
    );
  });

  it('the hyperkv JSON of the corpus is not a collector file', () => {
    const text = readFileSync(
      corpusPath('kvp', 'phistrom-hyperkv__readme-json-output.json'),
      'utf8',
    );
    expect(looksLikeCollector(text)).toBe(false);
    expect('error' in readCollector(text)).toBe(true);
  });

  it.each([
    ['{"kvpAnalyzerCollector":1}', true],
    ['\uFEFF  {\r\n    "kvpAnalyzerCollector":  1', true],
    ['{"HostName":"x"}', false],
    ['[{"kvpAnalyzerCollector":1}]', false],
    [`{"x":"${'y'.repeat(5000)}","kvpAnalyzerCollector":1}`, false],
  ])('looksLikeCollector #%#', (text, expected) => {
    expect(looksLikeCollector(text)).toBe(expected);
  });
});

describe('properties (fast-check)', () => {
  it('never throws on any JSON, marked or not, nor on any text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.string(), (value, mark, text) => {
        const json = JSON.stringify(
          mark ? { kvpAnalyzerCollector: 1, host: value, vms: value } : value,
        );
        const r = readCollector(json);
        if (!('error' in r))
          expect(r.vms.every((v, i) => i === 0 || v.index > (r.vms[i - 1]?.index ?? -1))).toBe(
            true,
          );
        readCollector(text);
        looksLikeCollector(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on VMs of any shape', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(
            fc.constantFrom(
              'name',
              'id',
              'state',
              'generation',
              'integrationServices',
              'guestIntrinsicItems',
              'guestItems',
              'disableHostKvpItems',
              'errors',
              'Name',
            ),
            fc.jsonValue(),
          ),
        ),
        (vms) => {
          const r = readCollector(JSON.stringify({ kvpAnalyzerCollector: 1, vms }));
          expect('error' in r).toBe(false);
          if (!('error' in r)) expect(r.vms).toHaveLength(vms.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a deeply nested list is a note, not a stack overflow', () => {
    const deep = `{"kvpAnalyzerCollector":1,"vms":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const r = readCollector(deep);
    expect('error' in r ? r.error : r.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /not valid JSON|is not a VM \(it is a list\)/,
    );
  });
});
