// KB3004908 (November 2014): Windows Update checks KVP, the guest OS, then HostingSystemOsMajor
// and HostingSystemOsMinor (2014 blog "Integration components: How we determine Windows Update
// applicability"); offered only to 6.1/6.2 guests on 6.4 hosts ("Hyper-V integration components
// are available through Windows Update").
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { kb3004908Pack } from '../../../src/lib/rules/packs/wu-ic-kb3004908.ts';
import { AUTO, PARAMETERS, V5, VM, dword, parseLines, vmExport } from '../kvp/reg-text.ts';

function run(lines: string[], whatIf = {}): AnalysisResult {
  return analyze(parseLines(lines), whatIf, [kb3004908Pack]);
}
const check = (r: AnalysisResult, id: string) =>
  r.checks.find(
    (c) => c.id === (id === 'parameters-present' ? 'kvp-parameters-present' : `kb3004908-${id}`),
  );
const verdictOf = (r: AnalysisResult) => r.verdicts[0];

const GUESTS: Record<string, string> = {
  '6.0': 'Windows Server 2008 (6.0.6002)',
  '6.1': 'Windows Server 2008 R2 (6.1.7601)',
  '6.2': 'Windows Server 2012 (6.2.9200)',
  '6.3': 'Windows Server 2012 R2 (6.3.9600)',
  '10.0': 'Windows Server 2022 (10.0.20348)',
};
const HOSTS: Record<string, string> = {
  '6.2': '6.2 (Windows Server 2012, Hyper-V Server 2012 or Windows 8)',
  '6.3': '6.3 (Windows Server 2012 R2, Hyper-V Server 2012 R2 or Windows 8.1)',
  '10.0':
    '10.0 (Windows Server 2016 or later, Azure Local, Azure, Hyper-V Server 2016/2019, or Windows 10/11)',
};
const TARGETS =
  'Windows 7, Windows Server 2008 R2, Windows 8 and Windows Server 2012 (6.1 and 6.2)';

// The host is read before the guest settles it: a host known not to be 6.4 gives "not offered"
// whatever the guest; on a 6.4 host only 6.1/6.2 guests are offered.
const cases: [string, string, string, string][] = [];
for (const guest of ['6.0', '6.1', '6.2', '6.3', '10.0']) {
  for (const host of ['6.2', '6.3', '6.4', '10.0']) {
    const targeted = guest === '6.1' || guest === '6.2';
    let outcome = 'not-offered';
    let reason: string;
    if (host !== '6.4') {
      reason = `The host reports ${HOSTS[host]}; this update is offered only to VMs on 6.4 hosts.`;
    } else if (!targeted) {
      reason = `The guest is ${GUESTS[guest]}, from line 4; KB3004908 targets only ${TARGETS}.`;
    } else {
      outcome = 'offered';
      reason = `The guest is ${GUESTS[guest]} and the host reports 6.4 — the combination the November 2014 logic offers KB3004908 to.`;
    }
    cases.push([guest, host, outcome, reason]);
  }
}

describe('wu-ic-kb3004908 verdict, guest × host', () => {
  it.each(cases)('guest %s on host %s → %s', (guest, host, outcome, reason) => {
    const [gMajor, gMinor] = guest.split('.').map(Number) as [number, number];
    const [hMajor, hMinor] = host.split('.').map(Number) as [number, number];
    const result = run(vmExport([gMajor, gMinor], { major: hMajor, minor: hMinor }));
    expect(verdictOf(result)).toEqual({
      pack: 'wu-ic-kb3004908',
      outcome,
      label: outcome === 'offered' ? 'Offered' : 'Not offered',
      tone: outcome === 'offered' ? 'good' : 'neutral',
      reason,
      assumed: [],
    });
  });

  it('is not offered on a known host other than 6.4 even without a guest OS', () => {
    const result = run(vmExport(null, { major: 10, minor: 0 }));
    expect(check(result, 'guest-os')?.status).toBe('incomplete');
    expect(verdictOf(result)).toMatchObject({
      outcome: 'not-offered',
      reason: `The host reports ${HOSTS['10.0']}; this update is offered only to VMs on 6.4 hosts.`,
    });
  });
});

describe('wu-ic-kb3004908 steps', () => {
  it('is not offered when the key is absent, and the host steps are skipped saying why once', () => {
    const result = run([V5, '', AUTO, '"OSMajorVersion"="6"', '"OSMinorVersion"="1"']);
    expect(check(result, 'parameters-present')).toMatchObject({
      status: 'fail',
      title: 'Guest\\Parameters key missing',
      fix: {
        host: expect.stringContaining(
          "$vmName = Read-Host 'Name of the virtual machine in Hyper-V Manager'\nEnable-VMIntegrationService -VMName $vmName -Name 'Key-Value Pair Exchange'",
        ),
        guest: expect.stringContaining('Set-Service -Name vmickvpexchange -StartupType Manual'),
      },
    });
    for (const id of ['host-major', 'host-minor']) {
      expect(check(result, id)).toMatchObject({
        status: 'skip',
        skippedBecause: 'kvp-parameters-present',
        message: 'Skipped because the file has no Guest\\Parameters key.',
      });
    }
    expect(check(result, 'guest-os')?.status).toBe('pass');
    expect(verdictOf(result)).toMatchObject({
      outcome: 'not-offered',
      reason: expect.stringMatching(/^The key Guest\\Parameters is not in the file/),
    });
  });

  it('says so when the file deletes the key', () => {
    const result = run([V5, AUTO, '"OSVersion"="6.1.7601"', `[-${VM}\\Guest\\Parameters]`]);
    expect(check(result, 'parameters-present')).toMatchObject({
      status: 'fail',
      message: 'The file deletes the key Guest\\Parameters (line 4).',
    });
  });

  it('cannot tell on a 6.4 host when the guest OS is unknown, and says which what-if decides it', () => {
    const result = run(vmExport(null, { major: 6, minor: 4 }));
    expect(check(result, 'guest-os')).toMatchObject({ status: 'incomplete', decidedBy: 'guestOs' });
    expect(check(result, 'guest-os')?.message).not.toMatch(/--/);
    expect(verdictOf(result)).toMatchObject({
      outcome: 'unknown',
      label: 'Cannot tell',
      reason: `The host reports 6.4, but the guest OS is not known, and KB3004908 was offered only to ${TARGETS} guests.`,
    });
  });

  it('points evidence at the lines of the values it read', () => {
    const lines = vmExport([6, 1], { major: 6, minor: 3 });
    const result = run(lines);
    const evidence = check(result, 'host-minor')?.evidence[0];
    expect(evidence).toMatchObject({ name: 'HostingSystemOsMinor', actual: '3 (REG_DWORD)' });
    expect(lines[(evidence?.line ?? 0) - 1]).toBe(`"HostingSystemOsMinor"=${dword(3)}`);
    const guest = check(result, 'guest-os')?.evidence[0];
    expect(lines[(guest?.line ?? 0) - 1]).toBe('"OSMajorVersion"="6"');
  });

  it('fails when HostingSystemOsMajor is missing or not a number', () => {
    const missing = run([V5, AUTO, '"OSVersion"="6.1.7601"', PARAMETERS, '"HostName"="h"']);
    expect(verdictOf(missing)?.reason).toBe(
      'HostingSystemOsMajor is not there, so Windows Update cannot match the host version.',
    );
    const text = run([
      V5,
      AUTO,
      '"OSVersion"="6.1.7601"',
      PARAMETERS,
      '"HostingSystemOsMajor"="six"',
    ]);
    expect(check(text, 'host-major')).toMatchObject({
      status: 'fail',
      message:
        'HostingSystemOsMajor is REG_SZ "six" is not a decimal number, so Windows Update cannot match the host version.',
      evidence: [
        { name: 'HostingSystemOsMajor', actual: '"six" (REG_SZ)', line: 5 },
        expect.anything(),
      ],
    });
    const minor = run([
      V5,
      AUTO,
      '"OSVersion"="6.1.7601"',
      PARAMETERS,
      `"HostingSystemOsMajor"=${dword(6)}`,
    ]);
    expect(verdictOf(minor)?.reason).toBe(
      'HostingSystemOsMinor is not there, so Windows Update cannot match the host version.',
    );
  });

  it('accepts host numbers stored as decimal REG_SZ', () => {
    const lines = [
      V5,
      AUTO,
      '"OSVersion"="6.2.9200"',
      PARAMETERS,
      '"HostingSystemOsMajor"="6"',
      '"HostingSystemOsMinor"="4"',
    ];
    expect(verdictOf(run(lines))?.outcome).toBe('offered');
  });

  it('warns about the 2014 article’s spelling, with a fix that deletes exactly those values', () => {
    const lines = [
      ...vmExport([6, 1], { major: 6, minor: 3 }),
      PARAMETERS,
      `"HostSystemOSMajor"=${dword(6)}`,
      `"HostSystemOSMinor"=${dword(4)}`,
    ];
    const spelling = check(run(lines), 'article-spelling');
    expect(spelling?.status).toBe('warn');
    expect(spelling?.evidence.map((e) => lines[(e.line ?? 0) - 1])).toEqual([
      `"HostSystemOSMajor"=${dword(6)}`,
      `"HostSystemOSMinor"=${dword(4)}`,
    ]);
    expect(spelling?.fix?.guest).toBe(
      [
        "$key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters', $true)",
        "$key.DeleteValue('HostSystemOSMajor', $false)",
        "$key.DeleteValue('HostSystemOSMinor', $false)",
        '$key.Close()',
      ].join('\n'),
    );
    expect(check(run(vmExport([6, 1], {})), 'article-spelling')?.status).toBe('pass');
  });

  it('finds the article’s spelling in look-alike keys too', () => {
    const lines = [
      V5,
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
      '"hostsystemosminor"="4"',
    ];
    const spelling = check(run(lines), 'article-spelling');
    expect(spelling?.evidence[0]).toMatchObject({ name: 'hostsystemosminor', line: 3 });
    expect(spelling?.fix?.guest).toContain(
      "OpenSubKey('SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters', $true)",
    );
  });

  it('always says the values are editable and editing is unsupported', () => {
    const note = check(run(vmExport([6, 1], { major: 6, minor: 4 })), 'values-editable');
    expect(note?.status).toBe('info');
    expect(note?.message).toMatch(/any administrator of the guest can edit.*unsupported/);
  });
});

describe('wu-ic-kb3004908 what-if', () => {
  it('uses a given guest OS, says so in the verdict, and marks its evidence “given by you”', () => {
    const result = run(vmExport(null, { major: 6, minor: 4 }), { guestOs: '6.1' });
    expect(check(result, 'guest-os')?.evidence[0]).toMatchObject({
      source: 'given by you',
      line: null,
    });
    expect(verdictOf(result)).toMatchObject({
      outcome: 'offered',
      assumed: ['guest OS 6.1 (the file does not say)'],
    });
  });

  it('overrides the host version, naming what the file says', () => {
    const result = run(vmExport([6, 2], { major: 10, minor: 0 }), { hostVersion: '6.4' });
    expect(check(result, 'host-minor')?.evidence[0]).toMatchObject({
      actual: '4',
      source: 'given by you',
    });
    expect(verdictOf(result)).toMatchObject({
      outcome: 'offered',
      assumed: ['host version 6.4 (the file says 10.0)'],
    });
  });

  it('lets a given host version stand in for a missing key, and says so', () => {
    const result = run(vmExport([6, 1], null), { hostVersion: '6.4' });
    expect(check(result, 'parameters-present')?.status).toBe('fail');
    expect(verdictOf(result)).toMatchObject({
      outcome: 'offered',
      assumed: ['host version 6.4 (the file has none)'],
    });
  });

  it('has no assumptions when nothing is given', () => {
    const result = run(vmExport([6, 1], { major: 6, minor: 4 }));
    expect(result.checks.every((c) => c.assumed.length === 0)).toBe(true);
    expect(verdictOf(result)?.assumed).toEqual([]);
  });

  it('rejects a what-if that is not major.minor', () => {
    expect(() => run(vmExport([6, 1], {}), { guestOs: 'seven' })).toThrow(/not major\.minor/);
  });
});
