// tar and tar.gz: archives built byte by byte from the POSIX ustar / GNU / pax layout, one written
// by this machine's GNU tar at test time, gzip from fflate (streamed, for the bomb).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Gzip, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isTarOrGzip, otherArchiveKind, readTar, type TarEntry } from '../../../src/lib/inputs/tar';
import { blocks, bytesOf, paxRecord, poolRecord, tarBytes, tarHeader } from './kvp-bytes';

const text = (e: TarEntry | undefined) => new TextDecoder().decode(e?.bytes);
const brief = (e: TarEntry) => ({
  name: e.name,
  type: e.type,
  mode: e.mode,
  mtime: e.mtime,
  size: e.bytes.length,
});
const T = 1_764_581_400; // 2025-12-01T09:30:00Z, in seconds

describe('readTar: archives built from the layout', () => {
  it('a ustar archive of /var/lib/hyperv: names, types, modes and times', () => {
    const { entries, diagnostics } = readTar(
      tarBytes([
        { name: 'hyperv/', type: '5', mode: 0o755, mtime: T },
        {
          name: 'hyperv/.kvp_pool_3',
          mode: 0o644,
          mtime: T + 1,
          data: poolRecord('HostName', 'HV01'),
        },
        { name: 'hyperv/.kvp_pool_4', mode: 0o600, mtime: T + 2 },
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(entries.map(brief)).toEqual([
      { name: 'hyperv/', type: 'directory', mode: 0o755, mtime: T * 1000, size: 0 },
      { name: 'hyperv/.kvp_pool_3', type: 'file', mode: 0o644, mtime: (T + 1) * 1000, size: 2560 },
      { name: 'hyperv/.kvp_pool_4', type: 'file', mode: 0o600, mtime: (T + 2) * 1000, size: 0 },
    ]);
  });

  const cases: {
    what: string;
    archive: Uint8Array;
    entries: Partial<ReturnType<typeof brief>>[];
    data?: string[];
    notes?: RegExp[];
  }[] = [
    {
      what: 'the ustar prefix makes long paths',
      archive: tarBytes([
        { name: '.kvp_pool_3', prefix: 'srv/guests/web-01/var/lib/hyperv', data: 'x' },
      ]),
      entries: [{ name: 'srv/guests/web-01/var/lib/hyperv/.kvp_pool_3' }],
      data: ['x'],
    },
    {
      what: 'GNU format: an L header names the next entry, and the bytes at 345 are not a prefix',
      archive: tarBytes([
        { name: 'short', format: 'gnu', gnuLongName: `${'d/'.repeat(60)}.kvp_pool_1`, data: 'y' },
      ]),
      entries: [{ name: `${'d/'.repeat(60)}.kvp_pool_1` }],
      data: ['y'],
    },
    {
      what: 'pax: path, a fractional mtime and a size that overrides the header',
      archive: bytesOf(
        tarHeader({ name: 'PaxHeaders/x', type: 'x', size: 0 }).fill(0, 0, 0),
        ...(() => {
          const pax = new TextEncoder().encode(
            paxRecord('path', 'hyperv/.kvp_pool_2') +
              paxRecord('mtime', `${T}.5`) +
              paxRecord('size', '3'),
          );
          const header = tarHeader({ name: 'PaxHeaders/x', type: 'x', size: pax.length });
          return [header, blocks(pax)];
        })(),
        tarHeader({ name: 'truncated-name', size: 0 }),
        blocks(new TextEncoder().encode('abc')),
        new Uint8Array(1024),
      ).subarray(512),
      entries: [{ name: 'hyperv/.kvp_pool_2', mtime: T * 1000 + 500, size: 3 }],
      data: ['abc'],
    },
    {
      what: 'a UTF-8 name in a pax header',
      archive: tarBytes([{ name: 'x', pax: { path: 'Größe/.kvp_pool_0' }, data: 'z' }]),
      entries: [{ name: 'Größe/.kvp_pool_0' }],
    },
    {
      what: 'a v7 header (no magic)',
      archive: tarBytes([{ name: 'old/.kvp_pool_3', format: 'v7', data: 'v7' }]),
      entries: [{ name: 'old/.kvp_pool_3', type: 'file' }],
      data: ['v7'],
    },
    {
      what: 'GNU base-256 size',
      archive: tarBytes([{ name: 'big', base256Size: true, data: 'twelve bytes' }]),
      entries: [{ name: 'big', size: 12 }],
    },
    {
      what: 'a symbolic link is "other", with no bytes',
      archive: tarBytes([{ name: 'link', type: '2' }]),
      entries: [{ name: 'link', type: 'other', size: 0 }],
    },
    {
      what: 'a file cut short',
      archive: tarBytes([{ name: 'a', data: 'x'.repeat(1000) }], { end: false }).subarray(
        0,
        512 + 600,
      ),
      entries: [{ name: 'a', size: 600 }],
      notes: [
        /^error: The archive is cut short: "a" should have 1,000 bytes but only 600 are there\.$/,
      ],
    },
    {
      what: 'a damaged header in the middle',
      archive: (() => {
        const a = tarBytes([
          { name: 'a', data: 'x' },
          { name: 'b', data: 'y' },
        ]);
        a[1024 + 5] = (a[1024 + 5] ?? 0) ^ 0xff;
        return a;
      })(),
      entries: [{ name: 'a' }],
      notes: [
        /^error: The archive is damaged at byte 1,024: what should be the header of the next entry is not one \(its checksum does not match\)\. Read 1 entry before it; the rest is lost\.$/,
      ],
    },
    {
      what: 'no end marker',
      archive: tarBytes([{ name: 'a', data: 'x' }], { end: false }),
      entries: [{ name: 'a' }],
      notes: [/^warning: The archive ends without its end marker/],
    },
    {
      what: 'half a header at the end',
      archive: bytesOf(
        tarBytes([{ name: 'a', data: 'x' }], { end: false }),
        tarHeader({ name: 'b' }).subarray(0, 100),
      ),
      entries: [{ name: 'a' }],
      notes: [
        /^warning: The archive ends in the middle of a header \(its last 100 bytes were not read\)/,
      ],
    },
    {
      what: 'a header with an unreadable size',
      archive: (() => {
        const h = tarHeader({ name: 'a', size: 1 });
        h[124] = 0x39; // '9' is not octal; fix the checksum so only the size is wrong
        h.fill(0x20, 148, 156);
        const sum = h.reduce((s, b) => s + b, 0);
        h.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0')), 148);
        h[154] = 0;
        return bytesOf(h, new Uint8Array(1536));
      })(),
      entries: [],
      notes: [/^error: The entry at byte 0 has an unreadable size/],
    },
  ];

  it.each(cases)('$what', ({ archive, entries, data, notes = [] }) => {
    const got = readTar(archive);
    expect(got.entries).toHaveLength(entries.length);
    entries.forEach((want, i) => expect(brief(got.entries[i] as TarEntry)).toMatchObject(want));
    if (data) expect(got.entries.map(text)).toEqual(data);
    const messages = got.diagnostics.map((d) => `${d.severity}: ${d.message}`);
    expect(messages).toHaveLength(notes.length);
    notes.forEach((re, i) => expect(messages[i]).toMatch(re));
  });

  it('stops after maxEntries entries, and says so', () => {
    const archive = tarBytes(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}` })));
    const { entries, diagnostics } = readTar(archive, { maxEntries: 3 });
    expect(entries.map((e) => e.name)).toEqual(['f0', 'f1', 'f2']);
    expect(diagnostics[0]?.message).toMatch(
      /^The archive has more than 3 entries, far more than \/var\/lib\/hyperv holds; reading stopped there\./,
    );
    expect(readTar(archive, { maxEntries: 5 }).diagnostics).toEqual([]);
  });

  it.each([
    ['empty', new Uint8Array(0), /^The archive is empty\.$/],
    [
      'text',
      new TextEncoder().encode('HostName\nHV01\n'.repeat(100)),
      /^This is not a tar archive: its first 512 bytes are not a tar header\. On the Linux guest, run: sudo tar -czf hyperv-kvp\.tar\.gz -C \/var\/lib hyperv/,
    ],
    [
      'xz',
      new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0]),
      /^This file is compressed with xz; only \.tar and \.tar\.gz archives are read\./,
    ],
    ['bzip2', new TextEncoder().encode('BZh91AY&SY'), /compressed with bzip2/],
    ['zstd', new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0]), /compressed with zstd/],
    ['zip', new Uint8Array([0x50, 0x4b, 3, 4, 0]), /compressed with zip/],
  ])('%s: an error that says what it is', (_, bytes, message) => {
    const { entries, diagnostics } = readTar(bytes);
    expect(entries).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.severity).toBe('error');
    expect(diagnostics[0]?.message).toMatch(message);
  });
});

describe('readTar: gzip', () => {
  const archive = tarBytes([
    { name: 'hyperv/.kvp_pool_3', mtime: T, data: poolRecord('HostName', 'HV01') },
  ]);

  it('reads a .tar.gz as the tar inside it', () => {
    const plain = readTar(archive);
    const gz = readTar(gzipSync(archive));
    expect(gz.diagnostics).toEqual([]);
    expect(gz.entries.map(brief)).toEqual(plain.entries.map(brief));
  });

  it('a gzip of one file is that file, named and dated by the gzip header', () => {
    const one = gzipSync(poolRecord('HostName', 'HV01'), {
      filename: '.kvp_pool_3',
      mtime: T * 1000,
    });
    const { entries, diagnostics } = readTar(one);
    expect(entries.map(brief)).toEqual([
      { name: '.kvp_pool_3', type: 'file', mode: 0, mtime: T * 1000, size: 2560 },
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'info',
        message: 'The gzip file holds one file, ".kvp_pool_3", rather than a tar archive.',
      },
    ]);
  });

  it('a gzip file cut short: what was there, and an error', () => {
    const big = tarBytes([
      { name: 'a', data: new Uint8Array(200_000).map((_, i) => (i * 7919) % 251) },
    ]);
    const gz = gzipSync(big);
    const { entries, diagnostics } = readTar(gz.subarray(0, Math.floor(gz.length / 2)));
    expect(diagnostics[0]?.message).toMatch(
      /^The gzip file is cut short: it ends before its compressed data does\. Read the [\d,]+ bytes it held/,
    );
    expect(entries[0]?.name).toBe('a');
    expect(entries[0]?.bytes.length).toBeLessThan(200_000);
  });

  it('damaged gzip data: an error, not a crash', () => {
    const gz = gzipSync(archive);
    const bad = gz.slice();
    bad.fill(0xff, 10, 30);
    const { diagnostics } = readTar(bad);
    expect(diagnostics[0]?.severity).toBe('error');
    expect(diagnostics[0]?.message).toMatch(/^The gzip (data is damaged|file is cut short)/);
  });

  /** A gzip stream of a tar header for a file of `size` zero bytes, compressed as it is made. */
  function bomb(size: number): Uint8Array {
    const parts: Uint8Array[] = [];
    const gz = new Gzip({ level: 9 }, (chunk) => parts.push(chunk));
    gz.push(tarHeader({ name: 'zeros', size }));
    const mib = new Uint8Array(1 << 20);
    for (let i = 0; i < size >> 20; i++) gz.push(mib);
    gz.push(new Uint8Array(0), true);
    return bytesOf(...parts);
  }
  const bomb64 = bomb(64 << 20);

  it('a gzip bomb stops at maxBytes with an error, keeping at most maxBytes', () => {
    expect(bomb64.length).toBeLessThan(100_000); // 64 MiB of zeros
    const { entries, diagnostics } = readTar(bomb64, { maxBytes: 1 << 20 });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^The gzip file unpacks to more than 1,048,576 bytes, far more than the pool files of one guest; reading stopped there\./,
      ),
      expect.stringMatching(
        /^The archive is cut short: "zeros" should have 67,108,864 bytes but only 1,048,064 are there\.$/,
      ),
    ]);
    expect(entries.reduce((n, e) => n + e.bytes.length, 0)).toBe((1 << 20) - 512);
  });

  it('without limits the cap is 32 MiB', () => {
    const { entries, diagnostics } = readTar(bomb64);
    expect(diagnostics[0]?.message).toMatch(/^The gzip file unpacks to more than 33,554,432 bytes/);
    expect(entries[0]?.bytes.length).toBe((32 << 20) - 512);
  });
});

describe('isTarOrGzip and otherArchiveKind', () => {
  it.each([
    ['a ustar archive', tarBytes([{ name: 'a' }]), true, null],
    ['a GNU archive', tarBytes([{ name: 'a', format: 'gnu' }]), true, null],
    ['gzip', gzipSync(new Uint8Array(3)), true, null],
    ['a pool file', poolRecord('HostName', 'HV01'), false, null],
    ['zeros', new Uint8Array(1024), false, null],
    [
      'a header with a wrong checksum',
      tarHeader({ name: 'a' }).map((b, i) => (i === 0 ? 0x62 : b)),
      false,
      null,
    ],
    ['xz', new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]), false, 'xz'],
    ['7-Zip', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), false, '7-Zip'],
  ])('%s', (_, bytes, tar, other) => {
    expect(isTarOrGzip(bytes)).toBe(tar);
    expect(otherArchiveKind(bytes)).toBe(other);
  });
});

describe('an archive written by this machine’s tar', () => {
  function tarOf(args: string[], files: [string, Uint8Array, number, number][]): Uint8Array {
    const dir = mkdtempSync(join(tmpdir(), 'kvp-tar-'));
    try {
      mkdirSync(join(dir, 'hyperv'), { mode: 0o755 });
      for (const [name, bytes, mode, mtime] of files) {
        const path = join(dir, 'hyperv', name);
        writeFileSync(path, bytes);
        chmodSync(path, mode);
        utimesSync(path, mtime, mtime);
      }
      const run = spawnSync('tar', [...args, '-C', dir, 'hyperv'], { maxBuffer: 1 << 24 });
      expect(run.status, String(run.stderr)).toBe(0);
      return new Uint8Array(run.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pool3 = poolRecord('HostName', 'HV01');

  it('GNU tar -czf: modes 0644 and the files’ times', () => {
    const { entries, diagnostics } = readTar(
      tarOf(
        ['--sort=name', '-czf', '-'],
        [
          ['.kvp_pool_3', pool3, 0o644, T],
          ['.kvp_pool_4', new Uint8Array(0), 0o600, T + 60],
        ],
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(entries.filter((e) => e.type === 'file').map(brief)).toEqual([
      { name: 'hyperv/.kvp_pool_3', type: 'file', mode: 0o644, mtime: T * 1000, size: 2560 },
      { name: 'hyperv/.kvp_pool_4', type: 'file', mode: 0o600, mtime: (T + 60) * 1000, size: 0 },
    ]);
    expect(entries[0]).toMatchObject({ name: 'hyperv/', type: 'directory' });
  });

  it('tar --format=posix with a name longer than 100 bytes', () => {
    const long = `${'n'.repeat(120)}.kvp_pool_1`;
    const { entries, diagnostics } = readTar(
      tarOf(['--format=posix', '-cf', '-'], [[long, pool3, 0o644, T]]),
    );
    expect(diagnostics).toEqual([]);
    expect(entries.find((e) => e.type === 'file')).toMatchObject({
      name: `hyperv/${long}`,
      mode: 0o644,
      mtime: T * 1000,
    });
  });

  it('tar --format=gnu with a name longer than 100 bytes', () => {
    const long = `${'g'.repeat(120)}.kvp_pool_0`;
    const { entries } = readTar(tarOf(['--format=gnu', '-cf', '-'], [[long, pool3, 0o644, T]]));
    expect(entries.find((e) => e.type === 'file')?.name).toBe(`hyperv/${long}`);
  });
});

describe('properties (fast-check)', () => {
  const valid = tarBytes([
    { name: 'hyperv/', type: '5' },
    { name: 'hyperv/.kvp_pool_3', data: poolRecord('HostName', 'HV01'), pax: { mtime: `${T}.25` } },
    { name: 'x', gnuLongName: 'y'.repeat(150), data: 'zz' },
  ]);

  it('never throws on any bytes; entries are views within the input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const { entries } = readTar(bytes, { maxEntries: 50 });
        expect(entries.length).toBeLessThanOrEqual(50);
        expect(entries.reduce((n, e) => n + e.bytes.length, 0)).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a valid archive with bytes changed, cut or gzipped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
          maxLength: 6,
        }),
        fc.nat(valid.length),
        fc.boolean(),
        (changes, cut, gzip) => {
          const bytes = valid.slice(0, Math.max(cut, 1));
          for (const [at, b] of changes) if (at < bytes.length) bytes[at] = b;
          const { entries, diagnostics } = readTar(gzip ? gzipSync(bytes) : bytes);
          expect(entries.reduce((n, e) => n + e.bytes.length, 0)).toBeLessThanOrEqual(bytes.length);
          for (const d of diagnostics) expect(d.message.length).toBeLessThan(400);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the property can fail: an intact archive reads all its entries, a changed one does not', () => {
    expect(readTar(valid).entries).toHaveLength(3);
    const changed = valid.slice();
    changed[0] = (changed[0] ?? 0) ^ 1;
    expect(readTar(changed).entries).toHaveLength(0);
  });
});
