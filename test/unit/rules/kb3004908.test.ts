import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/rules/index.ts';
import type { AnalysisResult } from '../../../src/lib/rules/index.ts';
import { kb3004908Pack } from '../../../src/lib/rules/packs/wu-ic-kb3004908.ts';
import {
  AUTO,
  PARAMETERS,
  V5,
  VM,
  dword,
  hostValues,
  parseLines,
  vmExport,
} from '../kvp/reg-text.ts';

function run(lines: string[], whatIf = {}): AnalysisResult {
  return analyze(parseLines(lines), whatIf, [kb3004908Pack]);
}
const check = (r: AnalysisResult, id: string) => r.checks.find((c) => c.id === `kb3004908-${id}`);
const verdictOf = (r: AnalysisResult) => r.verdicts[0];

const NAMES: Record<string, string> = {
  '6.0': 'Windows Vista or Windows Server 2008',
  '6.1': 'Windows 7 or Windows Server 2008 R2',
  '6.2': 'Windows 8 or Windows Server 2012',
  '6.3': 'Windows 8.1 or Windows Server 2012 R2',
  '10.0': 'Windows 10/11 or Windows Server 2016–2025',
};
const HOSTS: Record<string, string> = {
  '6.2': 'Windows Server 2012 or Windows 8',
  '6.3': 'Windows Server 2012 R2 or Windows 8.1',
  '6.4': 'Windows Technical Preview (2014)',
  '10.0': 'Windows Server 2016–2025 or Windows 10/11',
};
const TARGETS = 'Windows 7, Windows Server 2008 R2, Windows 8 and Windows Server 2012 (6.1, 6.2)';

const cases: [string, string, string, string][] = [];
for (const guest of ['6.0', '6.1', '6.2', '6.3', '10.0']) {
  for (const host of ['6.2', '6.3', '6.4', '10.0']) {
    const targeted = guest === '6.1' || guest === '6.2';
    let outcome = 'not-offered';
    let reason: string;
    if (!targeted) {
      reason = `The guest is ${guest} — ${NAMES[guest]} (line 4); KB3004908 targets only ${TARGETS}.`;
    } else if (host === '10.0') {
      reason = `The host reports 10.0 — ${HOSTS['10.0']}; this update is offered only to VMs on 6.4 hosts.`;
    } else if (host !== '6.4') {
      reason = `The host reports ${host} — ${HOSTS[host]}; this update is offered only to VMs on 6.4 hosts.`;
    } else {
      outcome = 'offered';
      reason = `The guest is ${guest} — ${NAMES[guest]} and the host reports 6.4 — the combination the November 2014 logic offers KB3004908 to.`;
    }
    cases.push([guest, host, outcome, reason]);
  }
}

describe('wu-ic-kb3004908 verdict, guest × host', () => {
  it.each(cases)('guest %s on host %s → %s', (guest, host, outcome, reason) => {
    const [gMajor, gMinor] = guest.split('.').map(Number) as [number, number];
    const [hMajor, hMinor] = host.split('.').map(Number) as [number, number];
    const result = run(vmExport([gMajor, gMinor], { major: hMajor, minor: hMinor }));
    expect(verdictOf(result)).toEqual({ pack: 'wu-ic-kb3004908', outcome, reason });
  });
});

describe('wu-ic-kb3004908 steps', () => {
  it('is not offered when the key is absent, and later steps are skipped saying why', () => {
    const result = run([V5, '', AUTO, '"OSMajorVersion"="6"', '"OSMinorVersion"="1"']);
    expect(check(result, 'parameters-present')).toMatchObject({
      status: 'fail',
      title: 'Guest\\Parameters key missing',
      fix: expect.stringContaining(
        'Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange"',
      ),
    });
    expect(check(result, 'guest-os')).toMatchObject({
      status: 'skip',
      message: expect.stringMatching(/^Skipped because “Guest\\Parameters key present” failed: /),
    });
    expect(check(result, 'host-minor')?.message).toMatch(
      /^Skipped because “Host major version is 6” was skipped/,
    );
    expect(verdictOf(result)).toMatchObject({
      outcome: 'not-offered',
      reason: expect.stringMatching(/^The key Guest\\Parameters is not in the file/),
    });
  });

  it('says so when the file deletes the key', () => {
    const result = run([V5, AUTO, '"OSVersion"="6.1.7601"', `[-${VM}\\Guest\\Parameters]`]);
    expect(check(result, 'parameters-present')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('line 4'),
    });
  });

  it('is unknown when the guest OS is neither in the file nor given', () => {
    const result = run(vmExport(null, { major: 6, minor: 4 }));
    expect(check(result, 'guest-os')?.status).toBe('skip');
    expect(check(result, 'host-major')?.message).toMatch(
      /^Skipped because “Guest OS is one KB3004908 targets” was skipped/,
    );
    expect(verdictOf(result)?.outcome).toBe('unknown');
    expect(verdictOf(result)?.reason).toMatch(/--guest-os/);
  });

  it('points evidence at the lines of the values it read', () => {
    const lines = vmExport([6, 1], { major: 6, minor: 3 });
    const result = run(lines);
    const evidence = check(result, 'host-minor')?.evidence[0];
    expect(evidence).toMatchObject({
      name: 'HostingSystemOsMinor',
      actual: '3 (REG_DWORD)',
      expected: '4',
    });
    expect(lines[(evidence?.line ?? 0) - 1]).toBe(`"HostingSystemOsMinor"=${dword(3)}`);
    const guest = check(result, 'guest-os')?.evidence[0];
    expect(lines[(guest?.line ?? 0) - 1]).toBe('"OSMajorVersion"="6"');
  });

  it('fails when HostingSystemOsMajor is missing or not a number', () => {
    const missing = run([V5, AUTO, '"OSVersion"="6.1.7601"', PARAMETERS, '"HostName"="h"']);
    expect(verdictOf(missing)?.reason).toBe(
      'HostingSystemOsMajor is not in Guest\\Parameters, so Windows Update cannot match the host version.',
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
      evidence: [{ name: 'HostingSystemOsMajor', actual: '"six" (REG_SZ)', line: 5 }],
    });
    const minor = run([
      V5,
      AUTO,
      '"OSVersion"="6.1.7601"',
      PARAMETERS,
      `"HostingSystemOsMajor"=${dword(6)}`,
    ]);
    expect(check(minor, 'host-minor')?.status).toBe('fail');
    expect(verdictOf(minor)?.reason).toMatch(/^HostingSystemOsMinor is not in Guest\\Parameters/);
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

  it('warns about the 2014 article’s spelling, which changes nothing', () => {
    const lines = [
      ...vmExport([6, 1], { major: 6, minor: 3 }),
      PARAMETERS,
      `"HostSystemOSMajor"=${dword(6)}`,
      `"HostSystemOSMinor"=${dword(4)}`,
    ];
    const result = run(lines);
    const spelling = check(result, 'article-spelling');
    expect(spelling?.status).toBe('warn');
    expect(spelling?.message).toMatch(
      /Windows reads HostingSystemOsMajor and HostingSystemOsMinor/,
    );
    expect(spelling?.evidence.map((e) => lines[(e.line ?? 0) - 1])).toEqual([
      `"HostSystemOSMajor"=${dword(6)}`,
      `"HostSystemOSMinor"=${dword(4)}`,
    ]);
    expect(verdictOf(result)?.outcome).toBe('not-offered');
    expect(check(run(vmExport([6, 1], {})), 'article-spelling')?.status).toBe('pass');
  });

  it('finds the article’s spelling in look-alike keys too', () => {
    const lines = [
      V5,
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
      '"hostsystemosminor"="4"',
    ];
    expect(check(run(lines), 'article-spelling')?.evidence[0]).toMatchObject({
      name: 'hostsystemosminor',
      line: 3,
    });
  });

  it('always says the values are editable and editing is unsupported', () => {
    const note = check(run(vmExport([6, 1], { major: 6, minor: 4 })), 'values-editable');
    expect(note?.status).toBe('info');
    expect(note?.message).toMatch(/any administrator of the guest can edit.*unsupported/);
  });
});

describe('wu-ic-kb3004908 what-if', () => {
  it('uses a given guest OS with provenance “given by you”', () => {
    const result = run(vmExport(null, { major: 6, minor: 4 }), { guestOs: '6.1' });
    expect(check(result, 'guest-os')?.evidence[0]).toMatchObject({
      source: 'given by you',
      line: null,
    });
    expect(verdictOf(result)?.outcome).toBe('offered');
  });

  it('overrides the host version', () => {
    const result = run(vmExport([6, 2], { major: 10, minor: 0 }), { hostVersion: '6.4' });
    expect(check(result, 'host-minor')?.evidence[0]).toMatchObject({
      actual: '4',
      source: 'given by you',
    });
    expect(verdictOf(result)?.outcome).toBe('offered');
  });

  it('assumes the key when a host version is given for a file without it', () => {
    const result = run(vmExport([6, 1], null), { hostVersion: '6.4' });
    expect(check(result, 'parameters-present')?.status).toBe('warn');
    expect(verdictOf(result)?.outcome).toBe('offered');
  });

  it('rejects a what-if that is not major.minor', () => {
    expect(() => run(vmExport([6, 1], {}), { guestOs: 'seven' })).toThrow(/not major\.minor/);
  });
});

it('keeps HostValues helper honest: a 10.0 host writes 16 values', () => {
  expect(hostValues()).toHaveLength(16);
});
