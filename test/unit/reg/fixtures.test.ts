// The real-shaped fixtures in test/fixtures (written by test/fixtures/make-fixtures.ts, byte by byte,
// without our parser): the exact parse each must give.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findKey, findValue, parseReg, serializeReg } from '../../../src/lib/reg/index';
import type { RegDocument, RegKey } from '../../../src/lib/reg/types';
import { dwordHex, szHex, toHex, utf16le } from './conformance-vectors';

function load(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))),
  );
}

const VM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';

function key(doc: RegDocument, path: string): RegKey {
  const k = findKey(doc, path);
  expect(k, `key ${path}`).toBeDefined();
  if (!k) throw new Error(`missing key ${path}`);
  return k;
}

/** name → [type, bytes hex] for every value of a key, in order. */
function table(k: RegKey): Array<[string, number, string]> {
  return k.values.map((v) => [v.name, v.type, toHex(v.bytes)]);
}

function serious(doc: RegDocument) {
  return doc.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
}

const PARAMETER_NAMES = [
  'HostName',
  'HostingSystemEditionId',
  'HostingSystemNestedLevel',
  'HostingSystemOsMajor',
  'HostingSystemOsMinor',
  'HostingSystemProcessorArchitecture',
  'HostingSystemProcessorIdleStateMax',
  'HostingSystemProcessorThrottleMax',
  'HostingSystemProcessorThrottleMin',
  'HostingSystemSpMajor',
  'HostingSystemSpMinor',
  'PhysicalHostName',
  'PhysicalHostNameFullyQualified',
  'VirtualMachineDynamicMemoryBalancingEnabled',
  'VirtualMachineId',
  'VirtualMachineName',
];

describe('vm-regedit5-utf16.reg (reg export on a 2012 R2 guest, 2022 host)', () => {
  const bytes = load('vm-regedit5-utf16.reg');
  const doc = parseReg(bytes);

  it('is a clean v5 UTF-16LE export with the five keys in export order', () => {
    expect(toHex(bytes.subarray(0, 4))).toBe('fffe5700');
    expect(doc.format).toBe('regedit5');
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.keys.map((k) => [k.path, k.line])).toEqual([
      [VM, 3],
      [`${VM}\\Auto`, 5],
      [`${VM}\\External`, 26],
      [`${VM}\\Guest`, 28],
      [`${VM}\\Guest\\Parameters`, 38],
    ]);
    expect(serious(doc)).toEqual([]);
    expect(doc.keys.every((k) => !k.deleted)).toBe(true);
  });

  it('Guest\\Parameters holds the 16 host values as REG_SZ decimal strings', () => {
    const params = key(doc, 'HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters');
    const want: Array<[string, string]> = [
      ['HostName', 'HV22-NODE07.corp.contoso.example'],
      ['HostingSystemEditionId', '8'],
      ['HostingSystemNestedLevel', '0'],
      ['HostingSystemOsMajor', '10'],
      ['HostingSystemOsMinor', '0'],
      ['HostingSystemProcessorArchitecture', '9'],
      ['HostingSystemProcessorIdleStateMax', '0'],
      ['HostingSystemProcessorThrottleMax', '100'],
      ['HostingSystemProcessorThrottleMin', '5'],
      ['HostingSystemSpMajor', '0'],
      ['HostingSystemSpMinor', '0'],
      ['PhysicalHostName', 'HV22-NODE07'],
      ['PhysicalHostNameFullyQualified', 'HV22-NODE07.corp.contoso.example'],
      ['VirtualMachineDynamicMemoryBalancingEnabled', '1'],
      ['VirtualMachineId', '5B1F0D52-7C3A-4E6B-9D2F-3A8C41E07B19'],
      ['VirtualMachineName', 'WEB01'],
    ];
    expect(table(params)).toEqual(want.map(([n, v]) => [n, 1, szHex(v)]));
    expect(params.values.map((v) => v.data)).toEqual(want.map(([, v]) => v));
    expect(params.values.map((v) => v.line)).toEqual(want.map((_, i) => 39 + i));
    expect(findValue(params, 'hostingsystemosmajor')?.data).toBe('10');
  });

  it('Auto holds the guest intrinsic values; OSEditionId is a DWORD', () => {
    const auto = key(doc, `${VM}\\Auto`);
    expect(auto.values.map((v) => v.name)).toEqual([
      'FullyQualifiedDomainName',
      'IntegrationServicesVersion',
      'NetworkAddressIPv4',
      'NetworkAddressIPv6',
      'OSBuildNumber',
      'OSEditionId',
      'OSMajorVersion',
      'OSMinorVersion',
      'OSName',
      'OSVersion',
      'OSPlatformId',
      'ProcessorArchitecture',
      'ProductType',
      'SuiteMask',
      'CSDVersion',
      'ServicePackMajor',
      'ServicePackMinor',
      'RDPAddressIPv4',
      'RDPAddressIPv6',
    ]);
    const ed = findValue(auto, 'OSEditionId');
    expect([ed?.type, ed ? toHex(ed.bytes) : '', ed?.data]).toEqual([4, dwordHex(8), 8]);
    const ver = findValue(auto, 'IntegrationServicesVersion');
    expect([ver?.type, ver ? toHex(ver.bytes) : '']).toEqual([1, szHex('6.3.9600.18080')]);
    expect(findValue(auto, 'OSName')?.data).toBe('Windows Server 2012 R2 Datacenter');
    const csd = findValue(auto, 'CSDVersion');
    expect([csd?.type, csd ? toHex(csd.bytes) : '', csd?.data]).toEqual([1, '0000', '']);
    expect(key(doc, `${VM}\\External`).values).toEqual([]);
  });

  it('Guest holds a wrapped hex(7) list spanning seven lines', () => {
    const guest = key(doc, `${VM}\\Guest`);
    const tags = findValue(guest, 'DeploymentTags');
    const list = [
      'role=web',
      'tier=frontend',
      'patch-ring=2',
      'owner=platform-team@contoso.example',
    ];
    expect(tags?.type).toBe(7);
    expect(tags ? toHex(tags.bytes) : '').toBe(toHex(utf16le(list.join('\0') + '\0\0')));
    expect(tags?.data).toEqual(list);
    expect([tags?.line, tags?.endLine]).toEqual([30, 36]);
    expect(findValue(guest, 'ProvisionedBy')?.data).toBe('ops\\deploy');
  });

  it('serializeReg gives the same bytes back', () => {
    expect(toHex(serializeReg(doc))).toBe(toHex(bytes));
  });
});

describe('vm-dword-values-utf16.reg (Guest\\Parameters with REG_DWORD numbers)', () => {
  const bytes = load('vm-dword-values-utf16.reg');
  const doc = parseReg(bytes);

  it('parses the numbers as DWORDs and the names and IDs as REG_SZ', () => {
    expect([doc.format, doc.encoding]).toEqual(['regedit5', 'utf-16le']);
    expect(doc.keys.map((k) => k.path)).toEqual([`${VM}\\Guest\\Parameters`]);
    expect(serious(doc)).toEqual([]);
    const params = key(doc, `${VM}\\Guest\\Parameters`);
    expect(params.values.map((v) => v.name)).toEqual(PARAMETER_NAMES);
    const numbers: Record<string, number> = {
      HostingSystemEditionId: 168,
      HostingSystemNestedLevel: 0,
      HostingSystemOsMajor: 10,
      HostingSystemOsMinor: 0,
      HostingSystemProcessorArchitecture: 9,
      HostingSystemProcessorIdleStateMax: 0,
      HostingSystemProcessorThrottleMax: 100,
      HostingSystemProcessorThrottleMin: 100,
      HostingSystemSpMajor: 0,
      HostingSystemSpMinor: 0,
      VirtualMachineDynamicMemoryBalancingEnabled: 0,
    };
    for (const v of params.values) {
      const n = numbers[v.name];
      if (n === undefined) {
        expect(v.type, v.name).toBe(1);
      } else {
        expect([v.type, toHex(v.bytes), v.data], v.name).toEqual([4, dwordHex(n), n]);
      }
    }
    expect(findValue(params, 'HostingSystemEditionId')?.bytes).toEqual(
      new Uint8Array([0xa8, 0, 0, 0]),
    );
    expect(findValue(params, 'VirtualMachineId')?.data).toBe(
      'A3C5E7F9-1B2D-4F60-8A9B-C0D1E2F3A4B5',
    );
  });

  it('serializeReg gives the same bytes back', () => {
    expect(toHex(serializeReg(doc))).toBe(toHex(bytes));
  });
});

describe('vm-regedit4-cp1252.reg (REGEDIT4 in Windows-1252)', () => {
  const bytes = load('vm-regedit4-cp1252.reg');
  const doc = parseReg(bytes);

  it('contains the raw code-page bytes 0x80, 0x9F and 0xE9', () => {
    expect(bytes.includes(0x80)).toBe(true);
    expect(bytes.includes(0x9f)).toBe(true);
    expect(bytes.includes(0xe9)).toBe(true);
  });

  it('decodes as Windows-1252 with our table for 0x80–0x9F', () => {
    expect([doc.format, doc.encoding]).toEqual(['regedit4', 'windows-1252']);
    expect(doc.keys.map((k) => [k.path, k.line])).toEqual([
      [`${VM}\\Guest`, 3],
      [`${VM}\\Guest\\Parameters`, 10],
    ]);
    expect(serious(doc)).toEqual([]);
    const guest = key(doc, `${VM}\\Guest`);
    expect(guest.values.map((v) => v.name)).toEqual([
      'Propriétaire',
      'Budget',
      'Ÿ-Marque',
      'CheminAccès',
      'Compteur',
    ]);
    expect(table(guest).filter(([, t]) => t === 1)).toEqual([
      ['Propriétaire', 1, szHex('Équipe Systèmes – Lyon')],
      ['Budget', 1, szHex('12€ par mois…')],
      ['Ÿ-Marque', 1, szHex('Ÿ')],
    ]);
    const compteur = findValue(guest, 'Compteur');
    expect([compteur?.type, compteur?.data]).toEqual([4, 42]);
  });

  it('stores hex(2) code-page bytes under REGEDIT4 as UTF-16LE text, as Windows does', () => {
    const v = findValue(key(doc, `${VM}\\Guest`), 'CheminAccès');
    expect(v?.type).toBe(2);
    expect(v?.data).toBe('%SystemRoot%\\Café');
    // The file writes 25,53,…,e9,00; the import converts it to UTF-16 (reg-format.md §2.3).
    expect(v ? toHex(v.bytes) : '').toBe(szHex('%SystemRoot%\\Café'));
  });

  it('Parameters: non-ASCII host and VM names', () => {
    const params = key(doc, `${VM}\\Guest\\Parameters`);
    expect(params.values.map((v) => [v.name, v.data, v.line])).toEqual([
      ['HostName', 'HÔTE-HV01.exemple.fr', 11],
      ['HostingSystemOsMajor', '10', 12],
      ['HostingSystemOsMinor', '0', 13],
      ['VirtualMachineName', 'Serveur de fichiers €', 14],
    ]);
  });
});

describe('hand-edited-utf8.reg (UTF-8, no BOM, LF, comments and mistakes)', () => {
  const bytes = load('hand-edited-utf8.reg');
  const doc = parseReg(bytes);

  it('is read as UTF-8 with the v5 header', () => {
    expect(bytes.includes(0x0d)).toBe(false);
    expect([doc.format, doc.encoding]).toEqual(['regedit5', 'utf-8']);
    expect(doc.keys.map((k) => [k.path, k.line])).toEqual([
      [`${VM}\\Guest\\Parameters`, 6],
      [`${VM}\\Guest`, 16],
    ]);
  });

  it('keeps the good values, drops the malformed ones', () => {
    const params = key(doc, `${VM}\\Guest\\Parameters`);
    expect(params.values.map((v) => [v.name, v.type, v.data, v.line])).toEqual([
      ['HostName', 1, 'hvhost07.corp.contoso.example', 7],
      ['HostingSystemOsMajor', 1, '10', 8],
      ['HostingSystemOsMinor', 1, '0', 9],
      ['VirtualMachineName', 1, 'Prüfstand – Größe M', 13],
    ]);
    expect(toHex(findValue(params, 'VirtualMachineName')?.bytes ?? new Uint8Array())).toBe(
      szHex('Prüfstand – Größe M'),
    );
    const guest = key(doc, `${VM}\\Guest`);
    // "Tags" ends with ",\" and swallows "Owner" (§2.4 X11); "Site" is read normally.
    expect(guest.values.map((v) => [v.name, v.data, v.line])).toEqual([
      ['Notiz', 'Café ☕ 日本語', 17],
      ['Site', 'Zürich', 20],
    ]);
    expect(toHex(findValue(guest, 'Notiz')?.bytes ?? new Uint8Array())).toBe(
      szHex('Café ☕ 日本語'),
    );
  });

  it('reports the malformed lines on their line numbers, and nothing else', () => {
    const lines = new Set(serious(doc).map((d) => d.line));
    for (const l of [11, 12, 19]) expect(lines.has(l), `diagnostic on line ${l}`).toBe(true);
    // 10 (the # line) and 18 (where "Tags" starts) may carry one too; nothing else may.
    expect([...lines].filter((l) => ![10, 11, 12, 18, 19].includes(l))).toEqual([]);
  });
});
