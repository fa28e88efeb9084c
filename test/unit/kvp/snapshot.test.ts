import { describe, expect, it } from 'vitest';
import { buildSnapshot, withGiven } from '../../../src/lib/kvp/snapshot.ts';
import { parseReg } from '../../../src/lib/reg/index.ts';
import {
  AUTO,
  CURRENT_VERSION,
  PARAMETERS,
  V5,
  VM,
  ascii,
  dword,
  hostValues,
  parseLines,
} from './reg-text.ts';

describe('buildSnapshot: Guest\\Parameters', () => {
  it('keeps every value with its name, type, data and line', () => {
    const doc = parseLines([
      V5, // 1
      '', // 2
      PARAMETERS, // 3
      '"HostingSystemOsMajor"=dword:0000000a', // 4
      '"HostingSystemOsMinor"="0"', // 5
      '"HostName"="thehost"', // 6
      '"HostingSystemEditionId"=hex:08,00', // 7
    ]);
    const { parameters } = buildSnapshot(doc);
    expect(parameters.state).toBe('present');
    expect(parameters.line).toBe(3);
    expect(parameters.values).toEqual([
      {
        name: 'HostingSystemOsMajor',
        type: 4,
        typeName: 'REG_DWORD',
        data: 10,
        line: 4,
        number: { ok: true, value: 10, storedAs: 'REG_DWORD' },
      },
      {
        name: 'HostingSystemOsMinor',
        type: 1,
        typeName: 'REG_SZ',
        data: '0',
        line: 5,
        number: { ok: true, value: 0, storedAs: 'decimal REG_SZ' },
      },
      { name: 'HostName', type: 1, typeName: 'REG_SZ', data: 'thehost', line: 6 },
      {
        name: 'HostingSystemEditionId',
        type: 3,
        typeName: 'REG_BINARY',
        data: null,
        hex: '08,00',
        line: 7,
        number: {
          ok: false,
          why: 'stored as REG_BINARY, not as REG_DWORD or a decimal REG_SZ',
        },
      },
    ]);
  });

  it('flags a REG_SZ that is not a decimal number', () => {
    const doc = parseLines([V5, '', PARAMETERS, '"HostingSystemOsMajor"="ten"']);
    expect(buildSnapshot(doc).parameters.values[0]?.number).toEqual({
      ok: false,
      why: 'REG_SZ "ten" is not a decimal number',
    });
  });

  it('finds the key whatever the case of its path and with the short root', () => {
    const doc = parseLines([
      V5,
      '',
      '[HKLM\\software\\microsoft\\virtual machine\\guest\\PARAMETERS]',
      `"hostingsystemosmajor"=${dword(6)}`,
    ]);
    const snapshot = buildSnapshot(doc);
    expect(snapshot.parameters.state).toBe('present');
    expect(snapshot.parameters.values[0]?.number).toEqual({
      ok: true,
      value: 6,
      storedAs: 'REG_DWORD',
    });
  });

  it('tells a key the file deletes from one it does not mention', () => {
    const deleted = parseLines([V5, '', PARAMETERS, '"HostName"="x"', '', `[-${VM}\\Guest]`]);
    expect(buildSnapshot(deleted).parameters).toMatchObject({
      state: 'deleted',
      line: 6,
      values: [],
    });
    const absent = parseLines([V5, '', AUTO, '"OSName"="Windows 7"']);
    expect(buildSnapshot(absent).parameters).toMatchObject({ state: 'absent', line: null });
  });

  it('treats a key deleted and then written again as present', () => {
    const doc = parseLines([V5, `[-${VM}\\Guest\\Parameters]`, PARAMETERS, '"HostName"="x"']);
    expect(buildSnapshot(doc).parameters).toMatchObject({ state: 'present', line: 3 });
  });

  it('records every spelling when the file writes a name twice', () => {
    const doc = parseLines([V5, PARAMETERS, '"HostName"="a"', '"HOSTNAME"="b"']);
    const value = buildSnapshot(doc).parameters.values[0];
    expect(value?.data).toBe('b');
    expect(value?.writes).toEqual([
      { name: 'HostName', line: 3 },
      { name: 'HOSTNAME', line: 4 },
    ]);
  });

  it('lists look-alike keys and does not read their values', () => {
    const doc = parseLines([
      V5, // 1
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters]', // 2
      `"HostingSystemOsMajor"=${dword(6)}`, // 3
      `[${VM}\\Guest\\ParametersBackup]`, // 4
      '[HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]', // 5
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]', // 6
    ]);
    const snapshot = buildSnapshot(doc);
    expect(snapshot.parameters.state).toBe('absent');
    expect(snapshot.lookAlikes.map((k) => [k.line, k.why])).toEqual([
      [2, 'the 32-bit registry view (Wow6432Node), not the key Windows Update reads'],
      [4, 'a different key name than Guest\\Parameters'],
      [5, 'not under HKEY_LOCAL_MACHINE'],
    ]);
    expect(snapshot.lookAlikes[0]?.values).toEqual([{ name: 'HostingSystemOsMajor', line: 3 }]);
  });

  it('keeps the input facts', () => {
    const snapshot = buildSnapshot(parseReg(ascii(['REGEDIT4', PARAMETERS, '"HostName"="x"'])));
    expect(snapshot.input).toEqual({ format: 'regedit4', encoding: 'utf-8' });
    expect(buildSnapshot(parseLines([V5])).input).toEqual({
      format: 'regedit5',
      encoding: 'utf-16le',
    });
  });

  it('is plain data that survives JSON and structuredClone unchanged', () => {
    const doc = parseLines([
      V5,
      PARAMETERS,
      ...hostValues(),
      '"Blob"=hex:01,02',
      AUTO,
      '"OSVersion"="6.1.7601"',
    ]);
    const snapshot = buildSnapshot(doc);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(structuredClone(snapshot)).toEqual(snapshot);
    expect(JSON.stringify(snapshot)).not.toContain('Uint8Array');
  });
});

describe('buildSnapshot: guest OS', () => {
  it('reads Auto OSMajorVersion/OSMinorVersion with their lines', () => {
    const doc = parseLines([
      V5,
      AUTO,
      '"OSMajorVersion"="6"',
      '"OSMinorVersion"="1"',
      '"OSName"="Windows 7 Enterprise"',
    ]);
    const os = buildSnapshot(doc).guestOs;
    expect(os).toMatchObject({
      major: 6,
      minor: 1,
      from: 'Auto',
      productName: 'Windows 7 Enterprise',
    });
    expect(os?.facts.slice(0, 2)).toEqual([
      { name: 'OSMajorVersion', value: '6', provenance: { kind: 'file', line: 3 } },
      { name: 'OSMinorVersion', value: '1', provenance: { kind: 'file', line: 4 } },
    ]);
  });

  it('falls back to Auto OSVersion', () => {
    const doc = parseLines([V5, AUTO, '"OSVersion"="6.2.9200"']);
    expect(buildSnapshot(doc).guestOs).toMatchObject({ major: 6, minor: 2, build: '9200' });
  });

  it('prefers CurrentMajorVersionNumber over CurrentVersion ("6.3" on Windows 10)', () => {
    const doc = parseLines([
      V5,
      CURRENT_VERSION,
      '"CurrentVersion"="6.3"',
      `"CurrentMajorVersionNumber"=${dword(10)}`,
      `"CurrentMinorVersionNumber"=${dword(0)}`,
      '"CurrentBuild"="17763"',
      '"ProductName"="Windows Server 2019 Datacenter"',
    ]);
    expect(buildSnapshot(doc).guestOs).toMatchObject({
      major: 10,
      minor: 0,
      from: 'CurrentVersion',
      build: '17763',
      productName: 'Windows Server 2019 Datacenter',
    });
  });

  it('reads CurrentVersion text on older Windows', () => {
    const doc = parseLines([
      V5,
      CURRENT_VERSION,
      '"CurrentVersion"="6.1"',
      '"CurrentBuild"="7601"',
    ]);
    expect(buildSnapshot(doc).guestOs).toMatchObject({
      major: 6,
      minor: 1,
      from: 'CurrentVersion',
    });
  });

  it('is null when neither key says, and takes a given version with its provenance', () => {
    const snapshot = buildSnapshot(parseLines([V5, PARAMETERS, ...hostValues()]));
    expect(snapshot.guestOs).toBeNull();
    const given = withGiven(snapshot, {
      guestOs: { major: 6, minor: 1 },
      hostVersion: { major: 6, minor: 4 },
    });
    expect(given.guestOs).toEqual({
      major: 6,
      minor: 1,
      from: 'given',
      facts: [{ name: 'guest OS', value: '6.1', provenance: { kind: 'given' } }],
    });
    expect(given.hostVersion).toMatchObject({ major: 6, minor: 4, from: 'given' });
    expect(snapshot.hostVersion).toMatchObject({ major: 10, minor: 0, from: 'Parameters' });
  });
});
