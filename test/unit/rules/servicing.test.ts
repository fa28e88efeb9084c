import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { servicingPack } from '../../../src/lib/rules/packs/wu-ic-servicing.ts';
import { AUTO, V5, parseLines, vmExport } from '../kvp/reg-text.ts';

function run(lines: string[], whatIf = {}): AnalysisResult {
  return analyze(parseLines(lines), whatIf, [servicingPack]);
}
const path = (r: AnalysisResult) => r.checks.find((c) => c.id === 'servicing-path');

const matrix: [string, string | null, string, string][] = [
  ['10.0', '10.0', 'os-updates', 'pass'],
  ['10.0', '6.3', 'os-updates', 'pass'],
  ['6.3', '10.0', 'os-updates', 'pass'],
  ['6.3', '6.3', 'integration-services-disk', 'info'],
  ['6.3', '6.2', 'integration-services-disk', 'info'],
  ['6.3', null, 'unknown', 'skip'],
  ['6.2', '10.0', 'windows-update', 'pass'],
  ['6.1', '10.0', 'windows-update', 'pass'],
  ['6.0', '10.0', 'windows-update', 'pass'],
  ['6.1', '6.4', 'windows-update', 'pass'],
  ['6.1', '6.3', 'integration-services-disk', 'info'],
  ['6.2', '6.2', 'integration-services-disk', 'info'],
  ['6.1', null, 'windows-update-needs-kvp', 'fail'],
  ['5.2', '6.3', 'unsupported', 'warn'],
];

describe('wu-ic-servicing', () => {
  it.each(matrix)('guest %s, host %s → %s (%s)', (guest, host, outcome, status) => {
    const [gMajor, gMinor] = guest.split('.').map(Number) as [number, number];
    const hostPair = host ? host.split('.').map(Number) : null;
    const lines = vmExport(
      [gMajor, gMinor],
      hostPair ? { major: hostPair[0], minor: hostPair[1] } : null,
    );
    const result = run(lines);
    expect(result.verdicts[0]?.outcome).toBe(outcome);
    expect(path(result)?.status).toBe(status);
    expect(path(result)?.message).toBe(result.verdicts[0]?.reason);
  });

  it('names the doc conflict for 8.1/2012 R2 guests on 2012 R2 hosts', () => {
    expect(run(vmExport([6, 3], { major: 6, minor: 3 })).verdicts[0]?.reason).toMatch(
      /an older Microsoft page lists Windows Update/,
    );
  });

  it('asks for Data Exchange with a fix when a down-level guest has no host values', () => {
    const result = run(vmExport([6, 1], null));
    expect(path(result)).toMatchObject({
      status: 'fail',
      title: 'Integration components do not reach this guest',
      fix: expect.stringContaining(
        'Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange"',
      ),
    });
    expect(result.verdicts[0]?.reason).toMatch(/only when Data Exchange works/);
  });

  it('is unknown without a guest OS, and the path rule is skipped saying why', () => {
    const result = run(vmExport(null, { major: 10, minor: 0 }));
    expect(result.verdicts[0]?.outcome).toBe('unknown');
    expect(path(result)?.message).toMatch(
      /^Skipped because “Guest OS version known” was skipped: .*--guest-os/,
    );
    expect(result.checks.find((c) => c.id === 'servicing-host-version')?.evidence[0]).toMatchObject(
      {
        name: 'HostingSystemOsMajor',
        line: 7,
      },
    );
  });

  it('uses what-if versions', () => {
    const result = run([V5, AUTO, '"OSName"="x"'], { guestOs: '6.1', hostVersion: '6.3' });
    expect(result.verdicts[0]?.outcome).toBe('integration-services-disk');
    expect(result.checks.find((c) => c.id === 'servicing-host-version')?.message).toBe(
      'The host reports 6.3 — Windows Server 2012 R2 or Windows 8.1 (given by you).',
    );
  });

  it('says the host version is unknown when Parameters is absent', () => {
    const host = run(vmExport([10, 0], null)).checks.find((c) => c.id === 'servicing-host-version');
    expect(host).toMatchObject({
      status: 'warn',
      title: 'Host version unknown',
      message: expect.stringMatching(/is absent/),
    });
  });
});
