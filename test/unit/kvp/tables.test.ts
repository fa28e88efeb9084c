import { describe, expect, it } from 'vitest';
import { describeArchitecture, findArchitecture } from '../../../src/lib/kvp/architectures.ts';
import {
  BASE_VALUE_NAMES,
  LEGACY_VALUE_NAMES,
  NEWER_VALUE_NAMES,
  findCatalogueEntry,
} from '../../../src/lib/kvp/catalogue.ts';
import { describeEdition, findEdition } from '../../../src/lib/kvp/editions.ts';
import { explainHostVersion, explainValue } from '../../../src/lib/kvp/explain.ts';
import {
  describeHostVersion,
  describeOsVersion,
  parseMajorMinor,
} from '../../../src/lib/kvp/os-versions.ts';

describe('lookup tables', () => {
  it.each([
    [6, 0, '6.0 — Windows Vista or Windows Server 2008'],
    [6, 1, '6.1 — Windows 7 or Windows Server 2008 R2'],
    [6, 2, '6.2 — Windows 8 or Windows Server 2012'],
    [6, 3, '6.3 — Windows 8.1 or Windows Server 2012 R2'],
    [6, 4, '6.4 — Windows Technical Preview (2014)'],
    [10, 0, '10.0 — Windows 10/11 or Windows Server 2016–2025'],
    [7, 2, '7.2 — not a known Windows version'],
  ])('OS %i.%i', (major, minor, text) => {
    expect(describeOsVersion(major, minor)).toBe(text);
  });

  it('names the server first for hosts', () => {
    expect(describeHostVersion(6, 3)).toBe('6.3 — Windows Server 2012 R2 or Windows 8.1');
  });

  it('parses major.minor what-if text', () => {
    expect(parseMajorMinor('6.1')).toEqual({ major: 6, minor: 1 });
    expect(parseMajorMinor(' 10.0 ')).toEqual({ major: 10, minor: 0 });
    expect(parseMajorMinor('6')).toBeUndefined();
    expect(parseMajorMinor('win7')).toBeUndefined();
  });

  it('flags editions that cannot host Hyper-V', () => {
    expect(findEdition(8)).toMatchObject({
      constant: 'PRODUCT_DATACENTER_SERVER',
      canRunHyperV: true,
    });
    expect(findEdition(0x25)).toMatchObject({ withoutHyperV: true, canRunHyperV: false });
    expect(findEdition(0x65)).toMatchObject({ home: true, canRunHyperV: false });
    expect(findEdition(168)?.constant).toBe('PRODUCT_AZURE_SERVER_CORE');
    expect(describeEdition(999)).toBe('999 → not a known PRODUCT_* value');
  });

  it('knows the processor architectures', () => {
    expect(findArchitecture(9)?.hyperVHost).toBe(true);
    expect(findArchitecture(12)?.hyperVHost).toBe(true);
    expect(findArchitecture(0)?.hyperVHost).toBe(false);
    expect(describeArchitecture(7)).toBe('7 → not a known processor architecture');
  });

  it('catalogues 16 Parameters values: 4 legacy + 7 base + 5 newer', () => {
    expect(LEGACY_VALUE_NAMES).toHaveLength(4);
    expect(BASE_VALUE_NAMES).toHaveLength(11);
    expect(NEWER_VALUE_NAMES).toHaveLength(5);
    expect(findCatalogueEntry('Parameters', 'hostingsystemosmajor')?.source).toMatch(/§7/);
    expect(findCatalogueEntry('Parameters', 'HostingSystemNestedLevel')?.inferred).toBe(true);
    expect(findCatalogueEntry('Auto', 'IntegrationServicesVersion')?.meaning).toMatch(
      /integration services version/,
    );
    expect(findCatalogueEntry('Parameters', 'HostSystemOSMajor')).toBeUndefined();
  });
});

describe('explainValue', () => {
  it('explains a 10.0 host', () => {
    expect(explainHostVersion(10, 0)).toBe(
      '10.0 → Windows 10/11 or Windows Server 2016–2025; the host’s build is not reported',
    );
    expect(explainValue('HostingSystemOsMajor', 10, { minor: 0 })).toBe(explainHostVersion(10, 0));
    expect(explainValue('HostingSystemOsMinor', '3', { major: 6 })).toBe(
      '6.3 → Windows 8.1 or Windows Server 2012 R2',
    );
  });

  it('explains editions, architectures and nesting', () => {
    expect(explainValue('HostingSystemEditionId', '8')).toBe(
      '8 → PRODUCT_DATACENTER_SERVER (Server Datacenter (full installation))',
    );
    expect(explainValue('HostingSystemEditionId', 0x24)).toMatch(/cannot be a Hyper-V host/);
    expect(explainValue('HostingSystemProcessorArchitecture', 9)).toBe('9 → x64 (AMD or Intel)');
    expect(explainValue('HostingSystemNestedLevel', 1)).toMatch(/itself a VM/);
    expect(explainValue('HostingSystemOsMajor', 'ten')).toBe('ten → not a number');
  });

  it('falls back to the catalogue meaning, and knows nothing of other names', () => {
    expect(explainValue('VirtualMachineName', 'vm1')).toMatch(/VM’s name/);
    expect(explainValue('SomethingElse', 'x')).toBeUndefined();
  });
});
