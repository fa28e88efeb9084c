// The servicing matrix of "Manage Hyper-V integration services" (windowsserverdocs @047dddc) and
// "Supported Windows guest operating systems for Hyper-V on Windows Server"; each row pins one
// cell, the corrections of the domain review marked.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { servicingPack } from '../../../src/lib/rules/packs/wu-ic-servicing.ts';
import { AUTO, V5, parseLines, vmExport, type GuestOptions } from '../kvp/reg-text.ts';

function run(lines: string[], whatIf = {}): AnalysisResult {
  return analyze(parseLines(lines), whatIf, [servicingPack]);
}
const path = (r: AnalysisResult) => r.checks.find((c) => c.id === 'servicing-path');

const CLIENT_10 = { build: '19045', productType: 1 };
const CLIENT_11 = { build: '22631', productType: 1 };
const SERVER_2016 = { build: '14393' };

const matrix: [string, string, GuestOptions, string | null, string, string][] = [
  // 10.0 guests: with their own updates on 10.0 hosts; on a 2012 R2 host only Windows 10 and
  // Server 2016 are listed; on 2012 and older hosts they are unsupported (correction: was os-updates).
  ['2022 on 10.0', '10.0', {}, '10.0', 'os-updates', 'pass'],
  ['2016 on 6.3', '10.0', SERVER_2016, '6.3', 'windows-update', 'pass'],
  ['Windows 10 on 6.3', '10.0', CLIENT_10, '6.3', 'windows-update', 'pass'],
  ['2022 on 6.3', '10.0', {}, '6.3', 'unsupported', 'warn'],
  ['Windows 11 on 6.3', '10.0', CLIENT_11, '6.3', 'unsupported', 'warn'],
  ['2022 on 6.2', '10.0', {}, '6.2', 'unsupported', 'warn'],
  ['2022 on 6.1', '10.0', {}, '6.1', 'unsupported', 'warn'],
  ['2022, host unknown', '10.0', {}, null, 'os-updates', 'pass'],
  // 8.1/2012 R2 guests: Windows Update on 10.0 hosts (correction: was os-updates), the disk on 2012 R2/2012.
  ['2012 R2 on 10.0', '6.3', {}, '10.0', 'windows-update', 'pass'],
  ['2012 R2 on 6.3', '6.3', {}, '6.3', 'integration-services-disk', 'info'],
  ['2012 R2 on 6.2', '6.3', {}, '6.2', 'integration-services-disk', 'info'],
  ['2012 R2 on 6.1', '6.3', {}, '6.1', 'unsupported', 'warn'],
  ['2012 R2, host unknown', '6.3', {}, null, 'unknown', 'incomplete'],
  // 2012 / 2008 R2 / 2008 guests: Windows Update with Data Exchange on modern hosts, else the disk.
  ['2012 on 10.0', '6.2', {}, '10.0', 'windows-update', 'pass'],
  ['2008 R2 on 10.0', '6.1', {}, '10.0', 'windows-update', 'pass'],
  ['2008 on 10.0', '6.0', {}, '10.0', 'windows-update', 'pass'],
  ['2008 R2 on 6.4', '6.1', {}, '6.4', 'windows-update', 'pass'],
  ['2008 R2 on 6.3', '6.1', {}, '6.3', 'integration-services-disk', 'info'],
  ['2012 on 6.2', '6.2', {}, '6.2', 'integration-services-disk', 'info'],
  ['2008 R2 on 6.1', '6.1', {}, '6.1', 'integration-services-disk', 'info'],
  ['2012 on 6.1', '6.2', {}, '6.1', 'unsupported', 'warn'],
  ['2008 R2, no host values', '6.1', {}, null, 'windows-update-needs-kvp', 'fail'],
  // Pre-Vista guests: the disk on 2012 R2 and older hosts; nothing at all on 10.0 hosts (no vmguest.iso).
  ['2003 on 6.3', '5.2', {}, '6.3', 'unsupported', 'warn'],
  ['2003 on 10.0', '5.2', {}, '10.0', 'unsupported', 'warn'],
];

describe('wu-ic-servicing matrix', () => {
  it.each(matrix)('%s → %s', (_name, guest, options, host, outcome, status) => {
    const [gMajor, gMinor] = guest.split('.').map(Number) as [number, number];
    const hostPair = host ? host.split('.').map(Number) : null;
    const lines = vmExport(
      [gMajor, gMinor],
      hostPair ? { major: hostPair[0], minor: hostPair[1] } : null,
      options,
    );
    const result = run(lines);
    expect(result.verdicts[0]?.outcome).toBe(outcome);
    expect(path(result)?.status).toBe(status);
    expect(path(result)?.message).toBe(result.verdicts[0]?.reason);
    expect(path(result)?.message).not.toMatch(/--|§|\.md/);
  });

  it('names the documentation conflict for 8.1/2012 R2 guests on 2012 R2 hosts', () => {
    expect(run(vmExport([6, 3], { major: 6, minor: 3 })).verdicts[0]?.reason).toMatch(
      /an older Microsoft page lists Windows Update/,
    );
  });

  it('says where the Integration Services disk is inserted: the Action menu of Virtual Machine Connection', () => {
    expect(run(vmExport([6, 1], { major: 6, minor: 3 })).verdicts[0]?.reason).toContain(
      'From the Action menu of Virtual Machine Connection, click Insert Integration Services Setup Disk',
    );
  });

  it('says a pre-Vista guest on a 10.0 host has no source of integration components at all', () => {
    expect(run(vmExport([5, 2], { major: 10, minor: 0 })).verdicts[0]?.reason).toMatch(
      /has no source of integration components: Windows 10 and Windows Server 2016 or later hosts include no Integration Services disk/,
    );
  });

  it('asks for Data Exchange, controlled from the host, when a down-level guest has no host values', () => {
    const result = run(vmExport([6, 1], null));
    expect(path(result)).toMatchObject({
      status: 'fail',
      title: 'Integration components do not reach this guest',
      fix: {
        summary: expect.stringMatching(
          /^Turn on Data Exchange for this VM on the Hyper-V host;.*KB3071740/,
        ),
        host: "$vmName = Read-Host 'Name of the virtual machine in Hyper-V Manager'\nEnable-VMIntegrationService -VMName $vmName -Name 'Key-Value Pair Exchange'",
        guest: `$service = Get-WmiObject -Class Win32_Service -Filter "Name='vmickvpexchange'"\nif ($service.StartMode -eq 'Disabled') { Set-Service -Name vmickvpexchange -StartupType Manual }`,
      },
    });
    expect(result.verdicts[0]).toMatchObject({ label: 'Needs Data Exchange', tone: 'bad' });
  });

  it('fills the VM’s name from the file into the host command, quoted', () => {
    const lines = vmExport([6, 1], null);
    lines.push(
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
      '"VirtualMachineName"="O\'Brien’s VM"',
    );
    expect(path(run(lines))?.fix?.host).toBe(
      "Enable-VMIntegrationService -VMName 'O''Brien’’s VM' -Name 'Key-Value Pair Exchange'",
    );
  });

  it('cannot tell without a guest OS, and the path rule names the root cause once', () => {
    const result = run(vmExport(null, { major: 10, minor: 0 }));
    expect(result.verdicts[0]?.outcome).toBe('unknown');
    expect(path(result)).toMatchObject({
      status: 'skip',
      message: 'Skipped because the guest OS is not known.',
      skippedBecause: 'servicing-guest-os',
      decidedBy: 'guestOs',
    });
  });

  it('uses what-if versions and says the verdict rests on them', () => {
    const result = run([V5, AUTO, '"OSName"="x"'], { guestOs: '6.1', hostVersion: '6.3' });
    expect(result.verdicts[0]).toMatchObject({
      outcome: 'integration-services-disk',
      assumed: ['guest OS 6.1 (the file does not say)', 'host version 6.3 (the file has none)'],
    });
    expect(result.checks.find((c) => c.id === 'servicing-host-version')?.message).toBe(
      'The host reports 6.3 (Windows Server 2012 R2, Hyper-V Server 2012 R2 or Windows 8.1), as given by you.',
    );
  });

  it('says the host version is unknown when Parameters is absent, with evidence', () => {
    const result = run(vmExport([6, 1], null));
    expect(result.checks.find((c) => c.id === 'servicing-host-version')).toMatchObject({
      status: 'warn',
      message: 'The host version is not in the file: Guest\\Parameters is missing.',
      evidence: expect.arrayContaining([expect.objectContaining({ actual: 'absent' })]),
    });
  });
});
