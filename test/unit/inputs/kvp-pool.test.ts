// hv_kvp_daemon pool files: bytes built from the record layout, and the real pool files of the
// corpus (../shared/corpus/kvp, read at run time).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  looksLikePoolFile,
  poolFromName,
  readPoolFile,
  RECORD_BYTES,
  type PoolFile,
} from '../../../src/lib/inputs/kvp-pool';
import { bytesOf, POOL3, poolBytes, poolRecord } from './kvp-bytes';
import { corpusPath } from '../../support/corpus.ts';

function corpus(name: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath('kvp', name)));
}

const pairs = (f: PoolFile) => f.records.map((r) => [r.key, r.value]);
const messages = (f: PoolFile) => f.diagnostics.map((d) => `${d.severity}: ${d.message}`);

describe('readPoolFile: the real pool files of the corpus', () => {
  it('libhvee default.data is pool 3 of a Windows 10/11 Pro host: 16 records, no notes', () => {
    const f = readPoolFile(
      corpus('libhvee__hyperv_test_default.data.kvp_pool_3.bin'),
      'libhvee__hyperv_test_default.data.kvp_pool_3.bin',
    );
    expect(f.size).toBe(40_960);
    expect([f.pool, f.poolFrom]).toEqual([3, 'name']);
    expect(f.records.map((r) => r.key)).toEqual(POOL3.map(([k]) => k));
    expect(f.records[0]).toEqual({ record: 1, key: 'HostName', value: 'DESKTOP-58PN9KP' });
    expect(f.records.find((r) => r.key === 'HostingSystemEditionId')?.value).toBe('48');
    expect(f.records.find((r) => r.key === 'VirtualMachineName')?.value).toBe('f37');
    expect(f.diagnostics).toEqual([]);
  });

  it.each([
    ['go-hvkvp__testdata_fedoravm.kvp_pool.bin', [['Hostname', 'fedora-vm']]],
    ['go-hvkvp__testdata_centosvm.kvp_pool.bin', [['Hostname', 'centos-vm']]],
    [
      'go-hvkvp__testdata_testpool.kvp_pool.bin',
      [
        ['IpAddress', '10.0.75.128'],
        ['42', 'Answer to the Ultimate Question of Life, the Universe, and Everything'],
      ],
    ],
  ])('%s: each field ends at its first NUL, the garbage after it is not read', (name, expected) => {
    const f = readPoolFile(corpus(name), name);
    expect(pairs(f)).toEqual(expected);
    // No .kvp_pool_N in the name and no pool 1 or 3 keys: the pool is not known.
    expect([f.pool, f.poolFrom]).toEqual([null, 'unknown']);
    expect(f.diagnostics).toEqual([]);
    expect(looksLikePoolFile(corpus(name))).toBe(true);
  });

  it('the tr-flattened dump is not a pool file, and reading it as one says so', () => {
    const bytes = corpus('notes-azure-basics__kvp_pool_3.tr-dump.txt');
    expect(looksLikePoolFile(bytes)).toBe(false);
    const f = readPoolFile(bytes, 'notes-azure-basics__kvp_pool_3.tr-dump.txt');
    expect(f.records).toEqual([]);
    expect(f.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'error: notes-azure-basics__kvp_pool_3.tr-dump.txt has no NUL byte, so it is text rather than a pool file: perhaps what cat, tr or strings printed of one, which loses empty values and the record boundaries. On the Linux guest, run: sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv — then open hyperv-kvp.tar.gz.',
    ]);
  });
});

describe('readPoolFile: bytes written from the record layout', () => {
  const cases: {
    what: string;
    bytes: Uint8Array;
    name?: string;
    records: [string, string][];
    notes: RegExp[];
  }[] = [
    {
      what: 'garbage after each NUL',
      bytes: poolBytes([['HostName', 'HV01']], {
        garbage: [0xe0, 0x21, 0x80, 0xb6, 0x3e, 0x56, 0, 0],
      }),
      records: [['HostName', 'HV01']],
      notes: [],
    },
    {
      what: 'an empty pool',
      bytes: new Uint8Array(0),
      records: [],
      notes: [/^warning: \.kvp_pool_3 is empty \(0 bytes\): the pool holds no records\.$/],
    },
    {
      what: 'a partial record at the end (a copy cut short)',
      bytes: bytesOf(
        poolRecord('HostName', 'HV01'),
        poolRecord('VirtualMachineName', 'web-01').subarray(0, 700),
      ),
      records: [['HostName', 'HV01']],
      notes: [
        /^warning: \.kvp_pool_3 is 3,260 bytes, which is not a whole number of 2,560-byte records: read 1 record; the last 700 bytes are part of a record, of the key "VirtualMachineName", and were not read \(hv_kvp_daemon reads only whole records too\)\. The file was probably cut short while it was copied\.$/,
      ],
    },
    {
      what: 'a tail shorter than a key',
      bytes: new Uint8Array(100).fill(0x41).fill(0, 50),
      records: [],
      notes: [
        /^warning: \.kvp_pool_3 is 100 bytes, .*read 0 records; the last 100 bytes .*cut short while it was copied\.$/,
      ],
    },
    {
      what: 'a key that is not UTF-8 (kept with U+FFFD)',
      bytes: poolRecord(new Uint8Array([0x48, 0x6f, 0xff, 0x74]), 'x'),
      records: [['Ho\uFFFDt', 'x']],
      notes: [
        /^warning: The key of record 1 is not valid UTF-8, which pool files always are; .*: "Ho\uFFFDt"\.$/,
      ],
    },
    {
      what: 'a value that is not UTF-8',
      bytes: poolRecord('OSName', new Uint8Array([0xc3, 0x28])),
      records: [['OSName', '\uFFFD(']],
      notes: [/^warning: The value of record 1 is not valid UTF-8/],
    },
    {
      what: 'an empty key',
      bytes: poolRecord('', 'orphan value'),
      records: [['', 'orphan value']],
      notes: [
        /^warning: Record 1 has an empty key \(it starts with a NUL byte\), with the value "orphan value"\./,
      ],
    },
    {
      what: 'a record of zeros',
      bytes: bytesOf(poolRecord('HostName', 'HV01'), new Uint8Array(RECORD_BYTES)),
      records: [
        ['HostName', 'HV01'],
        ['', ''],
      ],
      notes: [/^warning: Record 2 is empty: all 2,560 bytes are zero\./],
    },
    {
      what: 'a key with no NUL in its 512 bytes',
      bytes: poolRecord('K'.repeat(512), 'v'),
      records: [['K'.repeat(512), 'v']],
      notes: [
        /^warning: The key of record 1 fills all 512 bytes of its field with no NUL byte to end it/,
      ],
    },
    {
      what: 'a value with no NUL in its 2,048 bytes',
      bytes: poolRecord('k', 'V'.repeat(2048)),
      records: [['k', 'V'.repeat(2048)]],
      notes: [/^warning: The value of record 1 fills all 2,048 bytes/],
    },
    {
      what: 'a repeated key',
      bytes: poolBytes([
        ['HostName', 'OLD'],
        ['VirtualMachineName', 'web-01'],
        ['HostName', 'NEW'],
      ]),
      records: [
        ['HostName', 'OLD'],
        ['VirtualMachineName', 'web-01'],
        ['HostName', 'NEW'],
      ],
      notes: [
        /^warning: Record 3 repeats the key "HostName" of record 1\. hv_kvp_daemon answers lookups with the first of them, but sends both to the host\.$/,
      ],
    },
    {
      what: 'keys that differ only by case',
      bytes: poolBytes([
        ['HostName', 'A'],
        ['hostname', 'B'],
      ]),
      records: [
        ['HostName', 'A'],
        ['hostname', 'B'],
      ],
      notes: [
        /^warning: The key "hostname" of record 2 differs from "HostName" of record 1 only by case\..*see only the last of them\.$/,
      ],
    },
    {
      what: 'a control character in a key is shown escaped, never raw',
      bytes: poolBytes([
        ['Bad\u001b[2J', 'x'],
        ['Bad\u001b[2J', 'y'],
      ]),
      records: [
        ['Bad\u001b[2J', 'x'],
        ['Bad\u001b[2J', 'y'],
      ],
      notes: [/^warning: Record 2 repeats the key "Bad\\x1b\[2J" of record 1\./],
    },
  ];

  it.each(cases)('$what', ({ bytes, name, records, notes }) => {
    const f = readPoolFile(bytes, name ?? '.kvp_pool_3');
    expect(pairs(f)).toEqual(records);
    expect(f.size).toBe(bytes.length);
    const got = messages(f);
    expect(got).toHaveLength(notes.length);
    notes.forEach((re, i) => expect(got[i]).toMatch(re));
    // eslint-disable-next-line no-control-regex
    for (const m of got) expect(m).not.toMatch(/[\u0000-\u001f]/);
  });

  it('quotes at most 60 characters of a key', () => {
    const long = `${'K'.repeat(70)}`;
    const f = readPoolFile(
      poolBytes([
        [long, '1'],
        [long, '2'],
      ]),
      '.kvp_pool_1',
    );
    expect(f.diagnostics[0]?.message).toContain(`"${'K'.repeat(60)}…"`);
  });

  it('says where each note applies, in the file’s own terms', () => {
    const f = readPoolFile(
      poolBytes([
        ['a', '1'],
        ['a', '2'],
      ]),
      '/var/lib/hyperv/.kvp_pool_1',
    );
    expect(f.diagnostics[0]?.at).toBe('record 2 of .kvp_pool_1');
  });

  it('lists 20 notes of a kind, then one line for the rest', () => {
    const f = readPoolFile(new Uint8Array(RECORD_BYTES * 25), '.kvp_pool_0');
    expect(f.records).toHaveLength(25);
    expect(f.diagnostics).toHaveLength(21);
    expect(f.diagnostics[20]?.message).toBe(
      '… and 5 more records that are all zeros (only the first 20 are listed).',
    );
  });

  it('keeps the mtime it is given', () => {
    expect(readPoolFile(new Uint8Array(0), '.kvp_pool_3', 1_764_581_400_000).mtime).toBe(
      1_764_581_400_000,
    );
    expect('mtime' in readPoolFile(new Uint8Array(0), '.kvp_pool_3')).toBe(false);
  });
});

describe('the pool: from the name, else from the keys', () => {
  it.each([
    ['.kvp_pool_3', 3],
    ['/var/lib/hyperv/.kvp_pool_0', 0],
    ['C:\\Users\\me\\Downloads\\.kvp_pool_4', 4],
    ['kvp_pool_1', 1],
    ['web-01.kvp_pool_2.bin', 2],
    ['.kvp_pool_3 (1)', 3],
    ['.kvp_pool_5', null],
    ['.kvp_pool_31', null],
    ['notkvp_pool_3', null],
    ['.kvp_pool_3/other', null],
    ['pool3.bin', null],
  ])('%s → %s', (name, pool) => {
    expect(poolFromName(name)).toBe(pool);
  });

  it.each([
    ['HostName', 3],
    ['HostingSystemOsMajor', 3],
    ['CLOUD_INIT|1764581400|start|init-network|3b3e0c8a-2f5e-4e77-9f1c-9d2b3a7d1e11', 1],
    ['PROVISIONING_REPORT', 1],
    ['Hostname', null],
    ['OSName', null],
  ])('a file with the key %s, and no number in its name, is pool %s', (key, pool) => {
    const f = readPoolFile(poolBytes([[key, 'v']]), 'pool.bin');
    expect(f.pool).toBe(pool);
    expect(f.poolFrom).toBe(pool === null ? 'unknown' : 'content');
  });

  it('the name wins over the keys', () => {
    const f = readPoolFile(poolBytes([['HostName', 'x']]), '.kvp_pool_0');
    expect([f.pool, f.poolFrom]).toEqual([0, 'name']);
  });
});

describe('looksLikePoolFile', () => {
  it.each([
    ['a pool 3', poolBytes(POOL3), true],
    ['one record and a partial one', bytesOf(poolRecord('a', 'b'), new Uint8Array(10)), true],
    ['garbage after the NULs', poolBytes([['k', 'v']], { garbage: [0xff, 0x01] }), true],
    ['empty', new Uint8Array(0), false],
    ['shorter than a record', poolRecord('a', 'b').subarray(0, 2559), false],
    ['a first record of zeros', new Uint8Array(RECORD_BYTES), false],
    ['a key without NUL', poolRecord('K'.repeat(512), 'v'), false],
    ['a key with a control character', poolRecord('a\tb', 'v'), false],
    ['a key that is not UTF-8', poolRecord(new Uint8Array([0xff]), 'v'), false],
    ['text', new TextEncoder().encode('HostName\nHV01\n'.repeat(200)), false],
    ['UTF-16LE text', new Uint8Array(RECORD_BYTES).map((_, i) => (i % 2 ? 0 : 0x41)), false],
    [
      'a registry hive',
      bytesOf(new TextEncoder().encode('regf'), new Uint8Array(RECORD_BYTES * 2 - 4)),
      false,
    ],
    ['a bad second record', bytesOf(poolRecord('a', 'b'), poolRecord('K'.repeat(512), 'v')), false],
  ])('%s → %s', (_, bytes, expected) => {
    expect(looksLikePoolFile(bytes)).toBe(expected);
  });
});

describe('properties (fast-check)', () => {
  const field = (max: number) =>
    fc
      .string({ maxLength: max })
      .filter((s) => !s.includes('\u0000') && new TextEncoder().encode(s).length < max);
  const record = fc.tuple(field(64), field(200));

  it('never throws, and reads floor(size / 2,560) records, on any bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: RECORD_BYTES * 3 + 100 }),
        fc.string(),
        (bytes, name) => {
          const f = readPoolFile(bytes, name);
          expect(f.records).toHaveLength(Math.floor(bytes.length / RECORD_BYTES));
          expect(f.diagnostics.length).toBeLessThanOrEqual(10 * 21 + 1);
          looksLikePoolFile(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back the records it was built from, whatever the garbage after the NULs', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 8 }),
        (rs, garbage) => {
          const f = readPoolFile(poolBytes(rs, { garbage }), '.kvp_pool_1');
          expect(pairs(f)).toEqual(rs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any split of a pool file into records reads the same as the whole file', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: RECORD_BYTES, maxLength: RECORD_BYTES * 4 }),
        (raw) => {
          const bytes = raw.subarray(0, Math.floor(raw.length / RECORD_BYTES) * RECORD_BYTES);
          const whole = readPoolFile(bytes, '.kvp_pool_2').records;
          const parts: [string, string][] = [];
          for (let at = 0; at < bytes.length; at += RECORD_BYTES) {
            for (const r of readPoolFile(bytes.subarray(at, at + RECORD_BYTES), '.kvp_pool_2')
              .records) {
              parts.push([r.key, r.value]);
            }
          }
          expect(whole.map((r) => [r.key, r.value])).toEqual(parts);
          expect(whole.map((r) => r.record)).toEqual(whole.map((_, i) => i + 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the property can fail: a byte changed before the NUL changes the record', () => {
    const bytes = poolBytes([['HostName', 'HV01']]);
    bytes[0] = 0x68;
    expect(readPoolFile(bytes, '.kvp_pool_3').records[0]?.key).toBe('hostName');
  });
});
