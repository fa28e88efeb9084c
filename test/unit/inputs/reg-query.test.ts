import { describe, expect, it } from 'vitest';
import { readRegQuery } from '../../../src/lib/inputs/reg-query.ts';
import { documentOf } from '../../../src/lib/inputs/document-read.ts';
import type { RegValue } from '../../../src/lib/reg/types.ts';
import {
  AUTO_KEY,
  PARAMETERS_KEY,
  VM_KEY,
  cp437,
  crlf,
  loadOne,
  powershellFile,
} from './helpers.ts';

/** The values reg query text leaves in a key, as name, type and data (hex for raw bytes). */
function valuesOf(lines: string[], key = 'HKEY_CURRENT_USER\\Software\\Wine\\reg_test') {
  const doc = documentOf(readRegQuery(lines, false));
  const found = doc.keys.find((k) => k.path.toLowerCase() === key.toLowerCase());
  return found?.values.map((v: RegValue) => ({
    name: v.name,
    type: v.type,
    data:
      v.data === null
        ? Array.from(v.bytes, (b) => b.toString(16).padStart(2, '0')).join('')
        : v.data,
  }));
}

const KEY = 'HKEY_CURRENT_USER\\Software\\Wine\\reg_test';

// reg-format.md §7.8, Q1–Q7, and the shapes of §4; each: the exact lines, the values they give.
describe('reg query output: one value line → one value (reg-format.md §7.8)', () => {
  it.each([
    [
      'Q1 REG_SZ',
      '    Test1    REG_SZ    Hello, World',
      { name: 'Test1', type: 1, data: 'Hello, World' },
    ],
    [
      'Q1 REG_DWORD 0x123',
      '    Test2    REG_DWORD    0x123',
      { name: 'Test2', type: 4, data: 0x123 },
    ],
    [
      'REG_DWORD 0xa',
      '    HostingSystemOsMajor    REG_DWORD    0xa',
      { name: 'HostingSystemOsMajor', type: 4, data: 10 },
    ],
    [
      'REG_DWORD 0xffffffff',
      '    x    REG_DWORD    0xffffffff',
      { name: 'x', type: 4, data: 0xffffffff },
    ],
    [
      'Q2 empty REG_SZ, trailing 4 spaces',
      '    string_val_empty    REG_SZ    ',
      { name: 'string_val_empty', type: 1, data: '' },
    ],
    [
      'Q2 empty REG_SZ, no trailing spaces',
      '    string_val_empty    REG_SZ',
      { name: 'string_val_empty', type: 1, data: '' },
    ],
    [
      'Q3 REG_MULTI_SZ with \\0',
      '    Security Packages    REG_MULTI_SZ    kerberos\\0msv1_0\\0schannel',
      { name: 'Security Packages', type: 7, data: ['kerberos', 'msv1_0', 'schannel'] },
    ],
    [
      'Q4 REG_BINARY',
      '    Bounds    REG_BINARY    0030000000200000',
      { name: 'Bounds', type: 3, data: '0030000000200000' },
    ],
    [
      'Q5 REG_QWORD',
      '    LastUsedTimeStart    REG_QWORD    0x1dc4f2a8e33f2a0',
      { name: 'LastUsedTimeStart', type: 11, data: 0x1dc4f2a8e33f2a0n },
    ],
    [
      'REG_EXPAND_SZ, not expanded',
      '    DevicePath    REG_EXPAND_SZ    %SystemRoot%\\inf',
      { name: 'DevicePath', type: 2, data: '%SystemRoot%\\inf' },
    ],
    ['REG_NONE, empty', '    Nothing    REG_NONE    ', { name: 'Nothing', type: 0, data: '' }],
    [
      'the default value, localized label',
      '    (Predefinito)    REG_SZ    Microsoft Excel Application',
      { name: '', type: 1, data: 'Microsoft Excel Application' },
    ],
    [
      'a name with spaces and 4 spaces in the data',
      '    Display Name    REG_SZ    a    REG_SZ    b',
      { name: 'Display Name', type: 1, data: 'a    REG_SZ    b' },
    ],
    [
      'console padding after the data',
      `    HostName    REG_SZ    HV01${' '.repeat(40)}`,
      { name: 'HostName', type: 1, data: 'HV01' },
    ],
    [
      'Windows XP reg.exe 3.0, tabs',
      '\tHostName\tREG_SZ\tHV01',
      { name: 'HostName', type: 1, data: 'HV01' },
    ],
  ])('%s', (_case, line, expected) => {
    expect(valuesOf(['', KEY, line, ''])).toEqual([expected]);
  });

  it('Q6: "(Default)    REG_SZ    (value not set)" leaves no default value', () => {
    expect(
      valuesOf(['', KEY, '    (Default)    REG_SZ    (value not set)', '    a    REG_SZ    b']),
    ).toEqual([{ name: 'a', type: 1, data: 'b' }]);
  });

  it('Q7: the "End of search" trailer is no line to report; a number line followed by keys is', () => {
    const trailer = readRegQuery(
      ['', KEY, '    a    REG_SZ    b', '', 'End of search: 1 match(es) found.'],
      false,
    );
    expect(trailer.diagnostics).toEqual([]);
    const inside = readRegQuery(['', 'Line 2 of 3', KEY, '    a    REG_SZ    b'], false);
    expect(inside.diagnostics).toEqual([
      { line: 2, severity: 'warning', message: 'not a line reg query writes: skipped' },
    ]);
  });

  it.each([
    [
      'a DWORD that is not 0x…',
      '    x    REG_DWORD    10',
      'REG_DWORD data "10" is not the 0x… number reg query prints: skipped',
    ],
    [
      'a DWORD of 9 digits',
      '    x    REG_DWORD    0x123456789',
      'REG_DWORD data "0x123456789" is not the 0x… number reg query prints: skipped',
    ],
    [
      'odd hex',
      '    x    REG_BINARY    123',
      'REG_BINARY data is not the hex pairs reg query prints: skipped',
    ],
    [
      'an unknown type',
      '    x    REG_FOO    1',
      'the type REG_FOO is not a registry type reg query names: skipped',
    ],
    [
      'an indented line that is no value',
      '    just some words',
      'not a line reg query writes: skipped',
    ],
  ])('%s: a warning on its line, the rest still read', (_case, line, message) => {
    const read = readRegQuery(['', KEY, '    a    REG_SZ    b', line], false);
    expect(read.diagnostics).toEqual([{ line: 4, severity: 'warning', message }]);
    expect(valuesOf(['', KEY, '    a    REG_SZ    b', line])).toEqual([
      { name: 'a', type: 1, data: 'b' },
    ]);
  });

  it('keeps the key paths with their line numbers, /s subkeys without values included', () => {
    const read = readRegQuery(
      ['', VM_KEY, '', `${VM_KEY}\\Guest`, '', PARAMETERS_KEY, '    HostName    REG_SZ    HV01'],
      false,
    );
    expect(read.ops.map((op) => [op.op, op.line, op.path])).toEqual([
      ['key', 2, VM_KEY],
      ['key', 4, `${VM_KEY}\\Guest`],
      ['key', 6, PARAMETERS_KEY],
      ['value', 7, PARAMETERS_KEY],
    ]);
  });

  it('reads a remote query (\\\\COMPUTER\\HKEY_…) as the key itself', () => {
    expect(
      valuesOf(
        ['', `\\\\GUEST01\\${PARAMETERS_KEY}`, '    HostName    REG_SZ    HV01'],
        PARAMETERS_KEY,
      ),
    ).toEqual([{ name: 'HostName', type: 1, data: 'HV01' }]);
  });
});

/** The output of `reg query "HKLM\SOFTWARE\Microsoft\Virtual Machine" /s` on a 10.0 host's guest. */
const QUERY = [
  '',
  AUTO_KEY,
  '    OSMajorVersion    REG_SZ    10',
  '    OSMinorVersion    REG_SZ    0',
  '    OSName    REG_SZ    Windows Server 2022 Datacenter',
  '',
  `${VM_KEY}\\Guest`,
  '',
  PARAMETERS_KEY,
  '    HostName    REG_SZ    hv01.example.com',
  '    HostingSystemEditionId    REG_DWORD    0x8',
  '    HostingSystemOsMajor    REG_DWORD    0xa',
  '    HostingSystemOsMinor    REG_DWORD    0x0',
  '    VirtualMachineName    REG_SZ    web-01',
  '',
];

describe('reg query output through the loader', () => {
  it('as PowerShell 5.1 redirects it (UTF-16LE with BOM, CRLF): a reg-query snapshot with lines', () => {
    const guest = loadOne('kvp.txt', powershellFile(QUERY));
    expect([guest.format, guest.encoding, guest.partial]).toEqual(['reg-query', 'utf-16le', false]);
    expect(guest.snapshot.input).toEqual({ format: 'reg-query', encoding: 'utf-16le' });
    expect(guest.snapshot.parameters.state).toBe('present');
    expect(guest.snapshot.parameters.line).toBe(9);
    expect(
      guest.snapshot.parameters.values.map((v) => [v.name, v.typeName, v.data, v.line]),
    ).toEqual([
      ['HostName', 'REG_SZ', 'hv01.example.com', 10],
      ['HostingSystemEditionId', 'REG_DWORD', 8, 11],
      ['HostingSystemOsMajor', 'REG_DWORD', 10, 12],
      ['HostingSystemOsMinor', 'REG_DWORD', 0, 13],
      ['VirtualMachineName', 'REG_SZ', 'web-01', 14],
    ]);
    expect(guest.snapshot.hostVersion).toMatchObject({ major: 10, minor: 0, from: 'Parameters' });
    expect(guest.snapshot.guestOs).toMatchObject({ major: 10, minor: 0, from: 'Auto' });
    expect(guest.source.map((l) => l.text)).toEqual([...QUERY, '']);
    expect(guest.diagnostics).toEqual([]);
  });

  it('as cmd.exe redirects it (OEM code page, CRLF), saying where non-ASCII makes names uncertain', () => {
    const lines = [
      '',
      PARAMETERS_KEY,
      '    HostName    REG_SZ    hv01',
      '    VirtualMachineName    REG_SZ    Café-01',
    ];
    const guest = loadOne('kvp.txt', cp437(crlf(lines)));
    expect(guest.encoding).toBe('oem');
    expect(
      guest.snapshot.parameters.values.find((v) => v.name === 'VirtualMachineName')?.data,
    ).toBe('Café-01');
    expect(guest.diagnostics).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'warning',
        message: expect.stringMatching(/console’s code page/),
      }),
    ]);
  });

  it('reads pure ASCII from cmd.exe as UTF-8-compatible text, with no note', () => {
    const guest = loadOne('kvp.txt', new TextEncoder().encode(crlf(QUERY)));
    expect([guest.format, guest.encoding]).toEqual(['reg-query', 'utf-8']);
    expect(guest.diagnostics).toEqual([]);
  });

  it('flags a look-alike key of a 32-bit query as the .reg reader does', () => {
    const wow =
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters';
    const guest = loadOne('kvp.txt', powershellFile(['', wow, '    HostName    REG_SZ    HV01']));
    expect(guest.snapshot.parameters.state).toBe('absent');
    expect(guest.snapshot.lookAlikes).toEqual([
      expect.objectContaining({ path: wow, line: 2, why: expect.stringMatching(/Wow6432Node/) }),
    ]);
  });
});
