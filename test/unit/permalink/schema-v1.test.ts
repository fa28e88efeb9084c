import { describe, expect, it } from 'vitest';
import { AUTO_CATALOGUE, PARAMETERS_CATALOGUE } from '../../../src/lib/kvp/catalogue.ts';
import { CURRENT_VERSION_NAMES } from '../../../src/lib/kvp/snapshot.ts';
import {
  KEY_PATHS_V1,
  VALUE_NAMES_V1,
  decodeFactsV1,
  encodeFactsV1,
} from '../../../src/lib/permalink/schema-v1.ts';
import { AUTO_PATH, CURRENT_VERSION_PATH, PARAMETERS_PATH } from '../../../src/lib/kvp/paths.ts';
import type { SnapshotFacts } from '../../../src/lib/kvp/snapshot.ts';

function facts(values: SnapshotFacts['parameters']['values']): SnapshotFacts {
  const absent = (path: string) => ({ state: 'absent' as const, path, line: null, values: [] });
  return {
    input: { format: 'regedit5', encoding: 'utf-16le' },
    parameters: { state: 'present', path: PARAMETERS_PATH, line: 3, values },
    auto: absent(AUTO_PATH),
    currentVersion: absent(CURRENT_VERSION_PATH),
    lookAlikes: [],
    given: {},
  };
}

describe('schema v1', () => {
  it('knows every catalogue name and every CurrentVersion name the snapshot keeps', () => {
    const known = [...PARAMETERS_CATALOGUE, ...AUTO_CATALOGUE].map((e) => e.name);
    for (const name of [...known, ...CURRENT_VERSION_NAMES]) expect(VALUE_NAMES_V1).toContain(name);
    expect(new Set(VALUE_NAMES_V1).size).toBe(VALUE_NAMES_V1.length);
    expect(KEY_PATHS_V1).toEqual([PARAMETERS_PATH, AUTO_PATH, CURRENT_VERSION_PATH]);
  });

  it('writes a known name in one byte and keeps any other spelling exactly', () => {
    const value = (name: string) => ({ name, type: 4, data: 10, line: 4 });
    const known = encodeFactsV1(facts([value('HostingSystemOsMajor')]));
    const otherCase = encodeFactsV1(facts([value('hostingsystemosmajor')]));
    expect(otherCase.length - known.length).toBe('hostingsystemosmajor'.length + 1);
    expect(decodeFactsV1(otherCase).parameters.values[0]?.name).toBe('hostingsystemosmajor');
  });

  it('carries a value in a handful of bytes: name, flags, data', () => {
    const one = encodeFactsV1(
      facts([{ name: 'HostingSystemOsMajor', type: 4, data: 10, line: 4 }]),
    );
    const none = encodeFactsV1(facts([]));
    expect(one.length - none.length).toBe(3);
  });

  it('keeps GUID text forms, decimals that are not canonical, and binary bytes exactly', () => {
    const values = [
      {
        name: 'VirtualMachineId',
        type: 1,
        data: '{461b2364-3901-4349-b3c2-fa4821cbeefe}',
        line: 4,
      },
      { name: 'VirtualMachineId', type: 1, data: '461B2364-3901-4349-b3c2-FA4821CBEEFE', line: 5 },
      { name: 'HostingSystemOsMinor', type: 1, data: '007', line: 6 },
      { name: 'HostingSystemOsMinor', type: 11, data: '18446744073709551615', line: 7 },
      {
        name: 'HostingSystemEditionId',
        type: 3,
        data: null,
        bytes: Uint8Array.from([8, 0]),
        line: 9,
      },
      { name: 'x', type: 0xffff0012, data: ['a', '', 'b'], line: 2 },
    ];
    expect(decodeFactsV1(encodeFactsV1(facts(values))).parameters.values).toEqual(values);
  });
});
