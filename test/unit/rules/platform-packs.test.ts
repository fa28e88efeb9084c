// host-platform, nesting and guest-support: every outcome from real-shaped exports.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { guestSupportPack } from '../../../src/lib/rules/packs/guest-support.ts';
import { hostPlatformPack } from '../../../src/lib/rules/packs/host-platform.ts';
import { nestingPack } from '../../../src/lib/rules/packs/nesting.ts';
import type { RulePack } from '../../../src/lib/rules/types.ts';
import {
  PARAMETERS,
  V5,
  dword,
  hostValues,
  parseLines,
  vmExport,
  type GuestOptions,
  type HostOptions,
} from '../kvp/reg-text.ts';

function run(pack: RulePack, lines: string[]): AnalysisResult {
  return analyze(parseLines(lines), {}, [pack]);
}

/** The 16 host values with some replaced (by name) or removed (undefined). */
function host(options: HostOptions, changes: Record<string, string | undefined> = {}): string[] {
  return hostValues(options).flatMap((line) => {
    const name = /^"([^"]+)"/.exec(line)?.[1] ?? '';
    if (!(name in changes)) return [line];
    const value = changes[name];
    return value === undefined ? [] : [`"${name}"=${value}`];
  });
}

// As seen on Azure [3P]: one unqualified node name three times, the VM named by a lower-case GUID.
const AZURE_NAMES = {
  HostName: '"CO2AA1050611004"',
  PhysicalHostName: '"CO2AA1050611004"',
  PhysicalHostNameFullyQualified: '"CO2AA1050611004"',
  VirtualMachineName: '"a7c3e2d1-55b4-4f0e-8c21-9d6b3a0e4f18"',
};

describe('host-platform', () => {
  it.each<[string, string[], string]>([
    ['Datacenter host', [V5, PARAMETERS, ...host({ edition: 8 })], 'windows-server'],
    ['Hyper-V Server host', [V5, PARAMETERS, ...host({ edition: 42 })], 'hyper-v-server'],
    ['Windows 11 Pro host', [V5, PARAMETERS, ...host({ edition: 48 })], 'windows-client'],
    ['Azure host (168)', [V5, PARAMETERS, ...host({ edition: 168 }, AZURE_NAMES)], 'azure'],
    ['Azure host (199)', [V5, PARAMETERS, ...host({ edition: 199 })], 'azure'],
    ['Azure Local host', [V5, PARAMETERS, ...host({ edition: 406 })], 'azure-local'],
    ['Azure Edition host (nested)', [V5, PARAMETERS, ...host({ edition: 407 })], 'windows-server'],
    [
      'no edition, Azure names',
      [V5, PARAMETERS, ...host({}, { ...AZURE_NAMES, HostingSystemEditionId: undefined })],
      'azure',
    ],
    ['no edition', [V5, PARAMETERS, ...host({}, { HostingSystemEditionId: undefined })], 'unknown'],
    ['no Parameters', [V5], 'unknown'],
  ])('%s → %s', (_name, lines, outcome) => {
    expect(run(hostPlatformPack, lines).verdicts[0]?.outcome).toBe(outcome);
  });

  it('never claims a release from Guest\\Parameters alone, but gives the bound a guest implies', () => {
    const result = run(hostPlatformPack, vmExport([10, 0], { edition: 8 }, { build: '26100' }));
    expect(result.verdicts[0]?.reason).toBe(
      'The host runs Windows Server. A Windows Server 2025 (10.0.26100) guest is supported only on Windows Server 2022 or later, or Azure Local 2311.2 or later: if this VM is supported, its host is at least that.',
    );
    const old = run(hostPlatformPack, vmExport([6, 3], { edition: 8 }));
    expect(old.verdicts[0]?.reason).toBe(
      'The host runs Windows Server. Its release is not in the input.',
    );
    expect(old.verdicts[0]?.reason).not.toMatch(/20(16|19|22|25)/);
  });

  it('corroborates Azure with its name pattern, as seen on Azure', () => {
    const result = run(hostPlatformPack, [V5, PARAMETERS, ...host({ edition: 168 }, AZURE_NAMES)]);
    expect(result.checks.find((c) => c.id === 'platform-azure-names')).toMatchObject({
      status: 'info',
      messageId: 'azureLike',
    });
    expect(result.verdicts[0]?.reason).toContain('Its names follow the pattern seen on Azure.');
  });
});

describe('nesting', () => {
  it.each<[string, string[], string]>([
    ['level 0', [V5, PARAMETERS, ...host({})], 'not-nested'],
    ['level 1', [V5, PARAMETERS, ...host({}, { HostingSystemNestedLevel: dword(1) })], 'nested'],
    ['level 2', [V5, PARAMETERS, ...host({}, { HostingSystemNestedLevel: dword(2) })], 'nested'],
    ['Azure Edition host', [V5, PARAMETERS, ...host({ edition: 408 })], 'nested'],
    [
      'Azure Local nested',
      [V5, PARAMETERS, ...host({ edition: 406 }, { HostingSystemNestedLevel: dword(1) })],
      'nested',
    ],
    [
      'no level (older host)',
      [V5, PARAMETERS, ...host({}, { HostingSystemNestedLevel: undefined })],
      'unknown',
    ],
    ['no Parameters', [V5], 'unknown'],
  ])('%s → %s', (_name, lines, outcome) => {
    expect(run(nestingPack, lines).verdicts[0]?.outcome).toBe(outcome);
  });

  it('says what nesting implies, and that Azure Local nested is for evaluation only', () => {
    const result = run(nestingPack, [
      V5,
      PARAMETERS,
      ...host({ edition: 406 }, { HostingSystemNestedLevel: dword(1) }),
    ]);
    expect(result.checks.find((c) => c.id === 'nesting-azure-local')).toMatchObject({
      status: 'warn',
      message:
        'The host runs Azure Local while itself a VM (nesting level 1): Microsoft supports that for evaluation only.',
    });
    expect(result.verdicts[0]?.reason).toMatch(
      /PhysicalHostName then presumably names the VM that runs Hyper-V/,
    );
    expect(result.checks.find((c) => c.id === 'nesting-level')?.status).toBe('info');
  });

  it('does not call an older host nested because it writes no level', () => {
    const result = run(nestingPack, [
      V5,
      PARAMETERS,
      ...host({}, { HostingSystemNestedLevel: undefined }),
    ]);
    expect(result.checks.find((c) => c.id === 'nesting-level')).toMatchObject({
      status: 'incomplete',
    });
  });

  it('finds nesting not applicable on a host from before nested Hyper-V', () => {
    const result = run(nestingPack, [
      V5,
      PARAMETERS,
      ...host({ major: 6, minor: 3 }, { HostingSystemNestedLevel: undefined }),
    ]);
    expect(result.checks.find((c) => c.id === 'nesting-level')).toMatchObject({
      status: 'not-applicable',
      message:
        'The host runs 6.3 (Windows Server 2012 R2, Hyper-V Server 2012 R2 or Windows 8.1), from before Hyper-V could run inside a Hyper-V virtual machine (Windows Server 2016 and Windows 10); hosts this old do not write HostingSystemNestedLevel.',
    });
  });
});

describe('guest-support', () => {
  const server = (build: string): GuestOptions => ({ build });
  const client = (build: string): GuestOptions => ({ build, productType: 1 });
  it.each<[string, [number, number], GuestOptions, HostOptions | null, string]>([
    ['2019 on 10.0', [10, 0], server('17763'), {}, 'supported'],
    ['2016 on 10.0', [10, 0], server('14393'), {}, 'supported'],
    ['2022 on 10.0 (release unknown)', [10, 0], server('20348'), {}, 'depends-on-host-release'],
    ['2025 on 10.0 (release unknown)', [10, 0], server('26100'), {}, 'depends-on-host-release'],
    [
      '2025 on Hyper-V Server (2019 at most)',
      [10, 0],
      server('26100'),
      { edition: 42 },
      'unsupported',
    ],
    [
      '2022 on Hyper-V Server',
      [10, 0],
      server('20348'),
      { edition: 42 },
      'depends-on-host-release',
    ],
    ['2025 on Azure Local', [10, 0], server('26100'), { edition: 406 }, 'depends-on-host-release'],
    ['Windows 11 on 10.0', [10, 0], client('22631'), {}, 'depends-on-host-release'],
    ['Windows 10 on 10.0', [10, 0], client('19045'), {}, 'supported'],
    ['SAC 1909 server on 10.0', [10, 0], server('18363'), {}, 'unsupported'],
    ['2012 R2 on 10.0', [6, 3], {}, {}, 'supported'],
    ['2008 R2 SP1 on 10.0', [6, 1], {}, {}, 'supported'],
    ['2008 R2 RTM on 10.0', [6, 1], server('7600'), {}, 'unsupported'],
    ['Windows 8 on 10.0', [6, 2], client('9200'), {}, 'unsupported'],
    ['Windows 7 SP1 on 10.0', [6, 1], client('7601'), {}, 'supported'],
    ['Vista on 10.0', [6, 0], client('6002'), {}, 'unsupported'],
    ['2003 on 10.0', [5, 2], {}, {}, 'unsupported'],
    ['guest on a Windows client host', [10, 0], client('19045'), { edition: 48 }, 'unknown'],
    ['guest on Azure', [10, 0], server('20348'), { edition: 168 }, 'unknown'],
    ['2016 on 6.3', [10, 0], server('14393'), { major: 6, minor: 3 }, 'supported'],
    ['2019 on 6.3', [10, 0], server('17763'), { major: 6, minor: 3 }, 'unsupported'],
    ['Windows 10 on 6.3', [10, 0], client('19045'), { major: 6, minor: 3 }, 'supported'],
    ['Windows 10 on 6.2', [10, 0], client('19045'), { major: 6, minor: 2 }, 'unsupported'],
    ['2003 on 6.3', [5, 2], {}, { major: 6, minor: 3 }, 'supported'],
    ['2012 on 6.1', [6, 2], {}, { major: 6, minor: 1 }, 'unsupported'],
    ['2008 R2 on 6.1', [6, 1], {}, { major: 6, minor: 1 }, 'unknown'],
    ['no host values', [6, 1], {}, null, 'unknown'],
  ])('%s → %s', (_name, guest, options, hostOptions, outcome) => {
    const result = run(guestSupportPack, vmExport(guest, hostOptions, options));
    expect(result.verdicts[0]?.outcome).toBe(outcome);
    const check = result.checks[0];
    expect(check?.message).toBe(result.verdicts[0]?.reason);
    if (outcome === 'unsupported') expect(check?.fix?.summary).toMatch(/^Move the VM/);
  });

  it('says which release a guest needs when only 10.0 is known', () => {
    const result = run(guestSupportPack, vmExport([10, 0], {}, server('26100')));
    expect(result.verdicts[0]).toMatchObject({
      label: 'Depends on the host’s release',
      reason:
        'Windows Server 2025 is supported on hosts of Windows Server 2022 or later (or Azure Local 2311.2 or later). The host reports only 10.0, so its release is not known.',
    });
  });
});
