import { describe, expect, it } from 'vitest';
import { describeArchitecture, findArchitecture } from '../../../src/lib/kvp/architectures.ts';
import {
  BASE_VALUE_NAMES,
  LEGACY_VALUE_NAMES,
  NEWER_VALUE_NAMES,
  findCatalogueEntry,
} from '../../../src/lib/kvp/catalogue.ts';
import {
  describeEdition,
  findEdition,
  outsideHostVersions,
} from '../../../src/lib/kvp/editions.ts';
import { explainHostVersion, explainValue } from '../../../src/lib/kvp/explain.ts';
import {
  describeGuest,
  describeHostVersion,
  describeOsVersion,
  findOsVersion,
  parseMajorMinor,
} from '../../../src/lib/kvp/os-versions.ts';

describe('lookup tables', () => {
  it.each([
    [6, 0, '6.0 (Windows Vista or Windows Server 2008)'],
    [6, 1, '6.1 (Windows 7 or Windows Server 2008 R2)'],
    [6, 2, '6.2 (Windows 8 or Windows Server 2012)'],
    [6, 3, '6.3 (Windows 8.1 or Windows Server 2012 R2)'],
    [6, 4, '6.4 (the 2014 Windows Technical Preview)'],
    [10, 0, '10.0 (Windows 10/11 or Windows Server 2016 or later)'],
    [7, 2, '7.2 (not a known Windows version)'],
  ])('OS %i.%i', (major, minor, text) => {
    expect(describeOsVersion(major, minor)).toBe(text);
  });

  // Vista and 7 never hosted Hyper-V (Windows Virtual PC instead: "IVMGuestOS::GetParameter");
  // client Hyper-V starts with Windows 8; 10.0 hosts include Azure, Azure Local and Hyper-V Server.
  it.each([
    [6, 0, '6.0 (Windows Server 2008 or Hyper-V Server 2008)'],
    [6, 1, '6.1 (Windows Server 2008 R2 or Hyper-V Server 2008 R2)'],
    [6, 2, '6.2 (Windows Server 2012, Hyper-V Server 2012 or Windows 8)'],
    [6, 3, '6.3 (Windows Server 2012 R2, Hyper-V Server 2012 R2 or Windows 8.1)'],
    [
      10,
      0,
      '10.0 (Windows Server 2016 or later, Azure Local, Azure, Hyper-V Server 2016/2019, or Windows 10/11)',
    ],
  ])('host %i.%i is what can host Hyper-V', (major, minor, text) => {
    expect(describeHostVersion(major, minor)).toBe(text);
  });

  it('knows which host versions client editions can host Hyper-V on', () => {
    expect(findOsVersion(6, 1)).toMatchObject({ canHostHyperV: true, clientCanHost: false });
    expect(findOsVersion(6, 2)).toMatchObject({ canHostHyperV: true, clientCanHost: true });
    expect(findOsVersion(5, 2)?.canHostHyperV).toBe(false);
  });

  it.each<[number, number, number | undefined, 'client' | 'server' | undefined, string]>([
    [10, 0, 20348, undefined, 'Windows Server 2022 (10.0.20348)'],
    [10, 0, 17763, undefined, 'Windows 10 version 1809 or Windows Server 2019 (10.0.17763)'],
    [10, 0, 17763, 'server', 'Windows Server 2019 (10.0.17763)'],
    [10, 0, 26100, 'client', 'Windows 11 version 24H2 (10.0.26100)'],
    [10, 0, 26200, undefined, 'Windows 11 or Windows Server (10.0.26200)'],
    [10, 0, 22000, undefined, 'Windows 11 version 21H2 (10.0.22000)'],
    [6, 1, 7601, 'client', 'Windows 7 (6.1.7601)'],
    [6, 0, undefined, 'server', 'Windows Server 2008 (6.0)'],
    [5, 1, undefined, 'server', 'Windows XP (5.1)'],
  ])('guest %i.%i build %s (%s)', (major, minor, build, kind, text) => {
    expect(describeGuest(major, minor, build, kind)).toBe(text);
  });

  it('parses major.minor what-if text', () => {
    expect(parseMajorMinor('6.1')).toEqual({ major: 6, minor: 1 });
    expect(parseMajorMinor(' 10.0 ')).toEqual({ major: 10, minor: 0 });
    expect(parseMajorMinor('6')).toBeUndefined();
    expect(parseMajorMinor('win7')).toBeUndefined();
  });

  it('knows each edition’s family and whether it can run Hyper-V (GetProductInfo)', () => {
    expect(findEdition(8)).toMatchObject({
      constant: 'PRODUCT_DATACENTER_SERVER',
      family: 'server',
      hyperV: 'yes',
    });
    expect(findEdition(0x25)).toMatchObject({
      hyperV: 'no',
      why: expect.stringMatching(/without Hyper-V/),
    });
    for (const home of [0x62, 0x63, 0x64, 0x65]) expect(findEdition(home)?.hyperV).toBe('no');
    expect(findEdition(42)?.family).toBe('hyper-v-server');
    expect(findEdition(48)?.family).toBe('client');
    for (const azure of [168, 199]) expect(findEdition(azure)?.family).toBe('azure');
    expect(findEdition(406)).toMatchObject({
      family: 'azure-local',
      description: 'Azure Local (formerly Azure Stack HCI)',
    });
    for (const edition of [407, 408, 409])
      expect(findEdition(edition)?.family).toBe('azure-edition');
    expect(findEdition(0xaf)?.inferred).toBeUndefined();
    expect(findEdition(0x93)?.inferred).toBe(true);
    expect(describeEdition(999)).toBe(
      '999 → not a PRODUCT_* value this version of KVP Analyzer knows',
    );
  });

  it('knows the host versions an edition id can come from', () => {
    const pro = findEdition(48);
    const core = findEdition(0x0c);
    const azureLocal = findEdition(406);
    expect(pro && outsideHostVersions(pro, { major: 6, minor: 1 })).toMatchObject({ from: [6, 2] });
    expect(pro && outsideHostVersions(pro, { major: 10, minor: 0 })).toBeNull();
    expect(core && outsideHostVersions(core, { major: 6, minor: 2 })).toMatchObject({ to: [6, 1] });
    expect(azureLocal && outsideHostVersions(azureLocal, { major: 6, minor: 3 })).not.toBeNull();
    expect(findEdition(0x0a)?.hostVersions?.inferred).toBe(true);
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
    expect(findCatalogueEntry('Parameters', 'hostingsystemosmajor')?.source).toMatch(
      /Windows Update/,
    );
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
      '10.0 → Windows Server 2016 or later, Azure Local, Azure, Hyper-V Server 2016/2019, or Windows 10/11; the host’s build is not reported, so its release is not known',
    );
    expect(explainValue('HostingSystemOsMajor', 10, { minor: 0 })).toBe(explainHostVersion(10, 0));
    expect(explainValue('HostingSystemOsMinor', '3', { major: 6 })).toBe(
      '6.3 → Windows Server 2012 R2, Hyper-V Server 2012 R2 or Windows 8.1',
    );
  });

  it('explains editions, architectures and nesting', () => {
    expect(explainValue('HostingSystemEditionId', '8')).toBe(
      '8 → PRODUCT_DATACENTER_SERVER (Server Datacenter)',
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
