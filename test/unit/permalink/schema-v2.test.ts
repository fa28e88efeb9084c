import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LinkContentRow } from '../../../src/lib/permalink/link-contents.ts';
import { PARAMETERS_PATH, AUTO_PATH, CURRENT_VERSION_PATH } from '../../../src/lib/kvp/paths.ts';
import {
  assembleSnapshot,
  snapshotFacts,
  type KeyFactsInFile,
  type KvpSnapshot,
  type SnapshotFacts,
} from '../../../src/lib/kvp/snapshot.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import {
  decodePermalink,
  describeLinkContents,
  encodePermalink,
} from '../../../src/lib/permalink/index.ts';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';
import { decodeFactsV2, encodeFactsV2 } from '../../../src/lib/permalink/schema-v2.ts';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { loadBytes } from '../../../src/lib/inputs/load.ts';
import { collectorText, loadOne, powershellFile } from '../inputs/helpers.ts';
import { POOL3 as KVP_POOL3, poolBytes, tarBytes } from '../inputs/kvp-bytes.ts';
import { corpusPath } from '../../support/corpus.ts';

const readCorpus = (name: string) => new Uint8Array(readFileSync(corpusPath('kvp', name)));

const hash = (snapshot: KvpSnapshot) =>
  createHash('sha256')
    .update(JSON.stringify(snapshotFacts(snapshot)))
    .digest('hex');

// Links made by the code before other inputs were read (main at 2b99581), from the page's
// samples as they were then, with the sha-256 of the facts they carried. Each must open with the
// same facts, so the same report.
const OLD_LINKS: [string, string, string][] = [
  [
    'offered',
    '#v1.dY3NSsNAFEZvJ01Mmi6sP_WnVaLiRuQyMwk1DYIUBV1pRq-6jtMpCJqRNNiVjyC4Fh_SRxAUV-L6O-d8AOA20rCh8OyGci5Q2-oJtS1rO7Wo7SNT7Z_F-RdpqtYoz7lwL9nR3sfoJTy_fn_o4etFe-aRP0eeT82AoEUQUuCy486C2v8W_pQWVX-AEoeScxSDJI6XVFdwlBxjjolYVunEpDzLkrHQ2bCQd9mBiSeZEIXcFbJLn6cr5K-Rt05sVR3e3pdjO5tGV6Z6NlUkuZDRSVEX2pS1qXrE-mr-926Dgk1ytgi2CXbozekoAAfgCw',
    'bbe3cd2ae2ca525bf98f1430f9e556383a80f0f7ac925e4ba506cbaa95531f6d',
  ],
  [
    'offered, what-if 6.4',
    '#v1.dY3LSsNAGEank4tJ04X1Ui-tEhU3Un5mJqGmgyBFQVea0V9dx-kUhJqRNNiVjyC4Fh_SRxAUV-L6O-d8hFDf9RpZ1FBwfos546Bt9QTalrWdWdD2karWz-L8i7iqOcpzxr0renzwMXqJLm7ep114vWzNfQwW0A_QDZE0kUQYevSkvaT638Kf0rLqDUDAUDAGfJAmyYrqcAaCQcIg5asqm5iMSZmOuZbDQtzLQ5NMJOeF2Oeig59naxhsoL-JdF0d3T2UYzufxdemejZVLBgX8WlRF9qUtam6SHtq8fduC8NtdHaQ7CLZwzenrQhxCPkC',
    '1c4053aa336537c7153e362ca25c1f6f4067a9c60ac19dbae24ef2a92f222664',
  ],
  [
    'offered, redacted',
    '#v1.Y2BgYGW04GYMNPLwDw4x1EvJz03MzIPRRnrJ-blMgVxgOWY8algC2cJ8DVmDmBjAwIGhAcJgZAvhYA9h4whh4Qxh4Aph4A7hZGVyFhQKNHEPdcVhlnCgjJmekZ6lkYGBnqGZibGxSKCQoaWRnoGekZ6haKCYkYGBoVVKkoWVlaFYyAd38RAOyRA2qRAmiUCb8My8lPzyYoXg1KKy1CIFIwNDIwWXxJLE5NS8ktQi6RAmmUABmNmyIZxyIcyKIQxKIQzKIROYBQMZGJgZGAA',
    '379c1fe07f764b40262d7376c308894097a3f10aa71fd16a472cdda9453b833c',
  ],
  [
    'host-6-3',
    '#v1.Y2BgYGW04GYM1PMI0_Xzd3E11ktLTCrKzE7M1cvJT07MYQoUgMkw41TEEsjj5unjamDEGsS0_PCji6Fb_Pl6FOdmW_H5S7CFcLCHsHGEMHOGMHCFMHCHcLIyOQsKBWpBdKCZJBwoY6ZnrGdpZmCgZ2hmbGEiEihlaGmkZ2hmoWdioGdoJBpokZZqYWBllWiabGRlbJiWZpWWamBpZZ5kZKBqaCgWstFaPIRdMoRNKoRRItAuPDMvJb-8WCE4tagstUjByMDAQiHISCG4JDEvJbEoRTqESSZQwEzPUM_czMBQNoRTLoRZMYRRKYRBOWQCk2CgDEhfZnKqQkBicraCIQMzAwMA',
    'ef7e1dd01a5fed32e67a00e1c933103b94a58611c6f5ed05591230e06229a287',
  ],
  [
    'host-6-3, what-if 6.4',
    '#v1.Y2BgYmNhZbTgZgzU8wjT9fN3cTXWS0tMKsrMTszVy8lPTsxhChSAyTDjVMQSyOPm6eNqYMQaxLT88KOLoVv8-XoU52Zb8flLsIVwsIewcYQwc4YwcIUwcIdwsjI5CwoFakF0oJkkHChjpmesZ2lmYKBnaGZsYSISKGVoaaRnaGahZ2KgZ2gkGmiRlmphYGWVaJpsZGVsmJZmlZZqYGllnmRkoGpoKBay0Vo8hF0yhE0qhFEi0C48My8lv7xYITi1qCy1SMHIwMBCIchIIbgkMS8lsShFOoRJJlDATM9Qz9zMwFA2hFMuhFkxhFEphEE5ZAKTYKAMSF9mcqpCQGJytoIhAzMDAwA',
    'e190c8ff1fd164baa31ea8aacec68ceec6a6813de7a63f42da0cc9c8c45a2cc4',
  ],
  [
    'host-6-3, redacted',
    '#v1.bYzNSsNAFIXvTEzatBtbtf5FGRWKq2HuVMY0gggiuhGd5qrrMZNFsCYQRbc-gq_iG4p1qWd1-A7fAYCQpX1mx1c3OaH0zbOrapTzpnBzbnsLGvy7Ltno_hrDGYdFzuDjt7CIuh2KuhTEBD2CPsUhPx8M7eHl3cWflxWbGDmRU6OURDNJj1btEKdaKqklrtmRVgoz_5hmGY7o62SdOpsUbRHbsKcPVe2b9xeRl-1b2QqtVCpmWuSvrvau9dvEE7tsJMpjo3CH4l0K9ojtExzQJx_Y5MerilLcuuJJIAQA3w',
    '065e43f1494b69f44e8ecba66aae0c876729b1cba194eb5a7911e12a8235d54d',
  ],
  [
    'hand-edited',
    '#v1.Xco9C4JAGADg8xOKhggHkwYJihZFHMLWKGgJO5RsNT30Ku8N70oj-u9RW60PD0JIk4yOhKc5uR-hdUuoiEvatLpeiIx7q_V-GR4U7DVQn7lIBQX2c1Q8SCgLbEG40LD5ZCCc1CluNH_pGUHjDXARPbggVRht0xPUmf6HlEGdqWhWAheUFfzrwKuPG11FkyfqMNatWDaxlVCWQ8PtwN7VMML9ueu7C9_zkILQGw',
    '168fb6d29ea2873e56e226ddcafed5c1394590143ec3b58b21e7b629a297326b',
  ],
  [
    'hand-edited, redacted',
    '#v1.Y2BgYGUU4WQM1MrILy4x1EvJz03MzDPUS61IzC3ISWUK5PLwDw4xZIbIG6HLswSyhfkasgZyhfl6uhiyJacyKHnkF5cEVxaXpOb6B_smZuUXJbOhCWbm5RclszBogEzMzEsvBovnF-eCxEW4mFmZVFkkQ9ikQpgkAqXCM_NS8suLFSwUAoryZQIFzPSM9CyNDAwYmBkYAA',
    'a4b96d4021573cd17d24639f38e22af409edeaa69fad9a3839345ba2260b3137',
  ],
];

describe('links made before v2', () => {
  it.each(OLD_LINKS)(
    '%s opens with the same facts, and its link is still v1',
    async (_id, link, sha) => {
      const snapshot = await decodePermalink(link);
      expect(hash(snapshot)).toBe(sha);
      expect(analyze(snapshot).verdicts.length).toBeGreaterThan(0);
      expect(await encodePermalink(snapshot)).toMatch(/^#v1\./);
    },
  );
});

const NOT_COLLECTED = (path: string): KeyFactsInFile => ({
  state: 'not-collected',
  path,
  line: null,
  values: [],
});

/** The facts of an Azure Linux guest's five pool files, pool 1 with cloud-init's report. */
function linuxFacts(): SnapshotFacts {
  const records = KVP_POOL3.map(([key, value], i) => ({ record: i + 1, key, value }));
  const pool = (n: 0 | 1 | 2 | 4, recs: { record: number; key: string; value: string }[] = []) => ({
    pool: n,
    poolFrom: 'name' as const,
    name: `.kvp_pool_${n}`,
    size: recs.length * 2560,
    mtime: 1764633600000,
    mode: 0o644,
    records: recs,
    diagnostics: [],
  });
  const report =
    'result=error|reason=failed to fetch the ovf-env.xml|agent=Cloud-Init/23.4|vm_id=4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D|timestamp=2026-12-01T10:00:00Z|documentation_url=https://aka.ms/linuxprovisioningerror';
  return {
    input: { format: 'kvp-pool', encoding: 'binary' },
    parameters: {
      state: 'present',
      path: PARAMETERS_PATH,
      line: 1,
      locator: { kind: 'record', file: '.kvp_pool_3' },
      values: records.map((r) => ({ name: r.key, type: 1, data: r.value, line: r.record })),
    },
    auto: NOT_COLLECTED(AUTO_PATH),
    currentVersion: NOT_COLLECTED(CURRENT_VERSION_PATH),
    lookAlikes: [],
    given: {},
    linux: {
      pools: [
        pool(0),
        pool(1, [{ record: 1, key: 'PROVISIONING_REPORT', value: report }]),
        pool(2),
        {
          ...pool(0),
          pool: 3,
          name: '.kvp_pool_3',
          size: 16 * 2560,
          records,
          diagnostics: [{ severity: 'info', message: 'a note', at: 'record 2' }],
        },
        pool(4),
      ],
      ignored: [{ name: 'notes.txt', why: 'not a pool file' }],
      diagnostics: [],
    },
  };
}

function collectorFacts(): SnapshotFacts {
  return {
    input: { format: 'host-collector', encoding: 'utf-8' },
    parameters: NOT_COLLECTED(PARAMETERS_PATH),
    auto: {
      state: 'present',
      path: AUTO_PATH,
      line: 1,
      locator: { kind: 'item', list: 'GuestIntrinsicExchangeItems' },
      values: [
        { name: 'FullyQualifiedDomainName', type: 1, data: 'web-01.corp.example.com', line: 1 },
        { name: 'NetworkAddressIPv4', type: 1, data: '10.1.2.3', line: 2 },
        { name: 'OSMajorVersion', type: 1, data: '10', line: 3 },
      ],
    },
    currentVersion: NOT_COLLECTED(CURRENT_VERSION_PATH),
    lookAlikes: [],
    given: { guestOs: { major: 6, minor: 3 } },
    host: {
      name: 'HV01',
      osName: 'Microsoft Windows Server 2022 Datacenter',
      version: '10.0.20348',
      build: 20348,
      editionId: 8,
      manufacturer: 'Dell Inc.',
      collectedAt: '2026-12-01T10:00:00Z',
    },
    vm: {
      name: 'web-01',
      id: '461B2364-3901-4349-B3C2-FA4821CBEEFE',
      state: 'Running',
      generation: 2,
      configurationVersion: '10.0',
      integrationServices: [
        {
          name: 'Key-Value Pair Exchange',
          id: 'Microsoft:461B2364-3901-4349-B3C2-FA4821CBEEFE\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F',
          enabled: true,
          primaryStatus: 'Ok',
          secondaryStatus: 'ProtocolMismatch',
        },
        { name: 'Guest Service Interface', enabled: false },
      ],
      guestItems: [{ name: 'Owner', data: 'web-01 team, 10.1.2.3' }],
      disableHostKvpItems: false,
      errors: [],
      index: 3,
    },
  };
}

/** Facts as they come back: through a link, then back to facts. */
async function throughLink(snapshot: KvpSnapshot, redact = false) {
  const link = await encodePermalink(snapshot, { redact });
  return { link, back: await decodePermalink(link) };
}

describe('links of every kind of input (v2)', () => {
  it.each([
    [
      'reg query output',
      [
        '',
        PARAMETERS_PATH,
        '    HostName    REG_SZ    hv01',
        '    HostingSystemOsMajor    REG_DWORD    0xa',
      ],
    ],
    [
      'Format-List',
      [
        '',
        'HostName             : hv01',
        'HostingSystemOsMajor : 10',
        `PSPath               : Registry::${PARAMETERS_PATH}`,
      ],
    ],
    [
      'ConvertTo-Json',
      [
        '{"HostName": "hv01", "HostingSystemOsMajor": 10,',
        `"PSPath": ${JSON.stringify(`Registry::${PARAMETERS_PATH}`)}}`,
      ],
    ],
  ])('%s: the format and the types as shown come back', async (_kind, lines) => {
    const snapshot = loadOne('kvp.txt', powershellFile(lines)).snapshot;
    const { link, back } = await throughLink(snapshot);
    expect(link).toMatch(/^#v2\./);
    expect(snapshotFacts(back)).toEqual(snapshotFacts(snapshot));
    expect(back.input).toEqual(snapshot.input);
    expect(analyze(back).verdicts).toEqual(analyze(snapshot).verdicts);
  });

  it.each([
    ['pool files', '.kvp_pool_3', () => poolBytes(KVP_POOL3)],
    [
      'a .tar.gz of them',
      'pools.tar.gz',
      () =>
        gzipSync(
          tarBytes([
            {
              name: 'hyperv/.kvp_pool_3',
              mode: 0o644,
              mtime: 1764633600,
              data: poolBytes(KVP_POOL3),
            },
          ]),
        ),
    ],
    [
      "the host's items",
      'items.xml',
      () => readCorpus('host-sflow__GuestIntrinsicExchangeItems.OSVersion.xml'),
    ],
    [
      'a collector file',
      'hosts.json',
      () =>
        new TextEncoder().encode(
          collectorText(['web-01', 'web-02'], [{ name: 'OSMajorVersion', data: '10' }]),
        ),
    ],
  ])('%s, as the loader reads them: every report comes back whole', async (_kind, name, bytes) => {
    const guests = loadBytes([{ name, bytes: bytes() }]).flatMap((r) =>
      'error' in r ? [] : r.guests,
    );
    expect(guests.length).toBeGreaterThan(0);
    for (const guest of guests) {
      const { link, back } = await throughLink(guest.snapshot);
      expect(link).toMatch(/^#v2\./);
      expect(back).toEqual(guest.snapshot);
    }
  });

  it.each([
    ['a Linux guest’s pool files', linuxFacts],
    ['a VM of a host collector file', collectorFacts],
  ])('%s: every part comes back', async (_kind, facts) => {
    const snapshot = assembleSnapshot(facts());
    const { link, back } = await throughLink(snapshot);
    expect(link).toMatch(/^#v2\./);
    expect(snapshotFacts(back)).toEqual(facts());
    expect(back).toEqual(snapshot);
  });

  it('the host version of a collector file comes from the host itself, exactly', () => {
    const snapshot = assembleSnapshot(collectorFacts());
    expect(snapshot.hostVersion).toMatchObject({
      major: 10,
      minor: 0,
      build: '20348',
      from: 'Collector',
    });
    expect(snapshot.hostVersion?.facts[0]?.provenance).toEqual({
      kind: 'file',
      line: 1,
      locator: { kind: 'place', text: 'the host part of the collector file' },
    });
  });

  it('a 16-value Linux guest’s link stays within 400 characters', async () => {
    const facts = linuxFacts();
    const small = {
      ...facts,
      linux: {
        ...facts.linux!,
        pools: facts.linux!.pools.map((p) => (p.pool === 1 ? { ...p, records: [] } : p)),
        ignored: [],
      },
    };
    const link = await encodePermalink(assembleSnapshot(small));
    expect(link.length).toBeLessThanOrEqual(400);
  });

  it('redacted, no part names the host, the VM or the addresses any more', async () => {
    for (const facts of [linuxFacts(), collectorFacts()]) {
      const { back } = await throughLink(assembleSnapshot(facts), true);
      const text = JSON.stringify(back);
      for (const secret of [
        'HV-NODE-01',
        'hv-node-01',
        '4A3B2C1D',
        'HV01',
        'web-01',
        '461B2364',
        '10.1.2.3',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    // What the checks read stays: the report's result, the services' statuses.
    const linux = await throughLink(assembleSnapshot(linuxFacts()), true);
    expect(linux.back.linux?.pools[1]?.records[0]?.value).toMatch(
      /^result=error\|reason=failed to fetch the ovf-env\.xml\|agent=Cloud-Init\/23\.4\|vm_id=00000000-0000-4000-8000-000000000001\|/,
    );
    const { back } = await throughLink(assembleSnapshot(collectorFacts()), true);
    expect(back.vm?.integrationServices[0]?.secondaryStatus).toBe('ProtocolMismatch');
    expect(back.vm?.id).toMatch(/^00000000-0000-4000-8000-/);
    expect(back.vm?.integrationServices[0]?.id).toBe(
      `Microsoft:${back.vm?.id}\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F`,
    );
  });

  it('the share dialog lists what the parts carry', () => {
    const rows = describeLinkContents(assembleSnapshot(collectorFacts()));
    const keys = new Set(rows.map((row: LinkContentRow) => row.key));
    expect([...keys]).toEqual(
      expect.arrayContaining(['Auto', 'Host', 'VM', 'Integration services', 'GuestExchangeItems']),
    );
    expect(rows).toContainEqual({
      key: 'Integration services',
      name: 'Key-Value Pair Exchange',
      type: '',
      shown: 'enabled, Ok, ProtocolMismatch',
    });
    const linux = describeLinkContents(assembleSnapshot(linuxFacts()));
    expect(linux).toContainEqual(
      expect.objectContaining({
        key: '.kvp_pool_1',
        name: 'PROVISIONING_REPORT',
        type: 'record 1',
      }),
    );
  });

  it('every cut of a v2 payload is refused as damage', () => {
    const payload = encodeFactsV2(linuxFacts());
    for (let length = 0; length < payload.length; length++) {
      expect(() => decodeFactsV2(payload.subarray(0, length))).toThrow(PayloadError);
    }
    expect(() => decodeFactsV2(Uint8Array.from([...payload, 0]))).toThrow(PayloadError);
    expect(decodeFactsV2(payload)).toEqual(linuxFacts());
  });
});
