// Builds Evidence entries from snapshot facts, so every rule reports values the same way.

import { describeProvenance } from '../kvp/provenance.ts';
import type { SnapshotValue, VersionFact } from '../kvp/snapshot.ts';
import type { Evidence } from './types.ts';

/** "6 (REG_DWORD)", "\"ten\" (REG_SZ)", "hex:01,00 (REG_BINARY)". */
export function showValue(value: SnapshotValue): string {
  const { data } = value;
  const shown =
    data === null
      ? `hex:${value.hex ?? ''}`
      : typeof data === 'number'
        ? String(data)
        : Array.isArray(data)
          ? JSON.stringify(data)
          : `"${data}"`;
  return `${shown} (${value.typeName})`;
}

/** Evidence for a value of a key; a missing value says so. */
export function valueEvidence(
  name: string,
  value: SnapshotValue | undefined,
  expected: string,
): Evidence {
  if (!value) return { name, actual: '(missing)', expected, source: 'not in the file', line: null };
  return {
    name: value.name,
    actual: showValue(value),
    expected,
    source: `line ${value.line}`,
    line: value.line,
  };
}

/** Evidence for a version fact read from the file or given by the user. */
export function factEvidence(fact: VersionFact, expected: string): Evidence {
  return {
    name: fact.name,
    actual: fact.value,
    expected,
    source: describeProvenance(fact.provenance),
    line: fact.provenance.kind === 'file' ? fact.provenance.line : null,
  };
}

/** Evidence for a key (present, deleted or absent). */
export function keyEvidence(
  path: string,
  state: string,
  line: number | null,
  expected: string,
): Evidence {
  return {
    name: path,
    actual: state,
    expected,
    source: line === null ? 'not in the file' : `line ${line}`,
    line,
  };
}
