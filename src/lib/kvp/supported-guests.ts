// Which Windows guests Microsoft supports on which Hyper-V hosts. Sources:
// - Windows Server 2016 and later hosts: "Supported Windows guest operating systems for Hyper-V on
//   Windows, Windows Server, and Azure Local" (windowsserverdocs, 04/23/2025): Windows Server 2025
//   (hosts: Windows Server 2022 and later; Azure Local 2311.2 and later), 2022 (hosts: 2019 and
//   later; Azure Local 2311.2 and later), 2019, 2016, 2012 R2, 2012, 2008 R2 SP1, 2008 SP2;
//   Windows 11 (a generation 2 VM on Windows Server 2019 and later or Azure Local 2311.2 and later),
//   10, 8.1, 7 SP1. Windows 8, Vista, XP, 2003 and the Semi-Annual Channel releases are not listed.
// - Windows Server 2012 R2 / 8.1 and 2012 / 8 hosts: the guests "Manage Hyper-V integration
//   services" lists for them (its tables name every guest those hosts provide integration services
//   for; the older hosts' own support pages are not read here).
// - 2008 / 2008 R2 hosts and Windows client hosts have pages of their own, not read here.

import type { GuestKind } from './os-versions.ts';

/** A guest as this table tells them apart: its version, kind and, on 10.0, its build. */
export interface GuestIdentity {
  major: number;
  minor: number;
  kind?: GuestKind;
  build?: number;
}

/** Releases of Windows Server that host Hyper-V, oldest first, by their build (10.0 hosts). */
export const SERVER_RELEASES = [
  { name: 'Windows Server 2016', build: 14393 },
  { name: 'Windows Server 2019', build: 17763 },
  { name: 'Windows Server 2022', build: 20348 },
  { name: 'Windows Server 2025', build: 26100 },
] as const;

export type ServerRelease = (typeof SERVER_RELEASES)[number]['name'];

/** What a guest needs of a 10.0 host, per the supported-guest page. */
export interface GuestNeeds {
  /** The guest's name as the page lists it. */
  listedAs: string;
  /** The oldest Windows Server release that supports it; undefined: any 10.0 host of the page. */
  minimumServer?: ServerRelease;
  /** Azure Local 2311.2 or later supports it too. */
  azureLocal2311?: boolean;
  /** Only as a generation 2 VM. */
  generation2?: boolean;
}

/** The guest as the 2016+ host page lists it, or null when the page does not list it. */
export function needsOn10(guest: GuestIdentity): GuestNeeds | null {
  const { major, minor, kind, build } = guest;
  if (major === 10 && minor === 0) {
    if (build === undefined) return null;
    if (kind === 'server') {
      if (build >= 26100) {
        return {
          listedAs: 'Windows Server 2025',
          minimumServer: 'Windows Server 2022',
          azureLocal2311: true,
        };
      }
      if (build === 20348) {
        return {
          listedAs: 'Windows Server 2022',
          minimumServer: 'Windows Server 2019',
          azureLocal2311: true,
        };
      }
      if (build === 17763) return { listedAs: 'Windows Server 2019' };
      if (build === 14393) return { listedAs: 'Windows Server 2016' };
      return null; // Semi-Annual Channel and previews are not listed
    }
    if (kind === 'client') {
      if (build >= 22000) {
        return {
          listedAs: 'Windows 11',
          minimumServer: 'Windows Server 2019',
          azureLocal2311: true,
          generation2: true,
        };
      }
      return build >= 10240 ? { listedAs: 'Windows 10' } : null;
    }
    // Kind unknown (no ProductType): the reading that supports the guest where the build allows both.
    if (build === 26100) {
      return {
        listedAs: 'Windows 11 version 24H2 or Windows Server 2025',
        minimumServer: 'Windows Server 2019',
        azureLocal2311: true,
      };
    }
    if (build === 20348) return needsOn10({ ...guest, kind: 'server' });
    if (build === 14393 || build === 17763) return needsOn10({ ...guest, kind: 'server' });
    return needsOn10({ ...guest, kind: 'client' });
  }
  if (major === 6 && minor === 3)
    return { listedAs: kind === 'client' ? 'Windows 8.1' : 'Windows Server 2012 R2' };
  if (major === 6 && minor === 2 && kind !== 'client') return { listedAs: 'Windows Server 2012' };
  // 2008 R2 and 7 are listed with SP1 (build 7601), 2008 with SP2 (build 6002).
  if (major === 6 && minor === 1 && build !== undefined && build < 7601) return null;
  if (major === 6 && minor === 0 && build !== undefined && build < 6002) return null;
  if (major === 6 && minor === 1) {
    return {
      listedAs: kind === 'client' ? 'Windows 7 with SP1' : 'Windows Server 2008 R2 with SP1',
    };
  }
  if (major === 6 && minor === 0 && kind === 'server')
    return { listedAs: 'Windows Server 2008 with SP2' };
  return null;
}

/** Whether "Manage Hyper-V integration services" lists the guest for a 2012 R2 (6.3) or 2012 (6.2) host. */
export function listedFor6x(guest: GuestIdentity, hostMinor: 2 | 3): boolean {
  const { major, minor, kind, build } = guest;
  if (major === 10 && minor === 0) {
    // 2012 R2 hosts list Windows 10, Server 2016 and the Semi-Annual Channel; 2012 hosts no 10.0.
    if (hostMinor === 2) return false;
    if (build === undefined) return true;
    if (kind === 'server') return build < 17763;
    return build < 22000;
  }
  if (major === 6 && minor >= 0 && minor <= 3) return true;
  // XP (SP2, SP3) and Server 2003 / 2003 R2 (SP2) are listed for both.
  return major === 5 && (minor === 1 || minor === 2);
}

/** The server release of a 10.0 host's build, when it is one of them. */
export function serverReleaseOf(build: number): ServerRelease | undefined {
  let found: ServerRelease | undefined;
  for (const release of SERVER_RELEASES) if (build >= release.build) found = release.name;
  return found;
}

export function releaseAtLeast(release: ServerRelease, minimum: ServerRelease): boolean {
  const names = SERVER_RELEASES.map((r) => r.name as ServerRelease);
  return names.indexOf(release) >= names.indexOf(minimum);
}
