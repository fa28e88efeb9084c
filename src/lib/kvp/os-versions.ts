// Windows major.minor → product names, for hosts (HostingSystemOsMajor/Minor) and guests (Auto,
// CurrentVersion). Source: kvp-reference.md §3.1 — MicrosoftDocs/win32
// `desktop-src/SysInfo/operating-system-version.md`; 6.4 = Technical Preview per the 2014 blog
// (Virtualization-Documentation `team-blog/2014/20141124-integration-components-how-we-determine-
// windows-update-applicability.md`: "Windows version is 6.4 is Technical Preview").

export interface OsVersionInfo {
  major: number;
  minor: number;
  client: string;
  server: string;
  /** Both names in one phrase, e.g. "Windows 8.1 or Windows Server 2012 R2". */
  phrase: string;
  /** Server first, for a host: "Windows Server 2012 R2 or Windows 8.1". */
  hostPhrase: string;
  /** Whether Hyper-V can run on this version as a host (Hyper-V first shipped in 2008, 6.0). */
  canHostHyperV: boolean;
}

function entry(
  major: number,
  minor: number,
  client: string,
  server: string,
  phrase: string,
  canHostHyperV: boolean,
  hostPhrase = server === '—' ? client : `${server} or ${client}`,
): OsVersionInfo {
  return { major, minor, client, server, phrase, hostPhrase, canHostHyperV };
}

export const OS_VERSIONS: readonly OsVersionInfo[] = [
  entry(5, 0, 'Windows 2000', 'Windows 2000 Server', 'Windows 2000', false),
  entry(5, 1, 'Windows XP', '—', 'Windows XP', false),
  entry(
    5,
    2,
    'Windows XP x64',
    'Windows Server 2003 / 2003 R2',
    'Windows Server 2003 or Windows XP x64',
    false,
  ),
  entry(6, 0, 'Windows Vista', 'Windows Server 2008', 'Windows Vista or Windows Server 2008', true),
  entry(6, 1, 'Windows 7', 'Windows Server 2008 R2', 'Windows 7 or Windows Server 2008 R2', true),
  entry(6, 2, 'Windows 8', 'Windows Server 2012', 'Windows 8 or Windows Server 2012', true),
  entry(
    6,
    3,
    'Windows 8.1',
    'Windows Server 2012 R2',
    'Windows 8.1 or Windows Server 2012 R2',
    true,
  ),
  // 2014 blog: the Technical Preview host reported 6.4; early Windows 10 previews did too.
  entry(
    6,
    4,
    'Windows 10 Technical Preview (early builds)',
    'Windows Technical Preview',
    'Windows Technical Preview (2014)',
    true,
    'Windows Technical Preview (2014)',
  ),
  // Guest\Parameters carries no host build (kvp-reference.md §1.2), so 10.0 cannot be narrowed.
  entry(
    10,
    0,
    'Windows 10 or Windows 11',
    'Windows Server 2016, 2019, 2022 or 2025',
    'Windows 10/11 or Windows Server 2016–2025',
    true,
    'Windows Server 2016–2025 or Windows 10/11',
  ),
];

export function findOsVersion(major: number, minor: number): OsVersionInfo | undefined {
  return OS_VERSIONS.find((v) => v.major === major && v.minor === minor);
}

/** "6.3 — Windows 8.1 or Windows Server 2012 R2", or "7.2 — not a known Windows version". */
export function describeOsVersion(major: number, minor: number): string {
  const known = findOsVersion(major, minor);
  return `${major}.${minor} — ${known ? known.phrase : 'not a known Windows version'}`;
}

/** As describeOsVersion, server name first: "6.3 — Windows Server 2012 R2 or Windows 8.1". */
export function describeHostVersion(major: number, minor: number): string {
  const known = findOsVersion(major, minor);
  return `${major}.${minor} — ${known ? known.hostPhrase : 'not a known Windows version'}`;
}

/** Parses "6.1" / "10.0" (what-if input). Undefined when it is not major.minor. */
export function parseMajorMinor(text: string): { major: number; minor: number } | undefined {
  const match = /^\s*(\d{1,3})\.(\d{1,3})\s*$/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}
