// Each correction of the domain review, pinned with its source.
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { kvpIntegrityPack } from '../../../src/lib/rules/packs/kvp-integrity.ts';
import {
  AUTO,
  CURRENT_VERSION,
  PARAMETERS,
  V5,
  dword,
  hostValues,
  parseLines,
} from '../kvp/reg-text.ts';

const integrity = (lines: string[]): AnalysisResult =>
  analyze(parseLines(lines), {}, [kvpIntegrityPack]);
const check = (r: AnalysisResult, id: string) => r.checks.find((c) => c.id === id);

function host(edition: number, major: number, minor: number): string[] {
  return [V5, PARAMETERS, ...hostValues({ edition, major, minor })];
}

describe('host editions × versions (GetProductInfo; "Install Hyper-V on Windows")', () => {
  it.each<[string, number, number, number, string, string]>([
    // The review's repro: a Pro host reporting 6.1 was "healthy"; client Hyper-V starts with Windows 8.
    ['Pro on 6.1', 48, 6, 1, 'warn', 'impossible'],
    ['Pro on 6.2', 48, 6, 2, 'pass', 'ok'],
    ['Pro on 10.0', 48, 10, 0, 'pass', 'ok'],
    // "PRODUCT_*_SERVER_CORE values are not returned in Windows Server 2012, and later".
    ['Datacenter core id on 10.0', 0x0c, 10, 0, 'warn', 'impossible'],
    ['Datacenter core id on 6.1', 0x0c, 6, 1, 'pass', 'ok'],
    // Azure and Azure Local are 10.0 releases.
    ['Azure host on 6.3', 168, 6, 3, 'warn', 'impossible'],
    ['Azure Local on 6.3', 406, 6, 3, 'warn', 'impossible'],
    ['Azure Local on 10.0', 406, 10, 0, 'pass', 'ok'],
    // No Enterprise edition after 2008 R2 is an inference: unusual, not impossible.
    ['Enterprise Server on 10.0', 0x0a, 10, 0, 'info', 'unusual'],
    // Azure Edition runs only on Azure/Azure Local: as a host, it is a VM — a nested guest.
    ['Azure Edition host', 407, 10, 0, 'info', 'nested'],
    // Home (every variant) has no Hyper-V.
    ['Home N', 0x62, 10, 0, 'warn', 'cannot'],
    ['Home China', 0x63, 10, 0, 'warn', 'cannot'],
    ['Home Single Language', 0x64, 10, 0, 'warn', 'cannot'],
    // Rows the table lacked: legitimate hosts.
    ['IoT Enterprise', 0xbc, 10, 0, 'pass', 'ok'],
    ['IoT Enterprise LTSC', 0xbf, 10, 0, 'pass', 'ok'],
    ['Enterprise LTSC N', 0x7e, 10, 0, 'pass', 'ok'],
    ['Enterprise LTSC evaluation', 0x81, 10, 0, 'pass', 'ok'],
    ['Enterprise N evaluation', 0x54, 10, 0, 'pass', 'ok'],
    // Undocumented Hyper-V capability: a note.
    ['ARM64 server', 0x78, 10, 0, 'info', 'unverified'],
    // An id nobody knows: a note (the SDK keeps adding ids), never "suspicious".
    ['unknown id 900', 900, 10, 0, 'info', 'unknown'],
  ])('%s', (_name, edition, major, minor, status, messageId) => {
    const result = integrity(host(edition, major, minor));
    expect(check(result, 'kvp-host-edition')).toMatchObject({ status, messageId });
    if (status === 'info' || status === 'pass') expect(result.verdicts[0]?.outcome).toBe('healthy');
    else expect(result.verdicts[0]?.outcome).toBe('suspicious');
  });

  it('names Azure Local by its current name', () => {
    expect(check(integrity(host(406, 10, 0)), 'kvp-host-edition')?.message).toBe(
      '406 → PRODUCT_AZURESTACKHCI_SERVER_CORE (Azure Local (formerly Azure Stack HCI)).',
    );
  });
});

describe('the guest OS (CurrentVersion stays "6.3" on Windows 10 and 11)', () => {
  it('reads CurrentBuild 10240 or more as 10.0 — the review’s repro (6.3 + 19045)', () => {
    const snapshot = buildSnapshot(
      parseLines([V5, CURRENT_VERSION, '"CurrentVersion"="6.3"', '"CurrentBuild"="19045"']),
    );
    expect(snapshot.guestOs).toMatchObject({
      major: 10,
      minor: 0,
      build: '19045',
      from: 'CurrentVersion',
    });
    const result = analyze(snapshot);
    expect(result.checks.find((c) => c.id === 'servicing-guest-os')?.message).toBe(
      'The guest is Windows 10 version 22H2 (10.0.19045), from line 3.',
    );
  });

  it('keeps 6.3 for a real 8.1/2012 R2 build', () => {
    const snapshot = buildSnapshot(
      parseLines([V5, CURRENT_VERSION, '"CurrentVersion"="6.3"', '"CurrentBuild"="9600"']),
    );
    expect(snapshot.guestOs).toMatchObject({ major: 6, minor: 3 });
  });

  it('calls build 22000 or later Windows 11, whatever ProductName says', () => {
    const snapshot = buildSnapshot(
      parseLines([
        V5,
        CURRENT_VERSION,
        '"CurrentMajorVersionNumber"=dword:0000000a',
        '"CurrentMinorVersionNumber"=dword:00000000',
        '"CurrentBuild"="22631"',
        '"ProductName"="Windows 10 Pro"',
        '"InstallationType"="Client"',
      ]),
    );
    expect(snapshot.guestOs).toMatchObject({ kind: 'client', productName: 'Windows 10 Pro' });
    expect(analyze(snapshot).checks.find((c) => c.id === 'servicing-guest-os')?.message).toMatch(
      /^The guest is Windows 11 version 23H2 \(10\.0\.22631\)/,
    );
  });

  it.each([
    ['1', 'Windows 7 (6.1.7601)'],
    ['3', 'Windows Server 2008 R2 (6.1.7601)'],
    ['2', 'Windows Server 2008 R2 (6.1.7601)'],
  ])(
    'tells client from server by Auto\\ProductType %s (Vista ≠ 2008, 7 ≠ 2008 R2)',
    (type, text) => {
      const result = analyze(
        parseLines([
          V5,
          AUTO,
          '"OSVersion"="6.1.7601"',
          '"OSBuildNumber"="7601"',
          `"ProductType"="${type}"`,
        ]),
      );
      expect(result.checks.find((c) => c.id === 'servicing-guest-os')?.message).toBe(
        `The guest is ${text}, from line 3.`,
      );
    },
  );

  it('tells client from server by CurrentVersion\\InstallationType', () => {
    const snapshot = buildSnapshot(
      parseLines([
        V5,
        CURRENT_VERSION,
        '"CurrentVersion"="6.0"',
        '"CurrentBuild"="6002"',
        '"InstallationType"="Server Core"',
      ]),
    );
    expect(snapshot.guestOs).toMatchObject({ major: 6, minor: 0, kind: 'server' });
  });
});

describe('Auto contradicting itself (Msvm_KvpExchangeDataItem: OSEditionId is GetProductInfo, OSName is ProductName)', () => {
  const auto = (...values: string[]) => [
    V5,
    AUTO,
    '"OSMajorVersion"="6"',
    '"OSMinorVersion"="1"',
    ...values,
  ];

  it('warns when OSEditionId names another edition than OSName — the review’s fixture', () => {
    const result = integrity(
      auto('"OSName"="Windows Server 2008 R2 Enterprise"', '"OSEditionId"="8"'),
    );
    expect(check(result, 'kvp-auto-consistent')).toMatchObject({
      status: 'warn',
      message:
        'OSEditionId 8 is Server Datacenter, but OSName is “Windows Server 2008 R2 Enterprise”: it names Enterprise, not Datacenter.',
      evidence: [
        { name: 'OSEditionId', line: 6 },
        { name: 'OSName', line: 5 },
      ],
    });
  });

  it('warns when build 7601 (SP1) comes with ServicePackMajor 0', () => {
    const result = integrity(auto('"OSBuildNumber"="7601"', `"ServicePackMajor"=${dword(0)}`));
    expect(check(result, 'kvp-auto-consistent')).toMatchObject({
      status: 'warn',
      message: 'OSBuildNumber 7601 is the build of Service Pack 1, but ServicePackMajor is 0.',
    });
  });

  it('passes a consistent Auto, and one whose OSName names no edition', () => {
    expect(
      check(
        integrity(
          auto(
            '"OSName"="Windows Server 2008 R2 Datacenter"',
            '"OSEditionId"="8"',
            '"OSBuildNumber"="7601"',
            '"ServicePackMajor"="1"',
          ),
        ),
        'kvp-auto-consistent',
      )?.status,
    ).toBe('pass');
    expect(
      check(integrity(auto('"OSName"="Windows"', '"OSEditionId"="8"')), 'kvp-auto-consistent')
        ?.status,
    ).toBe('pass');
    expect(check(integrity([V5]), 'kvp-auto-consistent')?.status).toBe('not-applicable');
  });
});

describe('look-alike value names (Unicode TS #39 confusables)', () => {
  it('flags a name that is a known one only to the eye, and deletes exactly it', () => {
    const result = integrity([
      V5,
      PARAMETERS,
      ...hostValues(),
      '"Host\u200bName"="spoofed"',
      '"HostingSystemOsMаjor"=dword:00000006', // Cyrillic а
    ]);
    const rule = check(result, 'kvp-look-alike-names');
    expect(rule).toMatchObject({ status: 'warn' });
    expect(rule?.message).toContain('“Host⟨U+200B⟩Name” looks like HostName but is another name');
    expect(rule?.message).toContain('looks like HostingSystemOsMajor');
    expect(rule?.evidence.map((e) => e.name)).toEqual(['Host⟨U+200B⟩Name', 'HostingSystemOsMаjor']);
    expect(rule?.fix?.guest).toContain("$key.DeleteValue('Host\u200bName', $false)");
    expect(
      check(integrity([V5, PARAMETERS, ...hostValues()]), 'kvp-look-alike-names')?.status,
    ).toBe('pass');
  });
});
