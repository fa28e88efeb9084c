// The one way rules read a snapshot: a value by name (indexed once, compared without case), as a
// number, as shown, with its evidence; and the guest OS and host version with the what-if taking
// precedence — recorded, so that every result and verdict resting on a what-if value says so.

import { describeGuest, describeOsVersion } from '../kvp/os-versions.ts';
import type { GuestIdentity } from '../kvp/supported-guests.ts';
import { readNumber } from '../kvp/numbers.ts';
import { describeLocation, describeProvenance, type Locator } from '../kvp/provenance.ts';
import type {
  KeyFacts,
  KvpSnapshot,
  OsVersion,
  SnapshotValue,
  VersionFact,
} from '../kvp/snapshot.ts';
import type { Evidence } from './types.ts';

/** "6 (REG_DWORD)", "\"ten\" (REG_SZ)", "hex:01,00 (REG_BINARY)". */
export function showValue(value: SnapshotValue): string {
  const { data } = value;
  const shown =
    data === null
      ? `hex:${value.hex ?? ''}`
      : typeof data === 'number'
        ? String(data)
        : Array.isArray(data)
          ? JSON.stringify(data)
          : `"${data}"`;
  return `${shown} (${value.typeName})`;
}

export type NumberRead =
  | { ok: true; value: number; evidence: Evidence }
  | { ok: false; problem: 'missing' | 'not-a-number'; why: string; evidence: Evidence };

/** One key of the snapshot, read by name. */
export class KeyView {
  readonly facts: KeyFacts;
  private readonly byName = new Map<string, SnapshotValue>();

  constructor(facts: KeyFacts) {
    this.facts = facts;
    // The last of several spellings wins, as on import; the snapshot holds one per name anyway.
    for (const value of facts.values) this.byName.set(value.name.toLowerCase(), value);
  }

  get state(): KeyFacts['state'] {
    return this.facts.state;
  }

  get values(): readonly SnapshotValue[] {
    return this.facts.values;
  }

  get locator(): Locator | undefined {
    return (this.facts as KeyFacts & { locator?: Locator }).locator;
  }

  /** "line 12", "record 4 of .kvp_pool_3", … */
  where(line: number): string {
    return describeLocation(line, this.locator);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  value(name: string): SnapshotValue | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The value's text, when it is text. */
  text(name: string): string | undefined {
    const data = this.value(name)?.data;
    return typeof data === 'string' ? data : undefined;
  }

  number(name: string, expected = 'a number'): NumberRead {
    const value = this.value(name);
    const evidence = this.evidence(name, expected);
    if (!value) return { ok: false, problem: 'missing', why: `${name} is not there`, evidence };
    const reading = value.number ?? readNumber(value);
    if (!reading.ok)
      return {
        ok: false,
        problem: 'not-a-number',
        why: `${value.name} is ${reading.why}`,
        evidence,
      };
    return { ok: true, value: reading.value, evidence };
  }

  /** The number, or undefined when missing or unreadable. */
  numberOrUndefined(name: string): number | undefined {
    const read = this.number(name);
    return read.ok ? read.value : undefined;
  }

  /** Evidence for a value of this key; a missing value says so. */
  evidence(name: string, expected: string): Evidence {
    const value = this.value(name);
    if (!value)
      return { name, actual: '(missing)', expected, source: this.absentSource(), line: null };
    return {
      name: value.name,
      actual: showValue(value),
      expected,
      source: this.where(value.line),
      line: value.line,
    };
  }

  /** Evidence for the key itself (present, deleted, absent, not collected). */
  keyEvidence(expected: string): Evidence {
    const { path, state, line } = this.facts;
    return {
      name: path,
      actual: state === 'not-collected' ? 'not in this kind of input' : state,
      expected,
      source: line === null ? this.absentSource() : this.where(line),
      line,
    };
  }

  private absentSource(): string {
    return this.facts.state === 'not-collected' ? 'not collected' : 'not in the file';
  }
}

/** A version the rules use: what it is, its evidence, and the what-if it rests on, if any. */
export interface VersionRead {
  major: number;
  minor: number;
  os: OsVersion;
  evidence: Evidence[];
  /** Given by the user (what-if), not read from the input. */
  given: boolean;
}

function factEvidence(fact: VersionFact, expected: string): Evidence {
  return {
    name: fact.name,
    actual: fact.value,
    expected,
    source: describeProvenance(fact.provenance),
    line: fact.provenance.kind === 'file' ? fact.provenance.line : null,
  };
}

/** Where Windows Update reads the host's version (HostingSystemOsMajor/Minor in Guest\\Parameters). */
export const HOST_VERSION_NAMES = ['HostingSystemOsMajor', 'HostingSystemOsMinor'] as const;

function pair(os: { major: number; minor: number }): string {
  return `${os.major}.${os.minor}`;
}

/** The snapshot as rules read it. One per analysis; the engine collects what-if reads per rule. */
export class SnapshotView {
  readonly snapshot: Readonly<KvpSnapshot>;
  readonly parameters: KeyView;
  readonly auto: KeyView;
  readonly currentVersion: KeyView;
  private readonly reads = new Set<string>();

  constructor(snapshot: KvpSnapshot) {
    this.snapshot = snapshot;
    this.parameters = new KeyView(snapshot.parameters);
    this.auto = new KeyView(snapshot.auto);
    this.currentVersion = new KeyView(snapshot.currentVersion);
  }

  /** The what-if values read since the last call, in words; clears the record. */
  takeAssumed(): string[] {
    const assumed = [...this.reads];
    this.reads.clear();
    return assumed;
  }

  /** The guest OS: the what-if when given (recorded), else what the input says; null when unknown. */
  guestOs(expected = 'a Windows version'): VersionRead | null {
    const os = this.snapshot.guestOs;
    if (!os) return null;
    const given = os.from === 'given';
    if (given) {
      const inFile = this.snapshot.guestOsInFile[0];
      this.reads.add(
        `guest OS ${pair(os)} (${inFile ? `the file says ${pair(inFile)}` : 'the file does not say'})`,
      );
    }
    const key =
      os.from === 'Auto' ? this.auto : os.from === 'CurrentVersion' ? this.currentVersion : null;
    const evidence = os.facts
      .slice(0, 2)
      .map((fact) =>
        key?.has(fact.name) ? key.evidence(fact.name, expected) : factEvidence(fact, expected),
      );
    return { major: os.major, minor: os.minor, os, evidence, given };
  }

  /** The guest OS as read from the input alone. */
  guestOsInInput(): OsVersion | null {
    return this.snapshot.guestOsInFile[0] ?? null;
  }

  /**
   * The host version: the what-if when given (recorded), else HostingSystemOsMajor/Minor; null
   * when neither — `fileHostVersion` says why.
   */
  hostVersion(expected = 'a Windows version'): VersionRead | null {
    const host = this.snapshot.hostVersion;
    if (!host) return null;
    const given = host.from === 'given';
    if (given) {
      const inFile = this.fileHostVersion();
      this.reads.add(
        `host version ${pair(host)} (${inFile.ok ? `the file says ${pair(inFile)}` : 'the file has none'})`,
      );
    }
    // The host's own version (a collector file) is one fact; one read from Guest\Parameters
    // shows both values as stored; a given one stands in for both.
    const evidence =
      host.from === 'Collector'
        ? host.facts.map((fact) => factEvidence(fact, expected))
        : given
          ? HOST_VERSION_NAMES.map((name, i) => ({
              name,
              actual: String(i === 0 ? host.major : host.minor),
              expected,
              source: 'given by you',
              line: null,
            }))
          : HOST_VERSION_NAMES.map((name) => this.parameters.evidence(name, expected));
    return { major: host.major, minor: host.minor, os: host, evidence, given };
  }

  /** HostingSystemOsMajor/Minor as the input has them, whatever the what-if says. */
  fileHostVersion(
    expected = 'a Windows version',
  ):
    | { ok: true; major: number; minor: number; evidence: Evidence[] }
    | { ok: false; why: string; evidence: Evidence[] } {
    const major = this.parameters.number(HOST_VERSION_NAMES[0], expected);
    const minor = this.parameters.number(HOST_VERSION_NAMES[1], expected);
    const evidence = [major.evidence, minor.evidence];
    if (!major.ok) return { ok: false, why: major.why, evidence };
    if (!minor.ok) return { ok: false, why: minor.why, evidence };
    return { ok: true, major: major.value, minor: minor.value, evidence };
  }

  /** The VM's name as the host knows it (its own view, else VirtualMachineName), for fixes. */
  vmName(): string | null {
    const name = this.snapshot.vm?.name ?? this.parameters.text('VirtualMachineName');
    return name === undefined || name.trim() === '' ? null : name;
  }
}

/** "10.0.20348 — Windows Server 2022", as exactly as the guest's values allow. */
export function describeGuestOs(os: OsVersion): string {
  if (os.from === 'given') return describeOsVersion(os.major, os.minor);
  const { major, minor, build, kind } = guestIdentity(os);
  return describeGuest(major, minor, build, kind);
}

/** "from line 12", "from record 4 of .kvp_pool_3", "as given by you": where a fact came from. */
export function fromPhrase(evidence: Evidence | undefined): string {
  if (!evidence) return '';
  return evidence.source === 'given by you' ? 'as given by you' : `from ${evidence.source}`;
}

/** The guest as the supported-guest tables tell guests apart. */
export function guestIdentity(os: OsVersion): GuestIdentity {
  const identity: GuestIdentity = { major: os.major, minor: os.minor };
  if (os.kind) identity.kind = os.kind;
  if (os.build !== undefined && /^\d+$/.test(os.build)) identity.build = Number(os.build);
  return identity;
}
