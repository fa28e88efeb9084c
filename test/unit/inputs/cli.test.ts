// `kvp-analyzer analyze` and `link` on every kind of input, through the same loader as the page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze-command.ts';
import { linkCommand } from '../../../src/cli/link-command.ts';
import { decodePermalink } from '../../../src/lib/permalink/index.ts';
import { utf16leBytes } from '../../support/utf16.ts';
import { fakeIo } from '../cli/fake-io.ts';
import { PARAMETERS_KEY, collectorText, powershellFile } from './helpers.ts';
import { POOL3, poolBytes, tarBytes } from './kvp-bytes.ts';
import { corpusPath } from '../../support/corpus.ts';

const CORPUS = corpusPath('kvp');
const sample = (name: string) => new Uint8Array(readFileSync(resolve(CORPUS, name)));

const regQuery = powershellFile([
  '',
  PARAMETERS_KEY,
  '    HostName    REG_SZ    hv01',
  '    HostingSystemOsMajor    REG_DWORD    0xa',
  '    HostingSystemOsMinor    REG_DWORD    0x0',
]);
const list = powershellFile([
  '',
  'HostName             : hv01',
  'HostingSystemOsMajor : 10',
  'HostingSystemOsMinor : 0',
  `PSPath               : Microsoft.PowerShell.Core\\Registry::${PARAMETERS_KEY}`,
]);
const json = powershellFile([
  `{"HostName": "hv01", "HostingSystemOsMajor": 10, "HostingSystemOsMinor": 0, "PSPath": ${JSON.stringify(`Registry::${PARAMETERS_KEY}`)}}`,
]);
const items = utf16leBytes(
  ['OSMajorVersion', 'OSMinorVersion']
    .map(
      (name, i) =>
        `<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE>${['10', '0'][i]}</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>2</VALUE></PROPERTY></INSTANCE>`,
    )
    .join('\r\n'),
  true,
);
const T = 1764633600;
const tarGz = gzipSync(
  tarBytes([
    { name: 'hyperv/.kvp_pool_3', mode: 0o644, mtime: T, data: poolBytes(POOL3) },
    { name: 'hyperv/.kvp_pool_2', mode: 0o644, mtime: T },
  ]),
);
const collector = new TextEncoder().encode(
  collectorText(['web-01', 'web-02'], [{ name: 'OSMajorVersion', data: '10' }]),
);

describe('kvp-analyzer analyze: every kind of input', () => {
  it.each([
    ['reg query output', 'kvp.txt', regQuery, 'reg-query', 'utf-16le'],
    ['Format-List', 'kvp.txt', list, 'powershell-list', 'utf-16le'],
    ['ConvertTo-Json', 'kvp.json', json, 'powershell-json', 'utf-16le'],
    ["the host's items", 'items.xml', items, 'wmi-kvp-items', 'utf-16le'],
    [
      'a pool file',
      '.kvp_pool_3',
      sample('libhvee__hyperv_test_default.data.kvp_pool_3.bin'),
      'kvp-pool',
      'binary',
    ],
    ['a .tar.gz of /var/lib/hyperv', 'pools.tar.gz', tarGz, 'kvp-pool', 'binary'],
  ])('%s: the JSON report, its format named', async (_kind, file, bytes, format, encoding) => {
    const io = fakeIo({ [file]: bytes });
    const code = await analyzeCommand([file, '--json'], io);
    expect([0, 1]).toContain(code);
    const out = JSON.parse(io.out);
    expect(Object.keys(out)).toEqual(['input', 'snapshot', 'checks', 'verdicts']);
    expect(out.input).toEqual({ format, encoding });
    expect(out.verdicts.length).toBeGreaterThan(0);
  });

  it('a directory copied from /var/lib/hyperv is one guest', async () => {
    const io = fakeIo(
      {
        'hyperv/.kvp_pool_0': new Uint8Array(),
        'hyperv/.kvp_pool_3': poolBytes(POOL3),
        'hyperv/.kvp_pool_4': new Uint8Array(),
      },
      { mtimes: { 'hyperv/.kvp_pool_3': T * 1000 } },
    );
    await analyzeCommand(['hyperv', '--json'], io);
    const out = JSON.parse(io.out);
    expect(out.input.format).toBe('kvp-pool');
    expect(
      out.snapshot.linux.pools.map((p: { name: string; mtime?: number }) => [p.name, p.mtime]),
    ).toEqual([
      ['.kvp_pool_0', undefined],
      ['.kvp_pool_3', T * 1000],
      ['.kvp_pool_4', undefined],
    ]);
    expect(out.snapshot.parameters.values).toHaveLength(16);
  });

  it('a host collector file: one guest per VM, each named by its file and VM; --json an array of them', async () => {
    const text = fakeIo({ 'hosts.json': collector });
    await analyzeCommand(['hosts.json'], text);
    const rows = text.out.split('\n').filter((line) => line.includes('hosts.json'));
    expect(
      rows.map((row) =>
        row
          .slice(2)
          .split(/\s{2,}/)
          .slice(0, 3),
      ),
    ).toEqual([
      ['hosts.json', 'web-01', 'HV01'],
      ['hosts.json', 'web-02', 'HV01'],
    ]);
    const io = fakeIo({ 'hosts.json': collector });
    await analyzeCommand(['hosts.json', '--json'], io);
    const out = JSON.parse(io.out);
    expect(out.map((r: { file: string; vm: string }) => [r.file, r.vm])).toEqual([
      ['hosts.json', 'web-01'],
      ['hosts.json', 'web-02'],
    ]);
    expect(out[0].snapshot.hostVersion).toMatchObject({
      major: 10,
      minor: 0,
      build: '20348',
      from: 'Collector',
    });
  });

  it('input no reader takes: exit 2 and a sentence saying what it looks like', async () => {
    const io = fakeIo({ 'dump.txt': sample('notes-azure-basics__kvp_pool_3.tr-dump.txt') });
    expect(await analyzeCommand(['dump.txt', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out).error).toMatch(/^This looks like a Linux pool file turned into text/);
  });
});

describe('kvp-analyzer link: every kind of input', () => {
  it('a pool file: a v2 link that opens the same snapshot', async () => {
    const io = fakeIo({ '.kvp_pool_3': poolBytes(POOL3) });
    expect(await linkCommand(['.kvp_pool_3'], io)).toBe(0);
    const fragment = io.out.trim();
    expect(fragment).toMatch(/^#v2\./);
    const analysed = fakeIo({ '.kvp_pool_3': poolBytes(POOL3) });
    await analyzeCommand(['.kvp_pool_3', '--json'], analysed);
    const fromLink = fakeIo({});
    await analyzeCommand(['--link', fragment, '--json'], fromLink);
    expect(JSON.parse(fromLink.out)).toEqual(JSON.parse(analysed.out));
  });

  it('a collector file: one line per VM, its name, a tab, its link', async () => {
    const io = fakeIo({ 'hosts.json': collector });
    expect(await linkCommand(['hosts.json'], io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual([
      'hosts.json — web-01',
      'hosts.json — web-02',
    ]);
    const snapshot = await decodePermalink(lines[1]?.split('\t')[1] ?? '');
    expect(snapshot.vm?.name).toBe('web-02');
  });
});
