// Reads the host's version for rules: the what-if value when given, else HostingSystemOsMajor /
// HostingSystemOsMinor from Guest\Parameters (the names Windows reads, kvp-reference.md §1.1).

import { readNumber } from '../kvp/numbers.ts';
import { snapshotValue, type KvpSnapshot } from '../kvp/snapshot.ts';
import { factEvidence, valueEvidence } from './evidence.ts';
import type { Evidence } from './types.ts';

export type HostPart = 'major' | 'minor';

export const HOST_VALUE_NAME: Record<HostPart, string> = {
  major: 'HostingSystemOsMajor',
  minor: 'HostingSystemOsMinor',
};

export type HostNumber =
  | { ok: true; value: number; evidence: Evidence }
  | { ok: false; problem: 'missing' | 'not-a-number'; why: string; evidence: Evidence };

export function hostNumber(snapshot: KvpSnapshot, part: HostPart, expected: string): HostNumber {
  const given = snapshot.given.hostVersion;
  const name = HOST_VALUE_NAME[part];
  if (given) {
    const value = given[part];
    const fact = { name, value: String(value), provenance: { kind: 'given' as const } };
    return { ok: true, value, evidence: factEvidence(fact, expected) };
  }
  const value = snapshotValue(snapshot.parameters, name);
  const evidence = valueEvidence(name, value, expected);
  if (!value) {
    return { ok: false, problem: 'missing', why: `${name} is not in Guest\\Parameters`, evidence };
  }
  const reading = value.number ?? readNumber(value);
  if (!reading.ok)
    return { ok: false, problem: 'not-a-number', why: `${name} is ${reading.why}`, evidence };
  return { ok: true, value: reading.value, evidence };
}
