// Windows major.minor → product names, for hosts (HostingSystemOsMajor/Minor) and guests (Auto,
// CurrentVersion), and 10.0 builds → releases. Sources: "Operating System Version"
// (learn.microsoft.com/windows/win32/sysinfo/operating-system-version); 6.4 = Technical Preview per
// the 2014 blog "Integration components: How we determine Windows Update applicability" ("Windows
// version is 6.4 is Technical Preview"); builds from microsoft/hcsshim `osversion` and the
// Windows Server release information page (kvp-reference.md §3.2).
//
// Hosts: Hyper-V first shipped in Windows Server 2008 (6.0). Vista and Windows 7 never hosted it
// (Windows 7 had Windows Virtual PC: "IVMGuestOS::GetParameter" says Virtual PC "is no longer
// available for use as of Windows 8. Instead, use the Hyper-V WMI provider"); client Hyper-V starts
// with Windows 8 Pro/Enterprise x64 ("Install Hyper-V on Windows": Enterprise, Pro or Education).
// A 10.0 host may be any Windows Server from 2016, Hyper-V Server 2016/2019, Azure Local, Azure's
// own hosts or Windows 10/11: Guest\Parameters carries no host build, so the release is not known.

export type GuestKind = 'client' | 'server';

export interface OsVersionInfo {
  major: number;
  minor: number;
  client: string;
  server: string;
  /** Both names in one phrase, e.g. "Windows 8.1 or Windows Server 2012 R2". */
  phrase: string;
  /** What a host of this version can be: "Windows Server 2008 R2 or Hyper-V Server 2008 R2". */
  hostPhrase: string;
  /** Whether Hyper-V runs on this version as a host at all. */
  canHostHyperV: boolean;
  /** Whether client editions of this version can be Hyper-V hosts (Windows 8 and later). */
  clientCanHost: boolean;
}

function entry(
  major: number,
  minor: number,
  client: string,
  server: string,
  hostPhrase: string,
  host: { canHostHyperV: boolean; clientCanHost: boolean },
  phrase = server === '—' ? client : `${client} or ${server}`,
): OsVersionInfo {
  return { major, minor, client, server, phrase, hostPhrase, ...host };
}

const NO_HOST = { canHostHyperV: false, clientCanHost: false };
const SERVER_HOST = { canHostHyperV: true, clientCanHost: false };
const ANY_HOST = { canHostHyperV: true, clientCanHost: true };

export const OS_VERSIONS: readonly OsVersionInfo[] = [
  entry(5, 0, 'Windows 2000', 'Windows 2000 Server', 'Windows 2000', NO_HOST, 'Windows 2000'),
  entry(5, 1, 'Windows XP', '—', 'Windows XP', NO_HOST),
  entry(
    5,
    2,
    'Windows XP x64',
    'Windows Server 2003 / 2003 R2',
    'Windows Server 2003',
    NO_HOST,
    'Windows Server 2003 or Windows XP x64',
  ),
  entry(
    6,
    0,
    'Windows Vista',
    'Windows Server 2008',
    'Windows Server 2008 or Hyper-V Server 2008',
    SERVER_HOST,
  ),
  entry(
    6,
    1,
    'Windows 7',
    'Windows Server 2008 R2',
    'Windows Server 2008 R2 or Hyper-V Server 2008 R2',
    SERVER_HOST,
  ),
  entry(
    6,
    2,
    'Windows 8',
    'Windows Server 2012',
    'Windows Server 2012, Hyper-V Server 2012 or Windows 8',
    ANY_HOST,
  ),
  entry(
    6,
    3,
    'Windows 8.1',
    'Windows Server 2012 R2',
    'Windows Server 2012 R2, Hyper-V Server 2012 R2 or Windows 8.1',
    ANY_HOST,
  ),
  entry(
    6,
    4,
    'Windows 10 Technical Preview (early builds)',
    'Windows Technical Preview',
    'the 2014 Windows Technical Preview',
    ANY_HOST,
    'the 2014 Windows Technical Preview',
  ),
  entry(
    10,
    0,
    'Windows 10 or Windows 11',
    'Windows Server 2016 or later',
    'Windows Server 2016 or later, Azure Local, Azure, Hyper-V Server 2016/2019, or Windows 10/11',
    ANY_HOST,
    'Windows 10/11 or Windows Server 2016 or later',
  ),
];

export function findOsVersion(major: number, minor: number): OsVersionInfo | undefined {
  return OS_VERSIONS.find((v) => v.major === major && v.minor === minor);
}

/** "6.3 (Windows 8.1 or Windows Server 2012 R2)", or "7.2 (not a known Windows version)". */
export function describeOsVersion(major: number, minor: number): string {
  const known = findOsVersion(major, minor);
  return `${major}.${minor} (${known ? known.phrase : 'not a known Windows version'})`;
}

/** What a host of this version can be: "6.1 (Windows Server 2008 R2 or Hyper-V Server 2008 R2)". */
export function describeHostVersion(major: number, minor: number): string {
  const known = findOsVersion(major, minor);
  return `${major}.${minor} (${known ? known.hostPhrase : 'not a known Windows version'})`;
}

/** A 10.0 release by its build: the server and client products that share the build. */
export interface Release10 {
  build: number;
  server?: string;
  client?: string;
}

// hcsshim osversion (RS1 14393 … LTSC2025 26100) and the Windows Server release information page.
export const RELEASES_10: readonly Release10[] = [
  { build: 10240, client: 'Windows 10 version 1507' },
  { build: 10586, client: 'Windows 10 version 1511' },
  { build: 14393, server: 'Windows Server 2016', client: 'Windows 10 version 1607' },
  { build: 15063, client: 'Windows 10 version 1703' },
  { build: 16299, server: 'Windows Server, version 1709', client: 'Windows 10 version 1709' },
  { build: 17134, server: 'Windows Server, version 1803', client: 'Windows 10 version 1803' },
  { build: 17763, server: 'Windows Server 2019', client: 'Windows 10 version 1809' },
  { build: 18362, server: 'Windows Server, version 1903', client: 'Windows 10 version 1903' },
  { build: 18363, server: 'Windows Server, version 1909', client: 'Windows 10 version 1909' },
  { build: 19041, server: 'Windows Server, version 2004', client: 'Windows 10 version 2004' },
  { build: 19042, server: 'Windows Server, version 20H2', client: 'Windows 10 version 20H2' },
  { build: 19043, client: 'Windows 10 version 21H1' },
  { build: 19044, client: 'Windows 10 version 21H2' },
  { build: 19045, client: 'Windows 10 version 22H2' },
  { build: 20348, server: 'Windows Server 2022' },
  { build: 22000, client: 'Windows 11 version 21H2' },
  { build: 22621, client: 'Windows 11 version 22H2' },
  { build: 22631, client: 'Windows 11 version 23H2' },
  { build: 26100, server: 'Windows Server 2025', client: 'Windows 11 version 24H2' },
];

/** CurrentVersion stays "6.3" on Windows 10 and 11; their first build is 10240. */
export const FIRST_BUILD_OF_10 = 10240;
/** Windows 11 is build 22000 or later, whatever its ProductName says ("Windows 10 …"). */
export const FIRST_BUILD_OF_11 = 22000;

export function findRelease10(build: number): Release10 | undefined {
  return RELEASES_10.find((release) => release.build === build);
}

/** The guest's product, as exactly as its version, build and kind allow: "Windows Server 2022 (10.0.20348)". */
export function describeGuest(
  major: number,
  minor: number,
  build?: number,
  kind?: GuestKind,
): string {
  const version = `${major}.${minor}${build !== undefined ? `.${build}` : ''}`;
  if (major === 10 && minor === 0 && build !== undefined) {
    return `${releaseName(build, kind)} (${version})`;
  }
  const known = findOsVersion(major, minor);
  if (!known) return `${version} (not a known Windows version)`;
  const name = kind === 'client' ? known.client : kind === 'server' ? known.server : known.phrase;
  return `${name === '—' ? known.client : name} (${version})`;
}

function releaseName(build: number, kind?: GuestKind): string {
  const release = findRelease10(build);
  const eleven = build >= FIRST_BUILD_OF_11;
  const client = release?.client ?? (eleven ? 'Windows 11' : 'Windows 10');
  const server = release?.server ?? 'Windows Server';
  if (kind === 'client') return client;
  if (kind === 'server') return server;
  if (release && !release.client) return server;
  if (release && !release.server) return client;
  return release ? `${client} or ${server}` : `${client} or Windows Server`;
}

/** Parses "6.1" / "10.0" (what-if input). Undefined when it is not major.minor. */
export function parseMajorMinor(text: string): { major: number; minor: number } | undefined {
  const match = /^\s*(\d{1,3})\.(\d{1,3})\s*$/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}
