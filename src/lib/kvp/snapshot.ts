// RegDocument → KvpSnapshot: the facts the rules need, as plain serialisable data (a permalink
// encodes it; the report is rebuilt from it alone). Everything keeps the line it came from.

import { isKvpKeyPath } from '../reg/kvp-keys.ts';
import type { RegDocument, RegKey, RegValue } from '../reg/types.ts';
import { findCatalogueEntry } from './catalogue.ts';
import { HEX_KEPT_BYTES, commaHex } from './hex-text.ts';
import { hostVersionOf, type HostFacts, type VmFacts } from './host-view.ts';
import type { InputEncoding, InputFormat } from './input-format.ts';
import type { LinuxPools } from './linux-pools.ts';
import { readNumber, type NumberReading } from './numbers.ts';
import { AUTO_PATH, CURRENT_VERSION_PATH, PARAMETERS_PATH, comparablePath } from './paths.ts';
import { FIRST_BUILD_OF_10, type GuestKind } from './os-versions.ts';
import { GIVEN, fromLine, type Locator, type Provenance } from './provenance.ts';
import { shownTypeName, type TypeShown } from './type-shown.ts';
import { typeName as regTypeName } from '../reg/data.ts';

/** One registry value as the snapshot keeps it: no bytes, only text, numbers or a hex string. */
export interface SnapshotValue {
  /** As written in the file. */
  name: string;
  type: number;
  /** REG_SZ, REG_DWORD, …, or hex(N). */
  typeName: string;
  /** Text (SZ/EXPAND_SZ/LINK), a list (MULTI_SZ), a number (DWORD), a decimal string (QWORD), or
   * null when only the bytes make sense (then see `hex`). */
  data: string | number | string[] | null;
  /** The raw bytes as "aa,bb,…" when `data` is null: only the first HEX_KEPT_BYTES of them. */
  hex?: string;
  /** The value's length in bytes, when `hex` holds only its first HEX_KEPT_BYTES. */
  size?: number;
  line: number;
  /** For values the catalogue says are numbers: how it is stored, or why it is not a number. */
  number?: NumberReading;
  /** Every write of this name (compared case-insensitively) in the file, with its spelling, when
   * the file writes it more than once; the last one wins (reg-format.md §2.7). */
  writes?: { name: string; line: number }[];
  /** The input does not show the registry type (PowerShell output); `typeName` then says so. */
  typeShown?: TypeShown;
}

/** `not-collected`: this kind of input never carries the key (the host's WMI items carry no Guest\\Parameters). */
export type KeyState = 'present' | 'deleted' | 'absent' | 'not-collected';

export interface KeyFacts {
  state: KeyState;
  /** As first written in the file, else the canonical path. */
  path: string;
  /** The line that opened (present) or deleted (deleted) the key; null when absent. */
  line: number | null;
  values: SnapshotValue[];
  /** `"name"=-` lines that delete a value of this key. */
  deletedValues?: { name: string; line: number }[];
  /** How `line` and the values' lines are named when they are not lines of a text. */
  locator?: Locator;
}

/** A key that looks like Guest\Parameters but is not the one Windows Update reads. */
export interface LookAlikeKey {
  path: string;
  line: number;
  deleted: boolean;
  why: string;
  values: { name: string; line: number }[];
}

export interface VersionFact {
  name: string;
  value: string;
  provenance: Provenance;
}

export interface OsVersion {
  major: number;
  minor: number;
  /** Where the pair came from ('Collector': the host's own exact version, host collector). */
  from: 'Auto' | 'CurrentVersion' | 'Parameters' | 'Collector' | 'given';
  build?: string;
  productName?: string;
  /** Client or server, from Auto\\ProductType or CurrentVersion\\InstallationType, when known. */
  kind?: GuestKind;
  /** The values it was read from (or one "given by you" fact). */
  facts: VersionFact[];
}

export interface WhatIf {
  /** The guest OS as "major.minor", e.g. "6.1". */
  guestOs?: string;
  /** The host version as "major.minor", e.g. "6.4", overriding HostingSystemOsMajor/Minor. */
  hostVersion?: string;
}

export interface KvpSnapshot {
  /** Bump when the shape changes; the permalink keeps a migration ladder. */
  schema: 1;
  input: { format: InputFormat; encoding: InputEncoding };
  parameters: KeyFacts;
  auto: KeyFacts;
  /** Only the version-related values of Windows NT\CurrentVersion. */
  currentVersion: KeyFacts;
  lookAlikes: LookAlikeKey[];
  /** What the user gave (what-if), as parsed pairs. */
  given: {
    guestOs?: { major: number; minor: number };
    hostVersion?: { major: number; minor: number };
  };
  /** The guest OS the rules use: given, else CurrentVersion, else Auto; null when unknown. */
  guestOs: OsVersion | null;
  /** Every guest OS version found in the file (CurrentVersion, Auto), to spot disagreement. */
  guestOsInFile: OsVersion[];
  /** The host version the rules use: given, else the host collector's, else
   * HostingSystemOsMajor/Minor when both read as numbers. */
  hostVersion: OsVersion | null;
  /** A Linux guest's pool files (pool inputs only). */
  linux?: LinuxPools;
  /** The Hyper-V host as it describes itself (host collector only). */
  host?: HostFacts;
  /** The VM as its host sees it (host collector only). */
  vm?: VmFacts;
}

/** A value as the file gives it, without what the snapshot derives (typeName, number, hex). */
export interface ValueFacts {
  name: string;
  type: number;
  data: SnapshotValue['data'];
  /** The raw bytes, only when `data` is null (the snapshot shows them as `hex`). */
  bytes?: Uint8Array;
  line: number;
  writes?: { name: string; line: number }[];
  typeShown?: TypeShown;
}

export interface KeyFactsInFile extends Omit<KeyFacts, 'values'> {
  values: ValueFacts[];
}

/** A look-alike key without its explanation (`why` follows from the path). */
export type LookAlikeFacts = Omit<LookAlikeKey, 'why'>;

/** What a snapshot is rebuilt from: the file's facts and the what-if, nothing derived. */
export interface SnapshotFacts {
  input: KvpSnapshot['input'];
  parameters: KeyFactsInFile;
  auto: KeyFactsInFile;
  currentVersion: KeyFactsInFile;
  lookAlikes: LookAlikeFacts[];
  given: KvpSnapshot['given'];
  linux?: LinuxPools;
  host?: HostFacts;
  vm?: VmFacts;
}

/** The CurrentVersion values the snapshot keeps (the rest of that key is not about the guest OS). */
export const CURRENT_VERSION_NAMES = [
  'CurrentMajorVersionNumber',
  'CurrentMinorVersionNumber',
  'CurrentVersion',
  'CurrentBuild',
  'CurrentBuildNumber',
  'ProductName',
  'EditionID',
  'InstallationType',
];

const NUMERIC_CURRENT_VERSION = new Set(['currentmajorversionnumber', 'currentminorversionnumber']);

/** The bytes of a "aa,bb,…" string (commaHex's inverse). */
function bytesOfCommaHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.split(',').filter(Boolean), (pair) => parseInt(pair, 16));
}

function valueFactsOf(value: RegValue): ValueFacts {
  const data = value.data;
  const out: ValueFacts = {
    name: value.name,
    type: value.type,
    data: typeof data === 'bigint' ? data.toString() : data,
    line: value.line,
  };
  if (out.data === null) out.bytes = value.bytes;
  return out;
}

function toSnapshotValue(facts: ValueFacts, numeric: boolean): SnapshotValue {
  const out: SnapshotValue = {
    name: facts.name,
    type: facts.type,
    typeName: regTypeName(facts.type),
    data: facts.data,
    line: facts.line,
  };
  if (out.data === null) {
    const bytes = facts.bytes ?? new Uint8Array();
    out.hex = commaHex(bytes, HEX_KEPT_BYTES);
    if (bytes.length > HEX_KEPT_BYTES) out.size = bytes.length;
  }
  if (numeric) out.number = readNumber(out);
  if (facts.writes) out.writes = facts.writes;
  if (facts.typeShown) {
    out.typeShown = facts.typeShown;
    out.typeName = shownTypeName(facts.type, facts.typeShown, out.typeName);
    // Printed digits of a value whose type is not shown: not known to be a decimal REG_SZ.
    if (facts.typeShown === 'none' && out.number?.ok) {
      out.number = { ...out.number, storedAs: 'decimal, type not shown' };
    }
  }
  return out;
}

/** What the ops say about one key (the ops on it and on its ancestors), gathered in one pass. */
interface KeyHistory {
  wanted: string;
  /** The ops that wrote each value name (case-insensitive), in file order. */
  writes: Map<string, { name: string; line: number }[]>;
  /** The index of the last op on the key itself. */
  lastWrite: number;
  /** The last delete of the key or an ancestor. */
  lastDelete: { index: number; line: number } | null;
  /** The line that (re)opened the key after its last deletion, e.g. `[-key]` then `[key]`. */
  openedAt: number | null;
}

/**
 * The histories of `paths` in one pass over the ops, each op's path made comparable once per
 * distinct string (a key's ops share theirs): linear in the ops, however many rewrites.
 */
function keyHistories(doc: DocumentLike, paths: readonly string[]): KeyHistory[] {
  const histories: KeyHistory[] = paths.map((path) => ({
    wanted: comparablePath(path),
    writes: new Map(),
    lastWrite: -1,
    lastDelete: null,
    openedAt: null,
  }));
  const comparable = new Map<string, string>();
  doc.ops.forEach((op, index) => {
    let path = comparable.get(op.path);
    if (path === undefined) {
      path = comparablePath(op.path);
      comparable.set(op.path, path);
    }
    for (const history of histories) {
      if (op.op === 'deleteKey') {
        if (history.wanted === path || history.wanted.startsWith(`${path}\\`)) {
          history.lastDelete = { index, line: op.line };
          history.openedAt = null;
        }
        continue;
      }
      if (path !== history.wanted) continue;
      history.lastWrite = index;
      history.openedAt ??= op.line;
      if (op.op !== 'value') continue;
      const { name } = op.value;
      const lower = name.toLowerCase();
      const list = history.writes.get(lower);
      if (list) list.push({ name, line: op.line });
      else history.writes.set(lower, [{ name, line: op.line }]);
    }
  });
  return histories;
}

/**
 * The line of the delete that leaves the key deleted: the last delete of the key or an ancestor,
 * when it comes after the last write to the key (reg-format.md §2.7: `[-key]` then `[key]`
 * recreates it); null when the key stands.
 */
function deletedAt(history: KeyHistory): number | null {
  const found = history.lastDelete;
  return found && found.index > history.lastWrite ? found.line : null;
}

function findKeyIn(doc: DocumentLike, path: string): RegKey | undefined {
  const wanted = comparablePath(path);
  return doc.keys.find((key) => comparablePath(key.path) === wanted);
}

function keyFactsIn(
  doc: DocumentLike,
  path: string,
  history: KeyHistory,
  keep: (name: string) => boolean = () => true,
): KeyFactsInFile {
  const key = findKeyIn(doc, path);
  const deleteLine = deletedAt(history);
  if (deleteLine !== null || key?.deleted) {
    return {
      state: 'deleted',
      path: key?.path ?? path,
      line: deleteLine ?? key?.line ?? null,
      values: [],
    };
  }
  if (!key) return { state: 'absent', path, line: null, values: [] };
  const { writes } = history;
  const values: ValueFacts[] = [];
  const deletedValues: { name: string; line: number }[] = [];
  for (const value of key.values) {
    if (!keep(value.name)) continue;
    if (value.deleted) {
      deletedValues.push({ name: value.name, line: value.line });
      continue;
    }
    const out = valueFactsOf(value);
    const all = writes.get(value.name.toLowerCase()) ?? [];
    if (all.length > 1) out.writes = all;
    values.push(out);
  }
  const line = history.openedAt ?? key.line;
  const facts: KeyFactsInFile = { state: 'present', path: key.path, line, values };
  if (deletedValues.length > 0) facts.deletedValues = deletedValues;
  return facts;
}

/** Why a key path looks like Guest\Parameters without being it; undefined when it does not. */
export function lookAlikeReason(path: string): string | undefined {
  const p = comparablePath(path);
  const real = comparablePath(PARAMETERS_PATH);
  if (p === real) return undefined;
  if (p.startsWith(`${real}\\`)) return 'a subkey of Guest\\Parameters; its values are not read';
  if (!/\\guest\\parameter|virtualmachine\\(guest\\)?parameters/.test(p)) return undefined;
  if (p.includes('\\wow6432node\\')) {
    return 'the 32-bit registry view (Wow6432Node), not the key Windows Update reads';
  }
  if (!p.startsWith('hkey_local_machine\\')) return 'not under HKEY_LOCAL_MACHINE';
  if (p.includes('virtualmachine')) return '"VirtualMachine" without the space';
  return 'a different key name than Guest\\Parameters';
}

function lookAlikes(doc: DocumentLike): LookAlikeFacts[] {
  const out: LookAlikeFacts[] = [];
  for (const key of doc.keys) {
    // Only keys the fast path keeps too, so that scanKvp and a full parse agree (kvp-scan.ts).
    if (!isKvpKeyPath(key.path) || !lookAlikeReason(key.path)) continue;
    out.push({
      path: key.path,
      line: key.line,
      deleted: Boolean(key.deleted),
      values: key.values.filter((v) => !v.deleted).map((v) => ({ name: v.name, line: v.line })),
    });
  }
  return out;
}

function valueOf(facts: KeyFacts, name: string): SnapshotValue | undefined {
  const wanted = name.toLowerCase();
  return facts.values.find((v) => v.name.toLowerCase() === wanted);
}

function numberOf(facts: KeyFacts, name: string): { value: number; fact: VersionFact } | undefined {
  const v = valueOf(facts, name);
  if (!v) return undefined;
  const reading = v.number ?? readNumber(v);
  if (!reading.ok) return undefined;
  return {
    value: reading.value,
    fact: {
      name: v.name,
      value: String(reading.value),
      provenance: fromLine(v.line, facts.locator),
    },
  };
}

function textOf(facts: KeyFacts, name: string): { value: string; fact: VersionFact } | undefined {
  const v = valueOf(facts, name);
  if (!v || typeof v.data !== 'string') return undefined;
  return {
    value: v.data,
    fact: { name: v.name, value: v.data, provenance: fromLine(v.line, facts.locator) },
  };
}

const VERSION_TEXT = /^\s*(\d{1,3})\.(\d{1,3})(?:\.(\d+))?/;

/** Where a key keeps the guest's version: the value names to read, in order of preference. */
interface GuestOsNames {
  from: 'Auto' | 'CurrentVersion';
  major: string;
  minor: string;
  /** "major.minor[.build]" text, the fallback when the two numbers are not there. */
  version: string;
  /** Whether a third part of that text is the build (Auto's OSVersion; not CurrentVersion's). */
  versionHasBuild: boolean;
  build: string[];
  productName: string;
  /** The value that tells client from server, and how to read it. */
  kind: { name: string; read: (data: string | number) => GuestKind | undefined };
}

/**
 * Auto: OSMajorVersion/OSMinorVersion, else the first two parts of OSVersion; ProductType is
 * OSVERSIONINFOEX.wProductType: 1 workstation, 2 domain controller, 3 server
 * ("Msvm_KvpExchangeDataItem class").
 */
const AUTO_OS: GuestOsNames = {
  from: 'Auto',
  major: 'OSMajorVersion',
  minor: 'OSMinorVersion',
  version: 'OSVersion',
  versionHasBuild: true,
  build: ['OSBuildNumber'],
  productName: 'OSName',
  kind: {
    name: 'ProductType',
    read: (data) => {
      const type = Number(data);
      return type === 1 ? 'client' : type === 2 || type === 3 ? 'server' : undefined;
    },
  },
};

/**
 * CurrentVersion: CurrentMajorVersionNumber/CurrentMinorVersionNumber (Windows 10+), else
 * CurrentVersion — which Windows 10 and 11 keep at "6.3" for compatibility, so a CurrentBuild of
 * 10240 or more means 10.0 [3P: scripts note "in Win 10, CurrentVersion is still 6.3"];
 * InstallationType is "Client", "Server", "Server Core" or "Nano Server".
 */
const CURRENT_VERSION_OS: GuestOsNames = {
  from: 'CurrentVersion',
  major: 'CurrentMajorVersionNumber',
  minor: 'CurrentMinorVersionNumber',
  version: 'CurrentVersion',
  versionHasBuild: false,
  build: ['CurrentBuild', 'CurrentBuildNumber'],
  productName: 'ProductName',
  kind: {
    name: 'InstallationType',
    read: (data) => {
      const type = String(data).trim().toLowerCase();
      if (type === 'client') return 'client';
      return /^(server|server core|nano server)$/.test(type) ? 'server' : undefined;
    },
  },
};

function guestOsFrom(facts: KeyFacts, names: GuestOsNames): OsVersion | undefined {
  if (facts.state !== 'present') return undefined;
  const major = numberOf(facts, names.major);
  const minor = numberOf(facts, names.minor);
  const build = names.build.map((name) => textOf(facts, name)).find((found) => found);
  const product = textOf(facts, names.productName);
  const kindValue = valueOf(facts, names.kind.name);
  const kindData = kindValue && typeof kindValue.data !== 'object' ? kindValue.data : undefined;
  const kind = kindData === undefined ? undefined : names.kind.read(kindData);
  const kindFact: VersionFact | undefined =
    kind && kindValue
      ? {
          name: kindValue.name,
          value: String(kindData),
          provenance: fromLine(kindValue.line, facts.locator),
        }
      : undefined;
  const extra = [build?.fact, product?.fact, kindFact].filter(
    (f): f is VersionFact => f !== undefined,
  );
  let os: OsVersion;
  if (major && minor) {
    os = {
      major: major.value,
      minor: minor.value,
      from: names.from,
      facts: [major.fact, minor.fact, ...extra],
    };
  } else {
    const version = textOf(facts, names.version);
    const match = version ? VERSION_TEXT.exec(version.value) : null;
    if (!version || !match) return undefined;
    os = {
      major: Number(match[1]),
      minor: Number(match[2]),
      from: names.from,
      facts: [version.fact, ...extra],
    };
    if (names.versionHasBuild && match[3] !== undefined) os.build = match[3];
    const buildNumber = Number(build?.value ?? os.build);
    if (os.major === 6 && os.minor === 3 && buildNumber >= FIRST_BUILD_OF_10) {
      os.major = 10;
      os.minor = 0;
    }
  }
  if (build) os.build = build.value;
  if (product) os.productName = product.value;
  if (kind) os.kind = kind;
  return os;
}

function hostFromParameters(parameters: KeyFacts): OsVersion | null {
  if (parameters.state !== 'present') return null;
  const major = numberOf(parameters, 'HostingSystemOsMajor');
  const minor = numberOf(parameters, 'HostingSystemOsMinor');
  if (!major || !minor) return null;
  return {
    major: major.value,
    minor: minor.value,
    from: 'Parameters',
    facts: [major.fact, minor.fact],
  };
}

function givenOs(pair: { major: number; minor: number }, name: string): OsVersion {
  return {
    major: pair.major,
    minor: pair.minor,
    from: 'given',
    facts: [{ name, value: `${pair.major}.${pair.minor}`, provenance: GIVEN }],
  };
}

/** Recomputes the derived parts (guestOs, hostVersion) from the file facts and what was given. */
export function resolveSnapshot(snapshot: KvpSnapshot): KvpSnapshot {
  const { given } = snapshot;
  return {
    ...snapshot,
    guestOs: given.guestOs
      ? givenOs(given.guestOs, 'guest OS')
      : (snapshot.guestOsInFile[0] ?? null),
    hostVersion: given.hostVersion
      ? givenOs(given.hostVersion, 'host version')
      : ((snapshot.host && hostVersionOf(snapshot.host)) ??
        hostFromParameters(snapshot.parameters)),
  };
}

/** Applies what-if inputs (already parsed) to a snapshot; the file facts stay as they are. */
export function withGiven(snapshot: KvpSnapshot, given: KvpSnapshot['given']): KvpSnapshot {
  const merged: KvpSnapshot['given'] = { ...snapshot.given };
  if (given.guestOs) merged.guestOs = given.guestOs;
  if (given.hostVersion) merged.hostVersion = given.hostVersion;
  return resolveSnapshot({ ...snapshot, given: merged });
}

function isNumericParameter(name: string): boolean {
  return findCatalogueEntry('Parameters', name)?.kind === 'number';
}

function isNumericAuto(name: string): boolean {
  return findCatalogueEntry('Auto', name)?.kind === 'number';
}

function isNumericCurrentVersion(name: string): boolean {
  return NUMERIC_CURRENT_VERSION.has(name.toLowerCase());
}

function assembleKey(facts: KeyFactsInFile, isNumeric: (name: string) => boolean): KeyFacts {
  const { values, ...rest } = facts;
  return { ...rest, values: values.map((v) => toSnapshotValue(v, isNumeric(v.name))) };
}

// Only hand-made facts (never a file's) hold a look-alike path that lookAlikeReason does not know.
const NOT_READ = 'not the key Windows Update reads';

/** The one derivation from file facts (and what-if) to a snapshot; links rebuild with it too. */
export function assembleSnapshot(facts: SnapshotFacts): KvpSnapshot {
  const parameters = assembleKey(facts.parameters, isNumericParameter);
  const auto = assembleKey(facts.auto, isNumericAuto);
  const currentVersion = assembleKey(facts.currentVersion, isNumericCurrentVersion);
  // CurrentVersion is the running OS's own record (what Windows Update sees); Auto is what the
  // integration services last reported to the host, so it comes second.
  const guestOsInFile = [
    guestOsFrom(currentVersion, CURRENT_VERSION_OS),
    guestOsFrom(auto, AUTO_OS),
  ].filter((os): os is OsVersion => os !== undefined);
  return resolveSnapshot({
    schema: 1,
    input: { ...facts.input },
    parameters,
    auto,
    currentVersion,
    lookAlikes: facts.lookAlikes.map((k) => ({ ...k, why: lookAlikeReason(k.path) ?? NOT_READ })),
    given: { ...facts.given },
    guestOs: null,
    guestOsInFile,
    hostVersion: null,
    ...inputParts(facts),
  });
}

/** The parts only some inputs have (pool files, the host collector), when there. */
function inputParts(from: Pick<SnapshotFacts, 'linux' | 'host' | 'vm'>) {
  return {
    ...(from.linux ? { linux: from.linux } : {}),
    ...(from.host ? { host: from.host } : {}),
    ...(from.vm ? { vm: from.vm } : {}),
  };
}

function keyFactsOf(key: KeyFacts): KeyFactsInFile {
  const { values, ...rest } = key;
  return {
    ...rest,
    values: values.map((v) => {
      const out: ValueFacts = { name: v.name, type: v.type, data: v.data, line: v.line };
      if (v.data === null) out.bytes = bytesOfCommaHex(v.hex ?? '');
      if (v.writes) out.writes = v.writes;
      if (v.typeShown) out.typeShown = v.typeShown;
      return out;
    }),
  };
}

/** The facts a snapshot was assembled from (assembleSnapshot's inverse). */
export function snapshotFacts(snapshot: KvpSnapshot): SnapshotFacts {
  return {
    input: { ...snapshot.input },
    parameters: keyFactsOf(snapshot.parameters),
    auto: keyFactsOf(snapshot.auto),
    currentVersion: keyFactsOf(snapshot.currentVersion),
    lookAlikes: snapshot.lookAlikes.map(({ why: _why, ...rest }) => rest),
    given: { ...snapshot.given },
    ...inputParts(snapshot),
  };
}

/** The ops and keys of a registry document; any reader that maps its input onto the document model. */
export type DocumentLike = Pick<RegDocument, 'ops' | 'keys'>;

/**
 * A document's facts, as the file gives them; `input` names the reader (a .reg export's own
 * format, or `reg query` and PowerShell text mapped onto the document model).
 */
export function documentFacts(doc: DocumentLike, input: SnapshotFacts['input']): SnapshotFacts {
  const wantedCv = new Set(CURRENT_VERSION_NAMES.map((n) => n.toLowerCase()));
  const paths = [PARAMETERS_PATH, AUTO_PATH, CURRENT_VERSION_PATH];
  const [parameters, auto, currentVersion] = keyHistories(doc, paths) as [
    KeyHistory,
    KeyHistory,
    KeyHistory,
  ];
  return {
    input: { ...input },
    parameters: keyFactsIn(doc, PARAMETERS_PATH, parameters),
    auto: keyFactsIn(doc, AUTO_PATH, auto),
    currentVersion: keyFactsIn(doc, CURRENT_VERSION_PATH, currentVersion, (name) =>
      wantedCv.has(name.toLowerCase()),
    ),
    lookAlikes: lookAlikes(doc),
    given: {},
  };
}

export function buildSnapshot(doc: RegDocument): KvpSnapshot {
  return assembleSnapshot(documentFacts(doc, { format: doc.format, encoding: doc.encoding }));
}

/** A value of a key, compared case-insensitively. */
export function snapshotValue(facts: KeyFacts, name: string): SnapshotValue | undefined {
  return valueOf(facts, name);
}
