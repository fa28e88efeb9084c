import { describe, expect, it } from 'vitest';
import { readPowerShellJson } from '../../../src/lib/inputs/powershell-json.ts';
import { readPowerShellList } from '../../../src/lib/inputs/powershell-list.ts';
import { AUTO_KEY, PARAMETERS_KEY, loadOne, powershellFile } from './helpers.ts';

const PS_PATH = `Microsoft.PowerShell.Core\\Registry::${PARAMETERS_KEY}`;
const PS_PARENT =
  'Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest';

/**
 * Get-ItemProperty of Guest\Parameters as Format-List writes it to a file at 80 columns: names
 * padded to the longest (PhysicalHostNameFullyQualified, 30), values wrapped at the console width
 * onto lines indented to the value column (33), the PS* properties after the values.
 */
const LIST = [
  '',
  '',
  'HostName                       : hv01.example.com',
  'HostingSystemEditionId         : 8',
  'HostingSystemOsMajor           : 10',
  'HostingSystemOsMinor           : 0',
  'PhysicalHostNameFullyQualified : hv01.example.com',
  'VirtualMachineId               : 461B2364-3901-4349-B3C2-FA4821CBEEFE',
  'VirtualMachineName             : web-01',
  'PSPath                         : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWA',
  '                                 RE\\Microsoft\\Virtual Machine\\Guest\\Parameters',
  'PSParentPath                   : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWA',
  '                                 RE\\Microsoft\\Virtual Machine\\Guest',
  'PSChildName                    : Parameters',
  'PSDrive                        : HKLM',
  'PSProvider                     : Microsoft.PowerShell.Core\\Registry',
  '',
  '',
  '',
];

describe('PowerShell Format-List (reg-format.md §5, §7.8 P1–P3)', () => {
  it('P1/P2: the key from PSPath (wrapped lines joined without a separator), each value with its line', () => {
    const guest = loadOne('kvp.txt', powershellFile(LIST));
    expect([guest.format, guest.encoding]).toEqual(['powershell-list', 'utf-16le']);
    const { parameters } = guest.snapshot;
    expect(parameters.state).toBe('present');
    expect(parameters.path).toBe(PARAMETERS_KEY);
    expect(parameters.line).toBe(10);
    expect(parameters.values.map((v) => [v.name, v.data, v.line])).toEqual([
      ['HostName', 'hv01.example.com', 3],
      ['HostingSystemEditionId', '8', 4],
      ['HostingSystemOsMajor', '10', 5],
      ['HostingSystemOsMinor', '0', 6],
      ['PhysicalHostNameFullyQualified', 'hv01.example.com', 7],
      ['VirtualMachineId', '461B2364-3901-4349-B3C2-FA4821CBEEFE', 8],
      ['VirtualMachineName', 'web-01', 9],
    ]);
    expect(guest.diagnostics).toEqual([]);
  });

  it('types are not shown: a number stored as text cannot be told from a DWORD, and the snapshot says so', () => {
    const { parameters, hostVersion } = loadOne('kvp.txt', powershellFile(LIST)).snapshot;
    const major = parameters.values.find((v) => v.name === 'HostingSystemOsMajor');
    expect(major).toMatchObject({
      type: 1,
      typeShown: 'none',
      typeName: 'type not shown',
      number: { ok: true, value: 10, storedAs: 'decimal, type not shown' },
    });
    expect(hostVersion).toMatchObject({ major: 10, minor: 0, from: 'Parameters' });
  });

  it('P3: a byte array cut after $FormatEnumerationLimit is bytes, and the cut is said', () => {
    const read = readPowerShellList(['Bounds : {1, 2, 3, 4...}', `PSPath : ${PS_PATH}`]);
    const value = read.ops.find((op) => op.op === 'value');
    expect(value?.op === 'value' && [value.value.type, Array.from(value.value.bytes)]).toEqual([
      3,
      [1, 2, 3, 4],
    ]);
    expect(read.typeShown?.get(1)).toBe('kind');
    expect(read.diagnostics).toEqual([
      {
        line: 1,
        severity: 'warning',
        message:
          'PowerShell shows only the first 4 bytes of "Bounds" (“...”): the rest is not in the text',
      },
    ]);
  });

  it('reads several objects (Guest\\Parameters and Auto) in one file, PS* first or last', () => {
    const lines = [
      '',
      `PSPath       : Microsoft.PowerShell.Core\\Registry::${AUTO_KEY}`,
      'PSChildName  : Auto',
      'OSName       : Windows Server 2019 Standard',
      'OSMajorVersion : 10',
      '',
      'HostName     : hv01',
      `PSPath       : ${PS_PATH}`,
      '',
    ];
    const snapshot = loadOne('kvp.txt', powershellFile(lines)).snapshot;
    expect(snapshot.auto.values.map((v) => [v.name, v.data])).toEqual([
      ['OSName', 'Windows Server 2019 Standard'],
    ]);
    expect(snapshot.parameters.values.map((v) => [v.name, v.data, v.line])).toEqual([
      ['HostName', 'hv01', 7],
    ]);
  });

  it('an object without PSPath (Select-Object) is read by its value names, and says so', () => {
    const read = readPowerShellList([
      '',
      'HostName             : hv01',
      'HostingSystemOsMajor : 10',
      '',
    ]);
    expect(read.ops[0]).toEqual({ op: 'key', line: 2, path: PARAMETERS_KEY });
    expect(read.diagnostics).toEqual([
      {
        line: 2,
        severity: 'info',
        message:
          'no PSPath (as when Select-Object picks the values): they are read as Guest\\Parameters, from their names',
      },
    ]);
  });

  it('the "(default)" property is the default value; a stray line is a warning', () => {
    const read = readPowerShellList([`(default) : x`, `PSPath    : ${PS_PATH}`, 'oops']);
    const value = read.ops.find((op) => op.op === 'value');
    expect(value?.op === 'value' && value.value.name).toBe('');
    expect(read.diagnostics).toEqual([
      { line: 3, severity: 'warning', message: 'not a line of Format-List output: skipped' },
    ]);
  });
});

/** `Get-ItemProperty … | ConvertTo-Json` of Windows PowerShell 5.1 (its two-space colon style). */
const JSON_TEXT = [
  '{',
  '    "HostName":  "hv01.example.com",',
  '    "HostingSystemEditionId":  8,',
  '    "HostingSystemOsMajor":  10,',
  '    "HostingSystemOsMinor":  0,',
  '    "Counter":  -1,',
  '    "Stamp":  133000000000000001,',
  '    "Servers":  [',
  '                    "a",',
  '                    "b"',
  '                ],',
  '    "Blob":  [',
  '                 1,',
  '                 255',
  '             ],',
  `    "PSPath":  ${JSON.stringify(PS_PATH)},`,
  `    "PSParentPath":  ${JSON.stringify(PS_PARENT)},`,
  '    "PSChildName":  "Parameters",',
  '    "PSDrive":  {',
  '                    "CurrentLocation":  "",',
  '                    "Name":  "HKLM"',
  '                },',
  '    "PSProvider":  {',
  '                       "ImplementingType":  "Microsoft.PowerShell.Commands.RegistryProvider",',
  '                       "Name":  "Registry"',
  '                   }',
  '}',
];

describe('PowerShell ConvertTo-Json', () => {
  it('reads numbers as numbers, text as text, lists as lists, each on its line; PS* ignored', () => {
    const guest = loadOne('kvp.json', powershellFile(JSON_TEXT));
    expect([guest.format, guest.encoding]).toEqual(['powershell-json', 'utf-16le']);
    expect(
      guest.snapshot.parameters.values.map((v) => [
        v.name,
        v.type,
        v.data ?? v.hex,
        v.line,
        v.typeName,
      ]),
    ).toEqual([
      ['HostName', 1, 'hv01.example.com', 2, 'text (REG_SZ or REG_EXPAND_SZ)'],
      ['HostingSystemEditionId', 4, 8, 3, 'number (REG_DWORD or REG_QWORD)'],
      ['HostingSystemOsMajor', 4, 10, 4, 'number (REG_DWORD or REG_QWORD)'],
      ['HostingSystemOsMinor', 4, 0, 5, 'number (REG_DWORD or REG_QWORD)'],
      // Int32 -1 is the DWORD 0xFFFFFFFF; past Int32, an Int64: a QWORD, exact past 2^53.
      ['Counter', 4, 0xffffffff, 6, 'number (REG_DWORD or REG_QWORD)'],
      ['Stamp', 11, '133000000000000001', 7, 'number (REG_DWORD or REG_QWORD)'],
      ['Servers', 7, ['a', 'b'], 8, 'list of text (REG_MULTI_SZ)'],
      ['Blob', 3, '01,ff', 12, 'list of bytes (REG_BINARY or REG_NONE)'],
    ]);
    expect(guest.snapshot.parameters.values.every((v) => v.typeShown === 'kind')).toBe(true);
    expect(guest.diagnostics).toEqual([]);
  });

  it.each([
    [
      'an array of objects (two keys)',
      `[{"HostName":"a","PSPath":${JSON.stringify(PS_PATH)}},{"OSName":"b","PSPath":${JSON.stringify(`Registry::${AUTO_KEY}`)}}]`,
    ],
    [
      "Windows PowerShell's {value, Count} wrapper",
      `{"value":[{"HostName":"a","PSPath":${JSON.stringify(PS_PATH)}},{"OSName":"b","PSPath":${JSON.stringify(`Registry::${AUTO_KEY}`)}}],"Count":2}`,
    ],
  ])('%s', (_case, text) => {
    const read = readPowerShellJson(text);
    expect('error' in read ? read.error : read.ops.map((op) => [op.op, op.path])).toEqual([
      ['key', PARAMETERS_KEY],
      ['value', PARAMETERS_KEY],
      ['key', AUTO_KEY],
      ['value', AUTO_KEY],
    ]);
  });

  it.each([
    ['{"HostName": "a",', 'the JSON is broken on line 1: a property name expected'],
    ['[1, 2]', 'the JSON is not an object or a list of objects, as ConvertTo-Json writes them'],
    [
      `${'['.repeat(100)}${']'.repeat(100)}`,
      'the JSON is broken on line 1: nested deeper than 64 levels',
    ],
  ])('refuses %j with a sentence', (text, error) => {
    expect(readPowerShellJson(text)).toEqual({ error });
  });

  it('skips what no registry value gives (true, null, an object) with a warning on its line', () => {
    const read = readPowerShellJson(
      `{\n"HostName": "a",\n"Flag": true,\n"PSPath": ${JSON.stringify(PS_PATH)}\n}`,
    );
    expect('error' in read ? [] : read.diagnostics).toEqual([
      {
        line: 3,
        severity: 'warning',
        message: '"Flag" is true, which no registry value gives: skipped',
      },
    ]);
  });
});
