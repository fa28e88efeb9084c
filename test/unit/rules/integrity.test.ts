import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../../src/lib/rules/index.ts';
import { kvpIntegrityPack } from '../../../src/lib/rules/packs/kvp-integrity.ts';
import {
  AUTO,
  CURRENT_VERSION,
  PARAMETERS,
  V5,
  VM,
  dword,
  hostValues,
  parseLines,
} from '../kvp/reg-text.ts';

function run(lines: string[]): AnalysisResult {
  return analyze(parseLines(lines), {}, [kvpIntegrityPack]);
}
const check = (r: AnalysisResult, id: string) => r.checks.find((c) => c.id === `kvp-${id}`);

/** The 16 host values with some replaced (by name) or removed (undefined). */
function withValues(changes: Record<string, string | undefined>, extra: string[] = []): string[] {
  const lines = hostValues().flatMap((line) => {
    const name = /^"([^"]+)"/.exec(line)?.[1] ?? '';
    if (!(name in changes)) return [line];
    const value = changes[name];
    return value === undefined ? [] : [`"${name}"=${value}`];
  });
  return [V5, '', PARAMETERS, ...lines, ...extra];
}

describe('kvp-integrity verdict', () => {
  it('is healthy for a modern host’s 16 values', () => {
    const result = run(withValues({}));
    expect(result.verdicts[0]).toEqual({
      pack: 'kvp-integrity',
      outcome: 'healthy',
      label: 'Healthy',
      tone: 'good',
      reason: 'The host’s values are present, plausible and consistent.',
      assumed: [],
    });
    expect(result.checks.filter((c) => !['pass', 'not-applicable'].includes(c.status))).toEqual([]);
  });

  it('is absent without the key, and every other Parameters rule is skipped', () => {
    const result = run([V5, AUTO, '"OSName"="Windows 7"']);
    expect(result.verdicts[0]?.outcome).toBe('absent');
    expect(check(result, 'parameters-present')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('DisableHostKVPItems'),
      fix: {
        host: expect.stringContaining('DisableHostKVPItems'),
        // Microsoft: control integration services from the host; in the guest only undo Disabled.
        guest: expect.stringContaining(
          "if ($service.StartMode -eq 'Disabled') { Set-Service -Name vmickvpexchange -StartupType Manual }",
        ),
      },
    });
    expect(check(result, 'parameters-present')?.fix?.guest).not.toMatch(/Automatic/);
    expect(check(result, 'base-values')?.message).toBe(
      'Skipped because the file has no Guest\\Parameters key.',
    );
    expect(check(run([V5]), 'parameters-present')?.message).toBe(
      'The key Guest\\Parameters is not in the file: Data Exchange has never run in this guest, or the host withholds its values.',
    );
    expect(check(run([V5, `[-${VM}\\Guest\\Parameters]`]), 'parameters-present')?.message).toBe(
      'The file deletes the key Guest\\Parameters (line 2).',
    );
  });

  it('is broken when a value fails, suspicious when one warns', () => {
    expect(run(withValues({ HostingSystemOsMajor: '"ten"' })).verdicts[0]).toMatchObject({
      outcome: 'broken',
      reason: expect.stringMatching(/^Not readable as numbers: HostingSystemOsMajor/),
    });
    expect(run(withValues({ HostingSystemEditionId: dword(0x25) })).verdicts[0]?.outcome).toBe(
      'suspicious',
    );
  });
});

describe('kvp-integrity rules', () => {
  it('base values: 16, base 11, partial newer, missing, missing version, empty', () => {
    expect(check(run(withValues({})), 'base-values')?.message).toBe(
      'All 16 values of a current host are present.',
    );
    const base11 = withValues({
      HostingSystemNestedLevel: undefined,
      HostingSystemProcessorIdleStateMax: undefined,
      HostingSystemProcessorThrottleMax: undefined,
      HostingSystemProcessorThrottleMin: undefined,
      VirtualMachineDynamicMemoryBalancingEnabled: undefined,
    });
    expect(check(run(base11), 'base-values')).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/base set of 11/),
    });
    expect(
      check(run(withValues({ HostingSystemNestedLevel: undefined })), 'base-values'),
    ).toMatchObject({
      status: 'warn',
      message:
        'The base 11 values are present, but only part of the 5 newer ones; missing: HostingSystemNestedLevel.',
    });
    expect(check(run(withValues({ VirtualMachineId: undefined })), 'base-values')).toMatchObject({
      status: 'warn',
      evidence: [
        { name: 'VirtualMachineId', actual: '(missing)', source: 'not in the file', line: null },
      ],
    });
    expect(check(run(withValues({ HostingSystemOsMinor: undefined })), 'base-values')?.status).toBe(
      'fail',
    );
    expect(check(run([V5, PARAMETERS]), 'base-values')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/empty/),
    });
  });

  it('number types: uniform, mixed, unreadable, none', () => {
    expect(check(run(withValues({})), 'number-types')?.message).toBe(
      'All 11 numeric values are stored as REG_DWORD.',
    );
    const mixed = run(withValues({ HostingSystemSpMajor: '"0"' }));
    expect(check(mixed, 'number-types')).toMatchObject({
      status: 'warn',
      evidence: [{ name: 'HostingSystemSpMajor', line: 13 }],
    });
    const binary = run(withValues({ HostingSystemOsMinor: 'hex:00' }));
    expect(check(binary, 'number-types')).toMatchObject({
      status: 'fail',
      message:
        'Not readable as numbers: HostingSystemOsMinor (stored as REG_BINARY, not as REG_DWORD or a decimal REG_SZ).',
    });
    expect(check(run([V5, PARAMETERS, '"HostName"="h"']), 'number-types')?.status).toBe(
      'not-applicable',
    );
  });

  it('VirtualMachineId: GUID, braces, other, missing', () => {
    expect(check(run(withValues({})), 'virtual-machine-id')?.status).toBe('pass');
    expect(
      check(
        run(withValues({ VirtualMachineId: '"{461B2364-3901-4349-B3C2-FA4821CBEEFE}"' })),
        'virtual-machine-id',
      )?.status,
    ).toBe('warn');
    expect(
      check(run(withValues({ VirtualMachineId: '"my-vm"' })), 'virtual-machine-id')?.message,
    ).toMatch(/not a GUID/);
    expect(
      check(run(withValues({ VirtualMachineId: undefined })), 'virtual-machine-id')?.status,
    ).toBe('not-applicable');
  });

  it('host version: known, Technical Preview, unknown, unreadable', () => {
    expect(check(run(withValues({})), 'host-version')?.message).toBe(
      'The host reports 10.0 (Windows Server 2016 or later, Azure Local, Azure, Hyper-V Server 2016/2019, or Windows 10/11).',
    );
    // Hyper-V first shipped in Windows Server 2008; Vista and 7 never hosted it.
    expect(
      check(
        run(withValues({ HostingSystemOsMajor: dword(6), HostingSystemOsMinor: dword(1) })),
        'host-version',
      )?.message,
    ).toBe('The host reports 6.1 (Windows Server 2008 R2 or Hyper-V Server 2008 R2).');
    expect(
      check(
        run(withValues({ HostingSystemOsMajor: dword(6), HostingSystemOsMinor: dword(4) })),
        'host-version',
      )?.status,
    ).toBe('warn');
    expect(
      check(run(withValues({ HostingSystemOsMajor: dword(11) })), 'host-version'),
    ).toMatchObject({
      status: 'warn',
      message:
        'The host reports 11.0 (not a known Windows version), which is not a Windows version that runs Hyper-V.',
    });
    expect(check(run(withValues({ HostingSystemOsMajor: '"x"' })), 'host-version')?.status).toBe(
      'not-applicable',
    );
  });

  it('edition: can run Hyper-V, without Hyper-V, Home, unknown, unreadable', () => {
    expect(check(run(withValues({})), 'host-edition')?.status).toBe('pass');
    expect(
      check(run(withValues({ HostingSystemEditionId: dword(0x25) })), 'host-edition')?.message,
    ).toMatch(/without Hyper-V/);
    expect(
      check(run(withValues({ HostingSystemEditionId: '"101"' })), 'host-edition'),
    ).toMatchObject({
      status: 'warn',
      evidence: [{ name: 'HostingSystemEditionId', actual: '"101" (REG_SZ)' }],
    });
    // An id nobody here knows is a note, not a warning: the SDK keeps adding ids.
    expect(
      check(run(withValues({ HostingSystemEditionId: dword(9999) })), 'host-edition'),
    ).toMatchObject({
      status: 'info',
      message: expect.stringMatching(/SDK keeps adding edition ids/),
    });
    expect(run(withValues({ HostingSystemEditionId: dword(9999) })).verdicts[0]?.outcome).toBe(
      'healthy',
    );
    expect(
      check(run(withValues({ HostingSystemEditionId: undefined })), 'host-edition')?.status,
    ).toBe('not-applicable');
  });

  it('architecture: x64, not a Hyper-V host, guest mismatch, unreadable', () => {
    expect(check(run(withValues({})), 'host-architecture')?.status).toBe('pass');
    expect(
      check(run(withValues({ HostingSystemProcessorArchitecture: dword(0) })), 'host-architecture')
        ?.status,
    ).toBe('warn');
    const arm = run([...withValues({}), AUTO, '"ProcessorArchitecture"="12"']);
    expect(check(arm, 'host-architecture')).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/guest reports 12 → ARM64/),
    });
    expect(
      check(run(withValues({ HostingSystemProcessorArchitecture: undefined })), 'host-architecture')
        ?.status,
    ).toBe('not-applicable');
  });

  it('throttle: ok, out of range, min above max, absent', () => {
    expect(check(run(withValues({})), 'throttle')?.message).toBe('Min 5 % ≤ max 100 %.');
    expect(
      check(run(withValues({ HostingSystemProcessorThrottleMax: dword(150) })), 'throttle')
        ?.message,
    ).toBe('HostingSystemProcessorThrottleMax is 150, outside 0–100.');
    expect(
      check(
        run(
          withValues({
            HostingSystemProcessorThrottleMin: dword(90),
            HostingSystemProcessorThrottleMax: dword(50),
          }),
        ),
        'throttle',
      )?.status,
    ).toBe('warn');
    expect(
      check(
        run(
          withValues({
            HostingSystemProcessorThrottleMin: undefined,
            HostingSystemProcessorThrottleMax: undefined,
          }),
        ),
        'throttle',
      )?.status,
    ).toBe('not-applicable');
  });

  it('host names: FQDN starts with the name, no domain, differ, missing', () => {
    expect(check(run(withValues({})), 'host-names')?.status).toBe('pass');
    expect(
      check(
        run(
          withValues({
            PhysicalHostName: '"CO2AA1050611004"',
            PhysicalHostNameFullyQualified: '"co2aa1050611004"',
          }),
        ),
        'host-names',
      )?.status,
    ).toBe('pass');
    expect(check(run(withValues({ PhysicalHostName: '"OTHER"' })), 'host-names')).toMatchObject({
      status: 'warn',
      message:
        '“thehost.example.com” does not start with “OTHER”: the values may come from different hosts, or were edited.',
    });
    expect(check(run(withValues({ PhysicalHostName: undefined })), 'host-names')?.status).toBe(
      'not-applicable',
    );
  });

  it('case duplicates: found, none', () => {
    const lines = [...withValues({}), '"hostname"="x"'];
    expect(check(run(lines), 'case-duplicates')).toMatchObject({
      status: 'warn',
      message:
        'Written with different case: HostName (line 4) / hostname (line 20); only the last write counts.',
    });
    expect(check(run(withValues({})), 'case-duplicates')?.status).toBe('pass');
  });

  it('unknown values: found, none', () => {
    const result = run([...withValues({}), `"HostSystemOSMajor"=${dword(6)}`]);
    expect(check(result, 'unknown-values')).toMatchObject({
      status: 'warn',
      message: 'Not written by any known host: HostSystemOSMajor.',
      evidence: [{ line: 20 }],
    });
  });

  it('legacy pattern: only the 4 Virtual PC values', () => {
    const legacy = [
      V5,
      PARAMETERS,
      '"HostName"="h"',
      '"PhysicalHostName"="h"',
      '"PhysicalHostNameFullyQualified"="h"',
      '"VirtualMachineName"="v"',
    ];
    expect(check(run(legacy), 'legacy-pattern')).toMatchObject({
      status: 'warn',
      title: 'Only the 4 legacy Virtual PC / Virtual Server values',
    });
    expect(check(run(withValues({})), 'legacy-pattern')?.status).toBe('pass');
  });

  it('look-alike keys: found, none', () => {
    const result = run([
      ...withValues({}),
      '[HKEY_CURRENT_USER\\Software\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
    ]);
    expect(check(result, 'look-alike-keys')).toMatchObject({
      status: 'warn',
      evidence: [{ line: 20 }],
    });
    expect(check(run(withValues({})), 'look-alike-keys')?.status).toBe('pass');
  });

  it('guest OS consistency: agree, differ, single', () => {
    const cv = (v: string) => [CURRENT_VERSION, `"CurrentVersion"="${v}"`];
    const auto = [AUTO, '"OSVersion"="6.1.7601"'];
    expect(check(run([V5, ...cv('6.1'), ...auto]), 'guest-os-consistent')?.status).toBe('pass');
    expect(check(run([V5, ...cv('6.3'), ...auto]), 'guest-os-consistent')).toMatchObject({
      status: 'warn',
      message:
        'Windows NT\\CurrentVersion (line 3) says Windows 8.1 or Windows Server 2012 R2 (6.3), but Virtual Machine\\Auto (line 5) says Windows 7 or Windows Server 2008 R2 (6.1.7601): Auto may be stale after an in-place upgrade, or was edited.',
    });
    // The same version but another build: Auto lags after an upgrade within 10.0.
    const drift = [
      V5,
      CURRENT_VERSION,
      '"CurrentMajorVersionNumber"=dword:0000000a',
      '"CurrentMinorVersionNumber"=dword:00000000',
      '"CurrentBuild"="26100"',
      AUTO,
      '"OSVersion"="10.0.20348"',
      '"OSBuildNumber"="20348"',
    ];
    expect(check(run(drift), 'guest-os-consistent')?.status).toBe('warn');
    expect(check(run([V5, ...auto]), 'guest-os-consistent')?.status).toBe('not-applicable');
  });
});
