import { describe, expect, it } from 'vitest';
import { AUTO_CATALOGUE, PARAMETERS_CATALOGUE } from '../../../src/lib/kvp/catalogue.ts';
import { CURRENT_VERSION_NAMES } from '../../../src/lib/kvp/snapshot.ts';
import { LinkLimitError } from '../../../src/lib/permalink/link-limits.ts';
import { withDword } from '../hostile/cases.ts';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';
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
      {
        name: 'VirtualMachineName',
        type: 1,
        data: '461B2364-3901-4349-b3c2-FA4821CBEEFE',
        line: 5,
      },
      { name: 'HostingSystemOsMinor', type: 1, data: '007', line: 6 },
      { name: 'HostingSystemOsMajor', type: 11, data: '18446744073709551615', line: 7 },
      {
        name: 'HostingSystemEditionId',
        type: 3,
        data: null,
        bytes: Uint8Array.from([8, 0]),
        line: 9,
      },
      { name: 'x', type: 7, data: ['a', '', 'b'], line: 2 },
    ];
    expect(decodeFactsV1(encodeFactsV1(facts(values))).parameters.values).toEqual(values);
  });
});

/** `facts` encoded, with the UTF-8 bytes of the text `from` replaced by those of `to`. */
function patched(of: SnapshotFacts, from: string, to: string): Uint8Array {
  const payload = encodeFactsV1(of);
  const [a, b] = [from, to].map((t) => new TextEncoder().encode(t));
  const at = payload.findIndex((_, i) => a!.every((byte, k) => payload[i + k] === byte));
  payload.set(b!, at);
  return payload;
}

const dword = (name: string, line: number, data = 10) => ({ name, type: 4, data, line });
const named = (name: string, line: number) => ({ name, line });
const PARAMETERS = { state: 'present' as const, path: PARAMETERS_PATH, line: 3 };
const LOOK_ALIKE =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters';
const with_ = (change: Partial<SnapshotFacts>): SnapshotFacts => ({ ...facts([]), ...change });

describe('schema v1 decoding refuses what no file gives', () => {
  const refusals: [string, Uint8Array, string][] = [
    [
      'two values of one name, in any case',
      encodeFactsV1(facts([dword('HostName', 4), dword('HOSTNAME', 5)])),
      'two values of one key with one name',
    ],
    [
      'two values on one line',
      encodeFactsV1(facts([dword('HostName', 4), dword('VirtualMachineName', 4)])),
      'two values of one key on one line',
    ],
    [
      'a value and a deleted value of one name',
      encodeFactsV1(
        with_({
          parameters: { ...PARAMETERS, values: [dword('a', 4)], deletedValues: [named('A', 5)] },
        }),
      ),
      'two values of one key with one name',
    ],
    [
      'a "DWORD" beyond 32 bits',
      encodeFactsV1(facts([dword('HostingSystemOsMajor', 4, 2 ** 32)])),
      'data that its type cannot hold',
    ],
    [
      'a "DWORD" of 2^53 − 1',
      encodeFactsV1(facts([dword('HostingSystemOsMajor', 4, 2 ** 53 - 1)])),
      'data that its type cannot hold',
    ],
    [
      'a "DWORD" of 2^53 (written by hand: the encoder cannot)',
      withDword(2 ** 53),
      'a number is too large',
    ],
    ['a "DWORD" of 2^32 written by hand', withDword(2 ** 32), 'data that its type cannot hold'],
    [
      'a number stored as REG_SZ',
      encodeFactsV1(facts([{ name: 'a', type: 1, data: 5, line: 4 }])),
      'data that its type cannot hold',
    ],
    [
      'a list that is not REG_MULTI_SZ',
      encodeFactsV1(facts([{ name: 'a', type: 1, data: ['x'], line: 4 }])),
      'data that its type cannot hold',
    ],
    [
      'REG_SZ without text',
      encodeFactsV1(facts([{ name: 'a', type: 1, data: null, bytes: new Uint8Array(2), line: 4 }])),
      'data that its type cannot hold',
    ],
    [
      'the bytes of a DWORD that reads as a number',
      encodeFactsV1(facts([{ name: 'a', type: 4, data: null, bytes: new Uint8Array(4), line: 4 }])),
      'data that its type cannot hold',
    ],
    [
      'GUID text written as plain text',
      patched(
        facts([{ name: 'a', type: 1, data: 'x'.repeat(36), line: 4 }]),
        'x'.repeat(36),
        '461b2364-3901-4349-b3c2-fa4821cbeefe',
      ),
      'data that its type cannot hold',
    ],
    [
      'earlier writes out of file order',
      encodeFactsV1(
        facts([{ ...dword('a', 9), writes: [named('a', 5), named('a', 4), named('a', 9)] }]),
      ),
      'writes out of file order',
    ],
    [
      'writes that do not end with the value',
      encodeFactsV1(facts([{ ...dword('a', 9), writes: [named('a', 5), named('a', 7)] }])),
      'writes that do not end with the value',
    ],
    [
      'a single write',
      encodeFactsV1(facts([{ ...dword('a', 9), writes: [named('a', 9)] }])),
      'writes that do not end with the value',
    ],
    [
      'a write of another name',
      encodeFactsV1(facts([{ ...dword('a', 9), writes: [named('b', 5), named('a', 9)] }])),
      'a write of another name',
    ],
    [
      'values of an absent key',
      encodeFactsV1(
        with_({ auto: { state: 'absent', path: AUTO_PATH, line: null, values: [dword('a', 4)] } }),
      ),
      'values of a key not present',
    ],
    [
      'values of a deleted key',
      encodeFactsV1(
        with_({ auto: { state: 'deleted', path: AUTO_PATH, line: 3, values: [dword('a', 4)] } }),
      ),
      'values of a key not present',
    ],
    [
      'another key in the place of Auto',
      encodeFactsV1(
        with_({ auto: { state: 'deleted', path: PARAMETERS_PATH, line: 3, values: [] } }),
      ),
      'a key path that is not the key',
    ],
    [
      'a CurrentVersion value the snapshot does not keep',
      encodeFactsV1(
        with_({
          currentVersion: {
            state: 'present',
            path: CURRENT_VERSION_PATH,
            line: 3,
            values: [dword('UBR', 4)],
          },
        }),
      ),
      'a value the snapshot does not keep',
    ],
    [
      'one look-alike key twice',
      encodeFactsV1(
        with_({
          lookAlikes: [
            { path: LOOK_ALIKE, line: 5, deleted: false, values: [] },
            { path: LOOK_ALIKE.toUpperCase(), line: 6, deleted: false, values: [] },
          ],
        }),
      ),
      'one look-alike key twice',
    ],
    [
      'values of a deleted look-alike key',
      encodeFactsV1(
        with_({
          lookAlikes: [{ path: LOOK_ALIKE, line: 5, deleted: true, values: [named('a', 6)] }],
        }),
      ),
      'values of a deleted key',
    ],
    [
      'a what-if of four digits',
      encodeFactsV1(with_({ given: { guestOs: { major: 1000, minor: 1 } } })),
      'a what-if out of range',
    ],
  ];

  it.each(refusals)('%s', (_what, payload, message) => {
    expect(() => decodeFactsV1(payload)).toThrow(new PayloadError(message));
  });

  it('refuses more than 1,000 values in a key by their count, naming the key and the limit', () => {
    const many = Array.from({ length: 1001 }, (_, i) => dword(`v${i}`, 4 + i));
    expect(decodeFactsV1(encodeFactsV1(facts(many.slice(0, 1000)))).parameters.values).toHaveLength(
      1000,
    );
    const error = (() => {
      try {
        decodeFactsV1(encodeFactsV1(facts(many)));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LinkLimitError);
    expect((error as LinkLimitError).limit).toEqual({
      kind: 'values',
      key: 'Guest\\Parameters',
      count: 1001,
    });
    expect((error as Error).message).toBe(
      'Guest\\Parameters holds 1,001 values, and a link carries at most 1,000 per key (a Hyper-V host writes 16 into Guest\\Parameters)',
    );
  });

  it('refuses a count of values that the bytes left cannot hold, before reading them', () => {
    const payload = encodeFactsV1(facts([]));
    // format, encoding, what-if, then Guest\\Parameters: flags, path, line, count of values.
    expect(payload[6]).toBe(0);
    // 34 values of three bytes or more: one more than the 101 bytes left can hold.
    const claimed = Uint8Array.from([
      ...payload.slice(0, 6),
      34,
      ...new Uint8Array(94),
      ...payload.slice(7),
    ]);
    expect(claimed.length - 7).toBe(101);
    expect(() => decodeFactsV1(claimed)).toThrow(
      new PayloadError('a count is larger than the data'),
    );
    claimed[6] = 33;
    expect(() => decodeFactsV1(claimed)).toThrow(PayloadError);
    expect(() => decodeFactsV1(claimed)).not.toThrow('a count is larger than the data');
  });
});
