import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, snapshotFacts, type KvpSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { inflateRaw } from '../../../src/lib/permalink/compression.ts';
import { fromBase64url } from '../../../src/lib/permalink/base64url.ts';
import {
  decodePermalink,
  encodePermalink,
  redactSnapshot,
} from '../../../src/lib/permalink/index.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { PARAMETERS, AUTO, V5, parseLines } from '../kvp/reg-text.ts';
import { sampleSnapshots } from './samples.ts';

const samples = await sampleSnapshots();

function data(snapshot: KvpSnapshot, key: 'parameters' | 'auto', name: string): unknown {
  return snapshot[key].values.find((v) => v.name === name)?.data;
}

/** Every identifying text of a snapshot, each DNS label of its names and each address. */
function secretsOf(snapshot: KvpSnapshot): string[] {
  const texts = (key: 'parameters' | 'auto', names: string[]) =>
    names
      .map((n) => data(snapshot, key, n))
      .filter((t): t is string => typeof t === 'string' && t !== '');
  const names = [
    ...texts('parameters', ['HostName', 'PhysicalHostName', 'PhysicalHostNameFullyQualified']),
    ...texts('auto', ['FullyQualifiedDomainName']),
  ];
  // Top-level labels (com, example) stay: they name no one.
  const labels = names.flatMap((t) => t.split('.').slice(0, t.includes('.') ? -1 : undefined));
  const addresses = texts('auto', ['NetworkAddressIPv4', 'NetworkAddressIPv6']).flatMap((t) =>
    t.split(';').map((a) => a.replace(/%.*$/, '')),
  );
  const vm = texts('parameters', ['VirtualMachineName', 'VirtualMachineId']);
  // Two letters ("ad") turn up in any text; the labels test above covers them exactly.
  return [...names, ...labels, ...addresses, ...vm].filter((s) => s.length > 2);
}

function statuses(snapshot: KvpSnapshot) {
  const result = analyze(snapshot);
  return {
    checks: result.checks.map((c) => [c.id, c.status]),
    verdicts: result.verdicts.map((v) => v.outcome),
  };
}

function hostExport(name: string, fqdn: string, id: string): KvpSnapshot {
  return buildSnapshot(
    parseLines([
      V5,
      PARAMETERS,
      `"PhysicalHostName"="${name}"`,
      `"PhysicalHostNameFullyQualified"="${fqdn}"`,
      `"HostName"="${fqdn}"`,
      '"VirtualMachineName"="payroll-db"',
      `"VirtualMachineId"="${id}"`,
      AUTO,
      '"FullyQualifiedDomainName"="PAYROLL.fabrikam.local"',
      '"NetworkAddressIPv4"="10.0.0.5;10.0.0.6;10.0.0.5"',
      '"NetworkAddressIPv6"="fe80::1%3"',
      '"RDPAddressIPv4"="10.0.0.6"',
    ]),
  );
}

describe('redactSnapshot', () => {
  it('replaces names, ID and addresses with stable, consistent placeholders', () => {
    const redacted = redactSnapshot(
      hostExport('HV-NODE3', 'hv-node3.fabrikam.local', '461B2364-3901-4349-B3C2-FA4821CBEEFE'),
    );
    expect(data(redacted, 'parameters', 'PhysicalHostName')).toBe('HOST1');
    expect(data(redacted, 'parameters', 'PhysicalHostNameFullyQualified')).toBe(
      'host1.domain1.local',
    );
    expect(data(redacted, 'parameters', 'HostName')).toBe('host1.domain1.local');
    expect(data(redacted, 'parameters', 'VirtualMachineName')).toBe('VM1');
    expect(data(redacted, 'parameters', 'VirtualMachineId')).toBe(
      '00000000-0000-4000-8000-000000000001',
    );
    expect(data(redacted, 'auto', 'FullyQualifiedDomainName')).toBe('GUEST1.domain1.local');
    expect(data(redacted, 'auto', 'NetworkAddressIPv4')).toBe('192.0.2.1;192.0.2.2;192.0.2.1');
    expect(data(redacted, 'auto', 'NetworkAddressIPv6')).toBe('2001:db8::1');
    expect(data(redacted, 'auto', 'RDPAddressIPv4')).toBe('192.0.2.2');
  });

  it('keeps a disagreement between the host names a disagreement', () => {
    const redacted = redactSnapshot(hostExport('HV-NODE3', 'hv-node4.fabrikam.local', 'x'));
    expect(data(redacted, 'parameters', 'PhysicalHostName')).toBe('HOST1');
    expect(data(redacted, 'parameters', 'PhysicalHostNameFullyQualified')).toBe(
      'host2.domain1.local',
    );
  });

  it.each([
    ['461b2364-3901-4349-b3c2-fa4821cbeefe', '00000000-0000-4000-8000-000000000001'],
    ['{461B2364-3901-4349-B3C2-FA4821CBEEFE}', '{00000000-0000-4000-8000-000000000001}'],
    ['461b2364-3901-4349-B3C2-FA4821CBEEFE', '00000000-0000-4000-8000-000000000001'],
    ['{not-a-guid}', 'VMID1'],
  ])('redacts VirtualMachineId %s as %s', (id, placeholder) => {
    const snapshot = hostExport('A', 'a.example', id);
    const redacted = redactSnapshot(snapshot);
    expect(data(redacted, 'parameters', 'VirtualMachineId')).toBe(placeholder);
    const check = (s: KvpSnapshot) =>
      analyze(s).checks.find((c) => c.id === 'kvp-virtual-machine-id')?.status;
    expect(check(redacted)).toBe(check(snapshot));
  });

  it('changes nothing else: the what-if, other values, lines and types stay', () => {
    const { snapshot } = samples.find((s) => s.id === 'host-10-0')!;
    const redacted = redactSnapshot(snapshot);
    const keep = (s: KvpSnapshot) =>
      snapshotFacts(s).parameters.values.filter((v) => v.name.startsWith('HostingSystem'));
    expect(keep(redacted)).toEqual(keep(snapshot));
    expect(redacted.guestOs).toEqual(snapshot.guestOs);
    expect(redacted.hostVersion).toEqual(snapshot.hostVersion);
    expect(redacted.parameters.values.map((v) => [v.name, v.typeName, v.line])).toEqual(
      snapshot.parameters.values.map((v) => [v.name, v.typeName, v.line]),
    );
  });

  it('is stable: the same snapshot gives the same redacted link, and redacting twice changes nothing', async () => {
    const { snapshot } = samples.find((s) => s.id === 'offered')!;
    const once = redactSnapshot(snapshot);
    expect(redactSnapshot(once)).toStrictEqual(once);
    expect(await encodePermalink(snapshot, { redact: true })).toBe(
      await encodePermalink(snapshot, { redact: true }),
    );
  });

  it.each(samples.map((s) => [s.id, s] as const))(
    '%s: every check keeps its status and every verdict its outcome',
    (_id, { snapshot }) => {
      expect(statuses(redactSnapshot(snapshot))).toEqual(statuses(snapshot));
    },
  );

  it.each(samples.map((s) => [s.id, s] as const))(
    '%s: no name, ID or address is left in the link’s bytes or in what it opens',
    async (_id, { snapshot }) => {
      const link = await encodePermalink(snapshot, { redact: true });
      const payload = await inflateRaw(fromBase64url(link.slice('#v1.'.length)));
      const carried = [
        new TextDecoder().decode(payload),
        JSON.stringify(await decodePermalink(link)),
      ].join('\n');
      const secrets = secretsOf(snapshot);
      expect(secrets.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(carried.toLowerCase()).not.toContain(secret.toLowerCase());
      }
    },
  );

  it('keeps kvp-host-names and kvp-virtual-machine-id as they were on the samples', () => {
    const wanted = ['kvp-host-names', 'kvp-virtual-machine-id'];
    const pick = (s: KvpSnapshot) =>
      analyze(s)
        .checks.filter((c) => wanted.includes(c.id))
        .map((c) => c.status);
    for (const { snapshot } of samples) {
      expect(pick(redactSnapshot(snapshot))).toEqual(pick(snapshot));
    }
    const handEdited = samples.find((s) => s.id === 'hand-edited')!.snapshot;
    expect(pick(handEdited)).toEqual(['warn', 'warn']);
  });

  it('keeps every status for generated host names, FQDNs and VM IDs', () => {
    const label = fc.constantFrom(
      'hv-node3',
      'HV-NODE3',
      'Hv-Node3',
      'hv-node4',
      'com',
      'local',
      '',
    );
    const dnsName = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));
    const id = fc.constantFrom(
      '461B2364-3901-4349-B3C2-FA4821CBEEFE',
      '{461b2364-3901-4349-b3c2-fa4821cbeefe}',
      '461B2364',
      '',
    );
    fc.assert(
      fc.property(dnsName, dnsName, id, (name, fqdn, vmId) => {
        const snapshot = hostExport(name, fqdn, vmId);
        expect(statuses(redactSnapshot(snapshot))).toEqual(statuses(snapshot));
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactSnapshot: near misses of the identifying names', () => {
  const WOW =
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters]';
  const snapshot = buildSnapshot(
    parseLines([
      V5,
      PARAMETERS,
      '"HostName "="hv-node7.contoso.local"',
      '"PHYSICALHOSTNAME"="HV-NODE7"',
      '"H\u043EstName"="hv-node7"',
      '"PhysicalHostNameFullyQualified\u200B"="hv-node7.contoso.local"',
      '"VirtualMachineName\u202E"="payroll-db"',
      '"VirtualMachine\u0399d"="461b2364-3901-4349-b3c2-fa4821cbeefe"',
      AUTO,
      '"NetworkAddressIPv4 "="10.1.2.3"',
      '"FullyQualifiedDomainN\u0430me"="PAYROLL.fabrikam.local"',
      WOW,
      '"HostName"="hv-node7-wow"',
    ]),
  );
  const secrets = ['hv-node7', 'contoso', 'payroll', 'fabrikam', '10.1.2.3', '461b2364'];

  it('the snapshot carries each identifying text under a near-miss name', () => {
    const json = JSON.stringify(snapshot).toLowerCase();
    for (const secret of secrets) expect(json).toContain(secret);
    expect(snapshot.lookAlikes.map((k) => k.values.map((v) => v.name))).toEqual([['HostName']]);
  });

  it('the redacted link carries none of them, and look-alike keys carry names only', async () => {
    const link = await encodePermalink(snapshot, { redact: true });
    const json = JSON.stringify(await decodePermalink(link)).toLowerCase();
    for (const secret of secrets) expect(json).not.toContain(secret);
    const redacted = redactSnapshot(snapshot);
    expect(data(redacted, 'parameters', 'HostName ')).toBe('host1.domain1.local');
    expect(data(redacted, 'parameters', 'H\u043EstName')).toBe('host1');
    expect(data(redacted, 'auto', 'NetworkAddressIPv4 ')).toBe('192.0.2.1');
  });
});
