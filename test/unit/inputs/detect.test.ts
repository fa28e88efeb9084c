import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUnrecognized } from '../../../src/lib/inputs/unrecognized.ts';
import { inputHead } from '../../../src/lib/inputs/input-reader.ts';
import { READERS } from '../../../src/lib/inputs/readers.ts';
import { utf16leBytes } from '../../support/utf16.ts';
import { PARAMETERS_KEY, crlf, loadError, loadOne, powershellFile } from './helpers.ts';
import { corpusPath } from '../../support/corpus.ts';

/** The real samples (../shared/corpus/kvp, see its SOURCES.md), read at run time. */
const CORPUS = corpusPath('kvp');
const sample = (name: string) => new Uint8Array(readFileSync(resolve(CORPUS, name)));

const ascii = (text: string) => new TextEncoder().encode(text);

function kindOf(bytes: Uint8Array, name = 'input'): string | undefined {
  const head = inputHead(bytes, name, bytes.length);
  return READERS.find((reader) => reader.accepts(head))?.kind;
}

describe('detection from the bytes, never from the name', () => {
  it.each([
    [
      'a regedit export',
      utf16leBytes('Windows Registry Editor Version 5.00\r\n\r\n', true),
      'registry export',
    ],
    ['REGEDIT4', ascii('REGEDIT4\r\n'), 'registry export'],
    [
      'reg query, UTF-16LE',
      powershellFile(['', PARAMETERS_KEY, '    HostName    REG_SZ    a']),
      'reg query output',
    ],
    [
      'reg query of a key without values',
      ascii(crlf(['', PARAMETERS_KEY, ''])),
      'reg query output',
    ],
    [
      'Format-List',
      powershellFile(['', 'HostName : a', 'PSPath   : x']),
      'PowerShell Format-List output',
    ],
    [
      'ConvertTo-Json',
      ascii('{ "HostName": "a", "PSPath": "x" }'),
      'PowerShell ConvertTo-Json output',
    ],
  ])('%s', (_case, bytes, kind) => {
    expect(kindOf(bytes)).toBe(kind);
    // The name changes nothing.
    expect(kindOf(bytes, 'something.reg')).toBe(kind);
    expect(kindOf(bytes, '.kvp_pool_3')).toBe(kind);
  });
});

describe('input that no reader takes: what it looks like, and what to collect', () => {
  it.each([
    [
      'an empty file',
      new Uint8Array(),
      /^The file is empty.*reg export "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" kvp\.reg$/,
    ],
    ['only blank lines', ascii('\r\n\r\n  \r\n'), /^The file is empty/],
    [
      'a registry hive',
      Uint8Array.of(0x72, 0x65, 0x67, 0x66, 1, 0, 0, 0, 0, 0),
      /^This is a registry hive file .*reg export/,
    ],
    [
      'an xz archive',
      Uint8Array.of(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 0, 0),
      /^This is an archive compressed with xz\..*sudo tar -czf hyperv-kvp\.tar\.gz/,
    ],
    [
      'a ZIP archive',
      Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0),
      /^This is an archive compressed with zip\..*\.tar\.gz/,
    ],
    [
      'binary bytes',
      Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 0, 0),
      /^This is a binary file that is none of the inputs/,
    ],
    [
      'a reg add command',
      ascii(
        'REG ADD "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters" /v HostName /d x\r\n',
      ),
      /^These are “reg add” commands/,
    ],
    [
      'CIM-XML of another class',
      ascii('<INSTANCE CLASSNAME="Msvm_ComputerSystem"><PROPERTY NAME="Name"/></INSTANCE>'),
      /^This is CIM-XML of the class "Msvm_ComputerSystem".*GuestIntrinsicExchangeItems > kvp-items\.xml$/s,
    ],
    ['JSON of something else', ascii('{"a": 1}'), /^This is JSON, but neither/],
    [
      "PowerShell's table view",
      ascii(
        crlf([
          '',
          '    Hive: HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest',
          '',
          'Name    Property',
        ]),
      ),
      /^This is PowerShell's table view/,
    ],
    [
      'text without a header',
      ascii('hello world\r\n'),
      /^not a registry export: the first line must be "Windows Registry Editor Version 5\.00" or "REGEDIT4" \(case-sensitive\), but it is "hello world"\. To collect/,
    ],
  ])('%s', (_case, bytes, message) => {
    expect(kindOf(bytes)).toBeUndefined();
    expect(loadError('input', bytes)).toMatch(message);
  });

  it('never echoes control or invisible characters: they are written out', () => {
    const message = loadError('x', ascii('he\u001b[31mllo\u0007 world'));
    expect(message).toContain('"he⟨U+001B⟩[31mllo⟨U+0007⟩ world"');
    expect(loadError('x', ascii('gpj.\u202Eexe'))).toContain('"gpj.⟨U+202E⟩exe"');
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('says the line of a long first line only in part', () => {
    const message = describeUnrecognized(inputHead(ascii('x'.repeat(500)), 'x', 500));
    expect(message).toContain(`"${'x'.repeat(60)}…"`);
  });
});

describe('the real samples of ../shared/corpus/kvp, read at run time', () => {
  it('has the samples SOURCES.md lists', () => {
    expect(readdirSync(CORPUS).length).toBeGreaterThanOrEqual(10);
  });

  it('a tr-flattened pool 3 dump: named as such, with the command that collects the pool files', () => {
    const message = loadError('dump.txt', sample('notes-azure-basics__kvp_pool_3.tr-dump.txt'));
    expect(message).toMatch(/^This looks like a Linux pool file turned into text/);
    expect(message).toContain('sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv');
  });

  it('Kubernetes node labels made from pool 3: named as such', () => {
    expect(loadError('labels.txt', sample('k8s-node-labeler__kubectl-hyperv-labels.txt'))).toMatch(
      /^These look like Kubernetes node labels/,
    );
  });

  it('hyperkv’s JSON of pool 3 (no PSPath): read as Guest\\Parameters by its names, every value text', () => {
    const guest = loadOne('hyperkv.json', sample('phistrom-hyperkv__readme-json-output.json'));
    expect(guest.format).toBe('powershell-json');
    expect(guest.snapshot.parameters.values).toHaveLength(16);
    expect(guest.snapshot.parameters.values[1]).toMatchObject({
      name: 'HostingSystemEditionId',
      data: '8',
      typeName: 'text (REG_SZ or REG_EXPAND_SZ)',
      line: 3,
    });
    expect(guest.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'info' })]);
  });
});
