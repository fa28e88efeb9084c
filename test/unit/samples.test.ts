// Every sample on the page, read as the page and the command line read a file (the loader), and
// analysed by the real rules: each gives the verdicts it is there to show. The bytes are what the
// file's name says, and the Linux archive is a tar that the archive reader takes whole.
import { describe, expect, it } from 'vitest';
import { convertToJson51, type Json } from '../../src/app/samples/powershell-json.ts';
import { samples, type Sample } from '../../src/app/samples/index.ts';
import { loadBytes } from '../../src/lib/inputs/load.ts';
import { readPoolFile } from '../../src/lib/inputs/kvp-pool.ts';
import { readTar } from '../../src/lib/inputs/tar.ts';
import type { KvpSnapshot } from '../../src/lib/kvp/snapshot.ts';
import { redactSnapshot } from '../../src/lib/permalink/redact.ts';
import { analyze } from '../../src/lib/rules/index.ts';
import { POOL3 } from './inputs/kvp-bytes.ts';

function sample(id: string): Sample {
  const found = samples.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}

/** Each report of a sample's file: its name and every pack's outcome. */
async function reports(id: string): Promise<{ name: string; outcomes: Record<string, string> }[]> {
  const { fileName, load } = sample(id);
  const results = loadBytes([{ name: fileName, bytes: await load() }], { source: true });
  return results.flatMap((result) => {
    if ('error' in result) throw new Error(`${fileName} was not read: ${result.error}`);
    return result.guests.map((guest) => ({
      name: guest.name,
      outcomes: Object.fromEntries(
        analyze(guest.snapshot).verdicts.map((verdict) => [verdict.pack, verdict.outcome]),
      ),
    }));
  });
}

// Sample → for each report it gives, the outcomes of the packs it is there for.
const EXPECTED: Record<string, Record<string, string>[]> = {
  healthy: [
    {
      'kvp-integrity': 'healthy',
      'wu-ic-servicing': 'os-updates',
      'host-platform': 'windows-server',
      nesting: 'not-nested',
    },
  ],
  azure: [{ 'host-platform': 'azure', 'kvp-integrity': 'healthy', nesting: 'not-nested' }],
  'azure-local': [
    {
      'host-platform': 'azure-local',
      'guest-support': 'depends-on-host-release',
      'kvp-integrity': 'healthy',
    },
  ],
  nested: [{ nesting: 'nested', 'host-platform': 'windows-server', 'kvp-integrity': 'healthy' }],
  'linux-provisioning-failed': [
    { 'azure-provisioning': 'failed', 'linux-kvp': 'healthy', 'host-platform': 'azure' },
  ],
  'host-collector': [
    { 'host-integration': 'healthy', 'guest-support': 'supported' },
    { 'host-integration': 'data-exchange-off' },
    { 'host-integration': 'out-of-date' },
  ],
  'host-10-0': [{ 'wu-ic-servicing': 'os-updates', 'guest-support': 'supported' }],
  'parameters-missing': [
    { 'kvp-integrity': 'absent', 'wu-ic-servicing': 'windows-update-needs-kvp' },
  ],
  offered: [{ 'wu-ic-kb3004908': 'offered' }],
  'host-6-3': [
    { 'wu-ic-kb3004908': 'not-offered', 'wu-ic-servicing': 'integration-services-disk' },
  ],
  'hand-edited': [{ 'kvp-integrity': 'broken' }],
};

describe('every sample shows what it is there for', () => {
  it('has an expectation for every sample on the page, and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(samples.map((s) => s.id).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (id, expected) => {
    const got = await reports(id);
    expect(got).toHaveLength(expected.length);
    expected.forEach((outcomes, i) => {
      const actual = got[i]?.outcomes ?? {};
      for (const [pack, outcome] of Object.entries(outcomes)) {
        expect({ pack, outcome: actual[pack] }).toEqual({ pack, outcome });
      }
    });
  });

  it('the collector file gives one report per VM, named for the file and the VM', async () => {
    expect((await reports('host-collector')).map((r) => r.name)).toEqual([
      'kvp-sample-host-collector.json — WEB-FRONT01',
      'kvp-sample-host-collector.json — SQL-BI02',
      'kvp-sample-host-collector.json — FILE-OLD03',
    ]);
  });

  it('the Linux guest’s failure names its reason and where Microsoft explains it', async () => {
    const { fileName, load } = sample('linux-provisioning-failed');
    const [result] = loadBytes([{ name: fileName, bytes: await load() }]);
    const guest = result && 'guests' in result ? result.guests[0] : undefined;
    if (!guest) throw new Error('no report');
    const verdict = analyze(guest.snapshot).verdicts.find((v) => v.pack === 'azure-provisioning');
    expect(verdict?.reason).toContain('failure to obtain DHCP lease');
    expect(verdict?.reason).toContain('https://aka.ms/linuxprovisioningerror');
  });
});

describe('a sample shared with names replaced tells the same', () => {
  const statuses = (snapshot: KvpSnapshot) => {
    const result = analyze(snapshot);
    return {
      checks: result.checks.map((c) => [c.id, c.status]),
      verdicts: result.verdicts.map((v) => [v.pack, v.outcome]),
    };
  };

  // The Azure samples' VM names are GUIDs, which host-platform reads: redaction keeps them so.
  it.each(samples.map((s) => [s.id, s] as const))('%s', async (_id, s) => {
    const results = loadBytes([{ name: s.fileName, bytes: await s.load() }]);
    for (const result of results) {
      if ('error' in result) throw new Error(result.error);
      for (const { snapshot } of result.guests) {
        expect(statuses(redactSnapshot(snapshot))).toEqual(statuses(snapshot));
      }
    }
  });
});

describe('each sample’s bytes are what its file name says', () => {
  const head = (bytes: Uint8Array, n: number) => [...bytes.subarray(0, n)];

  it.each(samples.map((s) => [s.fileName, s] as const))('%s', async (fileName, s) => {
    const bytes = await s.load();
    // Open and Download give the same bytes: load twice, the same file.
    expect(await s.load()).toEqual(bytes);
    expect(fileName).toBe(`kvp-sample-${s.id}${fileName.slice(fileName.lastIndexOf('.'))}`);
    if (fileName.endsWith('.reg')) {
      expect(head(bytes, 2)).toEqual([0xff, 0xfe]); // regedit: UTF-16LE with a BOM
    } else if (fileName.endsWith('.tgz')) {
      expect(head(bytes, 3)).toEqual([0x1f, 0x8b, 0x08]); // gzip, deflate
    } else if (fileName.endsWith('.json')) {
      // The collector saves UTF-8 without a byte-order mark.
      expect(head(bytes, 1)).toEqual([0x7b]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    } else {
      throw new Error(`a sample of an unknown kind: ${fileName}`);
    }
  });
});

describe('the Linux sample is the archive tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv makes', () => {
  it('unpacks whole: the directory and its five pool files, mode 0644, no complaint', async () => {
    const tar = readTar(await sample('linux-provisioning-failed').load());
    expect(tar.diagnostics).toEqual([]);
    expect(tar.entries.map((e) => [e.name, e.type, e.mode.toString(8)])).toEqual([
      ['hyperv/', 'directory', '755'],
      ['hyperv/.kvp_pool_0', 'file', '644'],
      ['hyperv/.kvp_pool_1', 'file', '644'],
      ['hyperv/.kvp_pool_2', 'file', '644'],
      ['hyperv/.kvp_pool_3', 'file', '644'],
      ['hyperv/.kvp_pool_4', 'file', '644'],
    ]);
  });

  it('holds records as hv_kvp_daemon writes them: the host’s 16 in pool 3, cloud-init’s in pool 1', async () => {
    const { entries } = readTar(await sample('linux-provisioning-failed').load());
    const pool = (n: number) => {
      const entry = entries.find((e) => e.name === `hyperv/.kvp_pool_${n}`);
      if (!entry) throw new Error(`no pool ${n}`);
      return { entry, file: readPoolFile(entry.bytes, entry.name, entry.mtime) };
    };
    for (const n of [0, 2, 4]) expect(pool(n).entry.bytes.length).toBe(0);
    const pool3 = pool(3);
    expect(pool3.entry.bytes.length).toBe(16 * 2560);
    expect(pool3.file.diagnostics).toEqual([]);
    // The 16 of a current host, in the order hosts send them.
    expect(pool3.file.records.map((r) => r.key)).toEqual(POOL3.map(([key]) => key));
    const pool1 = pool(1);
    expect(pool1.file.diagnostics).toEqual([]);
    const keys = pool1.file.records.map((r) => r.key);
    expect(keys.at(-1)).toBe('PROVISIONING_REPORT');
    expect(
      keys.slice(0, -1).every((k) => /^CLOUD_INIT\|\d+\|\w+\|[^|]+\|[0-9a-f-]{36}$/.test(k)),
    ).toBe(true);
    // pool 3 was written after the boot cloud-init stamps its events with: this boot's values.
    const boot = Number(keys[0]?.split('|')[1]) * 1000;
    expect(pool3.entry.mtime).toBeGreaterThan(boot);
  });
});

describe('ConvertTo-Json as Windows PowerShell 5.1 lays it out', () => {
  it.each<[string, Json, string]>([
    ['a number', 1, '1'],
    [
      'null and booleans in an object',
      { a: null, b: true },
      '{\r\n    "a":  null,\r\n    "b":  true\r\n}',
    ],
    [
      'an object in an object: indented past its bracket',
      { host: { name: 'HV01' } },
      '{\r\n    "host":  {\r\n                 "name":  "HV01"\r\n             }\r\n}',
    ],
    [
      'an empty list: a blank line, the bracket under the bracket',
      { errors: [] },
      '{\r\n    "errors":  [\r\n\r\n               ]\r\n}',
    ],
    ['a list of text', ['a', 'b'], '[\r\n    "a",\r\n    "b"\r\n]'],
    [
      "escapes, < > & ' included",
      'O\'Brien <a> & "b" \\ \t',
      '"O\\u0027Brien \\u003ca\\u003e \\u0026 \\"b\\" \\\\ \\t"',
    ],
  ])('%s', (_what, value, text) => {
    expect(convertToJson51(value)).toBe(text);
  });
});
