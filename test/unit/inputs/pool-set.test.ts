// One guest's pool files given together: as separate files, and as a tar / tar.gz of
// /var/lib/hyperv; the corpus's real pool files among them.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { poolSetOf, type PoolSet } from '../../../src/lib/inputs/pool-set';
import { POOL3, poolBytes, poolRecord, tarBytes } from './kvp-bytes';
import { corpusPath } from '../../support/corpus.ts';

function corpus(name: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath('kvp', name)));
}

const T = 1_764_581_400;
const summary = (s: PoolSet) =>
  s.pools.map((p) => ({ pool: p.pool, name: p.name, records: p.records.length }));
const cloudInit: [string, string][] = [
  [
    'CLOUD_INIT|1764581400|start|init-local|6c1b4a90-2f4e-4d8e-9a57-0c3b2d1e0f11',
    '{"name":"init-local","type":"start","ts":1764581400.1,"msg":"searching for local data"}',
  ],
  ['PROVISIONING_REPORT', 'result=success|agent=Cloud-Init/24.4|vm_id=4a3b2c1d'],
];

describe('poolSetOf: files given one by one', () => {
  it('the five pools, by number whatever the order, with their mtimes and modes', () => {
    const set = poolSetOf([
      { name: '.kvp_pool_3', bytes: poolBytes(POOL3), mtime: T * 1000, mode: 0o644 },
      { name: '.kvp_pool_0', bytes: new Uint8Array(0) },
      { name: '.kvp_pool_2', bytes: new Uint8Array(0) },
      { name: '.kvp_pool_1', bytes: poolBytes(cloudInit) },
      { name: '.kvp_pool_4', bytes: new Uint8Array(0) },
    ]);
    expect(summary(set)).toEqual([
      { pool: 0, name: '.kvp_pool_0', records: 0 },
      { pool: 1, name: '.kvp_pool_1', records: 2 },
      { pool: 2, name: '.kvp_pool_2', records: 0 },
      { pool: 3, name: '.kvp_pool_3', records: 16 },
      { pool: 4, name: '.kvp_pool_4', records: 0 },
    ]);
    expect(set.pools[3]).toMatchObject({ mtime: T * 1000, mode: 0o644 });
    expect(set.ignored).toEqual([]);
    expect(set.diagnostics).toEqual([]);
  });

  it('the real libhvee pool 3, with files that are not pools', () => {
    const set = poolSetOf([
      {
        name: 'libhvee__hyperv_test_default.data.kvp_pool_3.bin',
        bytes: corpus('libhvee__hyperv_test_default.data.kvp_pool_3.bin'),
      },
      {
        name: 'notes-azure-basics__kvp_pool_3.tr-dump.txt',
        bytes: corpus('notes-azure-basics__kvp_pool_3.tr-dump.txt'),
      },
      { name: 'README', bytes: new TextEncoder().encode('hello') },
    ]);
    expect(summary(set)).toEqual([
      { pool: 3, name: 'libhvee__hyperv_test_default.data.kvp_pool_3.bin', records: 16 },
    ]);
    expect(set.ignored).toEqual([
      {
        name: 'notes-azure-basics__kvp_pool_3.tr-dump.txt',
        why: 'text, not a pool file (it has no NUL byte): perhaps a cat, tr or strings dump of one',
      },
      {
        name: 'README',
        why: 'not a pool file: its name is not .kvp_pool_0 … .kvp_pool_4 and it does not hold 2,560-byte records',
      },
    ]);
    expect(set.diagnostics).toEqual([
      {
        severity: 'info',
        message:
          'No file for pool 0, 1, 2 and 4 among the files given; hv_kvp_daemon creates all five, .kvp_pool_0 to .kvp_pool_4, in /var/lib/hyperv.',
      },
    ]);
  });

  it('pools told by their keys when their names do not say', () => {
    const set = poolSetOf([
      { name: 'a.bin', bytes: poolBytes(POOL3) },
      { name: 'b.bin', bytes: poolBytes(cloudInit) },
      { name: 'c.bin', bytes: corpus('go-hvkvp__testdata_fedoravm.kvp_pool.bin') },
    ]);
    expect(summary(set)).toEqual([
      { pool: 1, name: 'b.bin', records: 2 },
      { pool: 3, name: 'a.bin', records: 16 },
    ]);
    expect(set.pools.map((p) => p.poolFrom)).toEqual(['content', 'content']);
    expect(set.ignored).toEqual([
      {
        name: 'c.bin',
        why: 'it holds pool records, but neither its name nor its keys tell which pool (name it .kvp_pool_N)',
      },
    ]);
  });

  it('a file named for its pool wins over one guessed from its keys, in either order', () => {
    for (const files of [
      [
        { name: 'guess.bin', bytes: poolBytes(POOL3) },
        { name: '.kvp_pool_3', bytes: poolBytes([['HostName', 'NAMED']]) },
      ],
      [
        { name: '.kvp_pool_3', bytes: poolBytes([['HostName', 'NAMED']]) },
        { name: 'guess.bin', bytes: poolBytes(POOL3) },
      ],
    ]) {
      const set = poolSetOf(files);
      expect(set.pools.map((p) => p.name)).toEqual(['.kvp_pool_3']);
      expect(set.ignored.map((i) => i.name)).toEqual(['guess.bin']);
      expect(set.diagnostics[0]?.message).toMatch(
        /^Two files are pool 3: "\.kvp_pool_3" was read and "guess\.bin" was not\. Files given together are read as one guest's \/var\/lib\/hyperv; give each guest's files on their own\.$/,
      );
    }
  });

  it('nothing that is a pool file: an error that says how to collect them', () => {
    const set = poolSetOf([{ name: 'notes.txt', bytes: new TextEncoder().encode('x') }]);
    expect(set.pools).toEqual([]);
    expect(set.diagnostics).toEqual([
      {
        severity: 'error',
        message:
          'None of the 1 file given is a Hyper-V pool file (.kvp_pool_0 … .kvp_pool_4). On the Linux guest, run: sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv — then open hyperv-kvp.tar.gz.',
      },
    ]);
  });

  it('an empty file without a pool name is left out, an empty .kvp_pool_3 is an empty pool', () => {
    const set = poolSetOf([
      { name: 'empty', bytes: new Uint8Array(0) },
      { name: '.kvp_pool_3', bytes: new Uint8Array(0) },
    ]);
    expect(summary(set)).toEqual([{ pool: 3, name: '.kvp_pool_3', records: 0 }]);
    expect(set.pools[0]?.diagnostics[0]?.message).toBe(
      '.kvp_pool_3 is empty (0 bytes): the pool holds no records.',
    );
    expect(set.ignored).toEqual([
      { name: 'empty', why: 'an empty file whose name is not .kvp_pool_0 … .kvp_pool_4' },
    ]);
  });
});

describe('poolSetOf: a tar or tar.gz of /var/lib/hyperv', () => {
  const archive = tarBytes([
    { name: 'hyperv/', type: '5', mode: 0o755, mtime: T },
    { name: 'hyperv/.kvp_pool_0', mode: 0o644, mtime: T },
    { name: 'hyperv/.kvp_pool_1', mode: 0o644, mtime: T + 5, data: poolBytes(cloudInit) },
    { name: 'hyperv/.kvp_pool_2', mode: 0o644, mtime: T },
    { name: 'hyperv/.kvp_pool_3', mode: 0o600, mtime: T - 86_400, data: poolBytes(POOL3) },
    { name: 'hyperv/.kvp_pool_4', mode: 0o644, mtime: T },
    { name: 'hyperv/notes', data: 'not a pool' },
    { name: 'hyperv/link', type: '2' },
  ]);

  it.each([
    ['tar', archive],
    ['tar.gz', gzipSync(archive)],
  ])('%s: every pool, with the mode and time the archive kept', (_, bytes) => {
    const set = poolSetOf([{ name: 'hyperv-kvp.tar.gz', bytes }]);
    expect(summary(set)).toEqual([
      { pool: 0, name: 'hyperv/.kvp_pool_0', records: 0 },
      { pool: 1, name: 'hyperv/.kvp_pool_1', records: 2 },
      { pool: 2, name: 'hyperv/.kvp_pool_2', records: 0 },
      { pool: 3, name: 'hyperv/.kvp_pool_3', records: 16 },
      { pool: 4, name: 'hyperv/.kvp_pool_4', records: 0 },
    ]);
    expect(set.pools[3]).toMatchObject({ mode: 0o600, mtime: (T - 86_400) * 1000 });
    expect(set.pools[1]).toMatchObject({ mode: 0o644, mtime: (T + 5) * 1000 });
    expect(set.ignored).toEqual([
      {
        name: 'hyperv/notes',
        why: 'not a pool file: its name is not .kvp_pool_0 … .kvp_pool_4 and it does not hold 2,560-byte records',
      },
      { name: 'hyperv/link', why: 'not a regular file (a link or a device), so not read' },
    ]);
    expect(set.diagnostics).toEqual([]);
  });

  it('a damaged archive: the pools read before the damage, and the archive’s note', () => {
    const cut = archive.subarray(0, 512 * 8);
    const set = poolSetOf([{ name: 'guest.tar', bytes: cut }]);
    expect(set.pools.map((p) => p.pool)).toEqual([0, 1]);
    expect(set.diagnostics[0]).toMatchObject({
      severity: 'error',
      at: 'entry "hyperv/.kvp_pool_1" in guest.tar',
    });
  });

  it('a gzip of one pool file', () => {
    const set = poolSetOf([
      { name: '.kvp_pool_3.gz', bytes: gzipSync(poolBytes(POOL3), { mtime: T * 1000 }) },
    ]);
    expect(summary(set)).toEqual([{ pool: 3, name: '.kvp_pool_3', records: 16 }]);
    expect(set.pools[0]?.mtime).toBe(T * 1000);
  });

  it('the pool records of the archive are the same as of the files', () => {
    const fromTar = poolSetOf([{ name: 'a.tar', bytes: archive }]);
    const fromFiles = poolSetOf([
      { name: '.kvp_pool_3', bytes: poolBytes(POOL3) },
      { name: '.kvp_pool_1', bytes: poolBytes(cloudInit) },
    ]);
    expect(fromTar.pools.find((p) => p.pool === 3)?.records).toEqual(
      fromFiles.pools.find((p) => p.pool === 3)?.records,
    );
  });
});

describe('properties (fast-check)', () => {
  it('never throws; each pool at most once, in order; every file read or listed as ignored', () => {
    const file = fc.record({
      name: fc.oneof(
        fc.constantFrom('.kvp_pool_0', '.kvp_pool_3', 'x.kvp_pool_1.bin', 'a.tar', 'README'),
        fc.string({ maxLength: 20 }),
      ),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 6000 }),
        fc.constant(poolRecord('HostName', 'HV01')),
        fc.constant(tarBytes([{ name: 'hyperv/.kvp_pool_3', data: poolRecord('HostName', 'x') }])),
      ),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 6 }), (files) => {
        const set = poolSetOf(files);
        const numbers = set.pools.map((p) => p.pool as number);
        expect(numbers).toEqual([...new Set(numbers)].sort());
        expect(set.pools.every((p) => p.pool !== null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
