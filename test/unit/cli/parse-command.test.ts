import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/cli/parse-command';
import { V5, utf16 } from '../reg/helpers';
import { fakeIo } from './fake-io.ts';

const FILE = utf16(
  [
    V5,
    '',
    '[HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
    '@="host"',
    '"a"=dword:0000002a',
    '"q"=hex(b):02,00,00,00,01,00,00,00',
    '"m"=hex(7):61,00,00,00,00,00',
    '"b"=hex:01,ff',
    '"x"=-',
    '"bad"=dword:123456789',
    '[-HKEY_CURRENT_USER\\Gone]',
    '',
  ].join('\r\n'),
);

describe('kvp-analyzer parse', () => {
  it('prints the JSON shape exactly', async () => {
    const io = fakeIo({ 'a.reg': FILE });
    expect(await parseCommand(['a.reg', '--json'], io)).toBe(0);
    expect(io.out.endsWith('}\n')).toBe(true);
    const path = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters';
    expect(JSON.parse(io.out)).toEqual({
      format: 'regedit5',
      encoding: 'utf-16le',
      keys: [
        {
          path,
          values: [
            { name: '', type: 'REG_SZ', data: 'host', bytes: '68006f0073007400' + '0000', line: 4 },
            { name: 'a', type: 'REG_DWORD', data: 42, bytes: '2a000000', line: 5 },
            {
              name: 'q',
              type: 'REG_QWORD',
              data: '4294967298',
              bytes: '0200000001000000',
              line: 6,
            },
            { name: 'm', type: 'REG_MULTI_SZ', data: ['a'], bytes: '610000000000', line: 7 },
            { name: 'b', type: 'REG_BINARY', data: '01ff', bytes: '01ff', line: 8 },
            { name: 'x', type: 'REG_NONE', bytes: '', line: 9, deleted: true },
          ],
        },
        { path: 'HKEY_CURRENT_USER\\Gone', deleted: true, values: [] },
      ],
      diagnostics: [
        { line: 3, severity: 'warning', message: expect.stringContaining('abbreviation') },
        {
          line: 10,
          severity: 'error',
          message: 'value "bad" ignored — dword takes 1 to 8 hex digits, found 9',
        },
      ],
    });
    // Compact; with --pretty, indented as JSON.stringify(…, null, 2).
    expect(io.out).toBe(`${JSON.stringify(JSON.parse(io.out))}\n`);
    const pretty = fakeIo({ 'a.reg': FILE });
    expect(await parseCommand(['a.reg', '--json', '--pretty'], pretty)).toBe(0);
    expect(pretty.out).toBe(`${JSON.stringify(JSON.parse(io.out), null, 2)}\n`);
  });
  it('writes its output in chunks of at most 64 KB plus one write', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `[HKEY_CURRENT_USER\\K${i}]\r\n@="${i}"`);
    const big = utf16([V5, '', ...lines, ''].join('\r\n'));
    for (const argv of [['big.reg', '--json'], ['big.reg']]) {
      const io = fakeIo({ 'big.reg': big });
      expect(await parseCommand(argv, io)).toBe(0);
      expect(io.out.length).toBeGreaterThan(150_000);
      expect(io.written.length).toBeGreaterThan(1);
      if (argv.includes('--json')) {
        expect(io.written.every((c) => c.length <= 64 * 1024 + 50_176)).toBe(true);
      }
    }
  });
  it('prints the readable tree exactly, replaced and deleted keys marked', async () => {
    const file = utf16(
      [
        V5,
        '[HKEY_CURRENT_USER\\A]',
        '"old"=dword:1',
        '[-HKEY_CURRENT_USER\\A]',
        '[HKEY_CURRENT_USER\\A]',
        '@="new"',
        '"q"=hex(b):02,00,00,00,01,00,00,00',
        `"big"=hex:${'ab,'.repeat(70)}cd`,
        '"e"=hex(2):25,00,41,00,25,00,00,00',
        '"m"=hex(7):61,00,00,00,62,00,00,00,00,00',
        '"gone"=-',
        '[-HKEY_CURRENT_USER\\B]',
        '',
      ].join('\r\n'),
    );
    const io = fakeIo({ 'a.reg': file });
    expect(await parseCommand(['a.reg'], io)).toBe(0);
    expect(io.out).toBe(
      [
        'format: regedit5, encoding: utf-16le',
        '',
        'HKEY_CURRENT_USER\\A  (replaced: deleted on line 4, then written again)',
        '  (Default) (REG_SZ) = "new"',
        '  q (REG_QWORD) = 0x100000002 (4294967298)',
        `  big (REG_BINARY) = hex:${'ab'.repeat(64)}… (71 bytes)`,
        '  e (REG_EXPAND_SZ) = "%A%"',
        '  m (REG_MULTI_SZ) = ["a","b"]',
        '  gone (deleted)',
        '',
        'HKEY_CURRENT_USER\\B  (deleted)',
        '',
        '',
      ].join('\n'),
    );
    const empty = fakeIo({ 'e.reg': utf16(`${V5}\r\n`) });
    expect(await parseCommand(['e.reg'], empty)).toBe(0);
    expect(empty.out).toBe('format: regedit5, encoding: utf-16le\n\n(no keys)\n\n');
  });
  it.each([[['big.reg', '--json']], [['big.reg']]])(
    'stops writing once standard output closes, and exits 0: %j',
    async (argv) => {
      const lines = Array.from(
        { length: 5000 },
        (_, i) => `[HKEY_CURRENT_USER\\K${i}]\r\n@="${i}"`,
      );
      const io = fakeIo(
        { 'big.reg': utf16([V5, '', ...lines, ''].join('\r\n')) },
        { closesAfter: 10 },
      );
      expect(await parseCommand(argv, io)).toBe(0);
      expect(io.out.length).toBe(10);
      // The writer stopped at the first chunk standard output did not take.
      expect(io.written.length).toBeLessThanOrEqual(2);
      expect(io.err).toBe('');
    },
  );
  it('reads an input of unknown size (a pipe) as the same file', async () => {
    const piped = fakeIo({ '-': FILE }, { size: null });
    expect(await parseCommand(['-', '--json'], piped)).toBe(0);
    const file = fakeIo({ 'a.reg': FILE });
    await parseCommand(['a.reg', '--json'], file);
    expect(piped.out).toBe(file.out);
    expect(piped.chunked).toBe(true);
  });
  it('prints a readable tree without --json', async () => {
    const io = fakeIo({ 'a.reg': FILE });
    expect(await parseCommand(['a.reg'], io)).toBe(0);
    expect(io.out).toContain('  (Default) (REG_SZ) = "host"');
    expect(io.out).toContain('  a (REG_DWORD) = 0x0000002a (42)');
    expect(io.out).toContain('line 10: error: value "bad" ignored');
  });
  it('exits 2 with {error} when the input is not a registry export', async () => {
    const io = fakeIo({ 'x.txt': new TextEncoder().encode('hello\n') });
    expect(await parseCommand(['--json', 'x.txt'], io)).toBe(2);
    expect(Object.keys(JSON.parse(io.out))).toEqual(['error']);
    expect(JSON.parse(io.out).error).toMatch(/^not a registry export/);
  });
  it('exits 2 with the reason on stderr when the file cannot be read', async () => {
    const io = fakeIo({});
    expect(await parseCommand(['missing.reg'], io)).toBe(2);
    expect(io.err).toBe('kvp-analyzer parse: cannot read missing.reg: no such file\n');
    expect(io.out).toBe('');
  });
  it.each([
    [[], 'give a .reg file (or - for standard input)'],
    [['--nope', 'a.reg'], 'unknown option --nope'],
    [['a.reg', 'b.reg'], 'give one file (or - for standard input)'],
    [['a.reg', '--json=yes'], '--json takes no value'],
    [['a.reg', '--pretty'], '--pretty indents the JSON: give --json too'],
    [['a.reg', '--jsno'], 'unknown option --jsno — did you mean --json?'],
    [['a.reg', '--pre'], 'unknown option --pre — did you mean --pretty?'],
    [['a.reg', '--toString'], 'unknown option --toString'],
  ])('exits 2 with one line for the usage %j', async (argv, message) => {
    const io = fakeIo({ 'a.reg': FILE });
    expect(await parseCommand(argv, io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toBe(`kvp-analyzer parse: ${message} (see 'kvp-analyzer parse --help')\n`);
  });
  it('gives a usage error as {error} with --json', async () => {
    const io = fakeIo({ 'a.reg': FILE });
    expect(await parseCommand(['--json', 'a.reg', 'b.reg'], io)).toBe(2);
    expect(JSON.parse(io.out)).toEqual({ error: 'give one file (or - for standard input)' });
    expect(io.err).toBe('');
  });
  it.each([['--help'], ['-h']])('prints its usage for %s and exits 0', async (flag) => {
    const io = fakeIo({});
    expect(await parseCommand([flag], io)).toBe(0);
    expect(io.out).toContain('Usage: kvp-analyzer parse <file|-> [--json [--pretty]]');
    expect(io.out).toContain('Exit status:');
  });
});
