// One line of plain English for a value, from the lookup tables (each table cites its source).

import { describeArchitecture } from './architectures.ts';
import { findCatalogueEntry } from './catalogue.ts';
import { describeEdition } from './editions.ts';
import { findOsVersion } from './os-versions.ts';

type Data = string | number | string[] | null | undefined;

function asNumber(data: Data): number | undefined {
  if (typeof data === 'number') return data;
  if (typeof data === 'string' && /^[0-9]{1,10}$/.test(data)) return Number(data);
  return undefined;
}

/** "10.0 → Windows Server 2016 or later, …; the host's build is not reported, …". */
export function explainHostVersion(major: number, minor: number): string {
  const known = findOsVersion(major, minor);
  if (!known) return `${major}.${minor} → not a known Windows version`;
  // Guest\Parameters has no host build, so 10.0 cannot be narrowed to a release.
  const build =
    major === 10 ? '; the host’s build is not reported, so its release is not known' : '';
  return `${major}.${minor} → ${known.hostPhrase}${build}`;
}

/**
 * Explains a Parameters or Auto value by name (case-insensitive). For HostingSystemOsMajor/Minor,
 * pass the other half in `pair` to explain the version. Undefined for names not in the catalogue.
 */
export function explainValue(
  name: string,
  data: Data,
  pair?: { major?: number; minor?: number },
): string | undefined {
  const lower = name.toLowerCase();
  const n = asNumber(data);
  switch (lower) {
    case 'hostingsystemosmajor':
    case 'hostingsystemosminor': {
      const major = lower === 'hostingsystemosmajor' ? n : pair?.major;
      const minor = lower === 'hostingsystemosminor' ? n : pair?.minor;
      if (major !== undefined && minor !== undefined) return explainHostVersion(major, minor);
      if (n === undefined) return `${String(data)} → not a number`;
      return lower === 'hostingsystemosmajor'
        ? `host major version ${n}`
        : `host minor version ${n}`;
    }
    case 'hostingsystemeditionid':
    case 'oseditionid':
      return n === undefined ? `${String(data)} → not a number` : describeEdition(n);
    case 'hostingsystemprocessorarchitecture':
    case 'processorarchitecture':
      return n === undefined ? `${String(data)} → not a number` : describeArchitecture(n);
    case 'hostingsystemprocessorthrottlemax':
    case 'hostingsystemprocessorthrottlemin':
      return n === undefined ? `${String(data)} → not a number` : `${n} % (presumably)`;
    case 'hostingsystemnestedlevel':
      if (n === undefined) return `${String(data)} → not a number`;
      return n === 0
        ? '0 → the host presumably runs on bare metal'
        : `${n} → the host is presumably itself a VM (nesting level ${n})`;
    case 'virtualmachinedynamicmemorybalancingenabled':
      if (n === undefined) return `${String(data)} → not a number`;
      return n === 0 ? '0 → presumably off' : `${n} → presumably on`;
    case 'osplatformid':
      return n === 1 ? '1 → unsupported Windows' : n === 2 ? '2 → supported Windows' : undefined;
    default: {
      const entry = findCatalogueEntry('Parameters', name) ?? findCatalogueEntry('Auto', name);
      return entry?.meaning;
    }
  }
}
