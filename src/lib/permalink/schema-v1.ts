// Link format v1: SnapshotFacts ⇄ bytes. The schema knows the shape, so no field names travel.
//
//   payload   = format:u8 encoding:u8 given key(Parameters) key(Auto) key(CurrentVersion)
//               count lookAlike*                                     (nothing may follow)
//   given     = flags:u8 (1 guest OS, 2 host version), then major, minor varints for each
//   key       = flags:u8 (bits 0–1 state, 4 has line, 8 has deletedValues) pathRef [line]
//               count value* [count (nameRef line)*]
//   value     = nameRef flags:u8 [type:varint] [line] data [count (nameRef line)*]
//               flags: bits 0–2 data kind, 8 has writes, bits 4–5 type (0 follows as a varint,
//               1 REG_SZ, 2 REG_DWORD, 3 REG_BINARY), 64 on the line after the one before
//               (else the line follows) — the usual value costs two bytes before its data
//   lookAlike = pathRef line deleted:u8 count (nameRef line)*
//   nameRef   = varint: 0 then text, or 1 + index in VALUE_NAMES_V1
//   pathRef   = varint: 0 then text, or 1 + index in KEY_PATHS_V1
//   line      = zigzag varint: the difference from the line written before it
//   text      = varint(byte length × 2 + form) bytes: form 0 UTF-8, 1 UTF-16LE (lone surrogates)
//
// The tables below are frozen for v1: a v1 link names values by position in them. Append only.

import { comparablePath } from '../kvp/paths.ts';
import {
  CURRENT_VERSION_NAMES,
  lookAlikeReason,
  type KeyFactsInFile,
  type KeyState,
  type LookAlikeFacts,
  type SnapshotFacts,
  type ValueFacts,
} from '../kvp/snapshot.ts';
import type { InputEncoding, InputFormat } from '../kvp/input-format.ts';
import {
  REG_BINARY,
  REG_DWORD,
  REG_DWORD_BIG_ENDIAN,
  REG_EXPAND_SZ,
  REG_LINK,
  REG_MULTI_SZ,
  REG_QWORD,
  REG_SZ,
} from '../reg/data.ts';
import { BinaryReader } from './binary-reader.ts';
import { BinaryWriter } from './binary-writer.ts';
import { formatGuid, parseGuid } from './guid.ts';
import { KEY_LABELS, LinkBudget } from './link-limits.ts';
import { PayloadError } from './payload-error.ts';

/** Guest\Parameters and Auto as the catalogue spells them, then the CurrentVersion names kept. */
export const VALUE_NAMES_V1: readonly string[] = [
  'HostName',
  'PhysicalHostName',
  'PhysicalHostNameFullyQualified',
  'VirtualMachineName',
  'VirtualMachineId',
  'HostingSystemEditionId',
  'HostingSystemOsMajor',
  'HostingSystemOsMinor',
  'HostingSystemSpMajor',
  'HostingSystemSpMinor',
  'HostingSystemProcessorArchitecture',
  'HostingSystemNestedLevel',
  'HostingSystemProcessorIdleStateMax',
  'HostingSystemProcessorThrottleMax',
  'HostingSystemProcessorThrottleMin',
  'VirtualMachineDynamicMemoryBalancingEnabled',
  'CSDVersion',
  'FullyQualifiedDomainName',
  'IntegrationServicesVersion',
  'NetworkAddressIPv4',
  'NetworkAddressIPv6',
  'OSBuildNumber',
  'OSEditionId',
  'OSName',
  'OSMajorVersion',
  'OSMinorVersion',
  'OSPlatformId',
  'OSVersion',
  'ProcessorArchitecture',
  'ProductType',
  'RDPAddressIPv4',
  'RDPAddressIPv6',
  'ServicePackMajor',
  'ServicePackMinor',
  'SuiteMask',
  'CurrentMajorVersionNumber',
  'CurrentMinorVersionNumber',
  'CurrentVersion',
  'CurrentBuild',
  'CurrentBuildNumber',
  'ProductName',
  'EditionID',
  'InstallationType',
];

/** The three keys as paths.ts spells them (regedit writes them so). */
export const KEY_PATHS_V1: readonly string[] = [
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
];

// The inputs v1 can carry: .reg exports only (other formats need v2).
export const FORMATS: readonly InputFormat[] = ['regedit5', 'regedit4', 'regedit-other', 'none'];
export const ENCODINGS: readonly InputEncoding[] = [
  'utf-16le',
  'utf-16be',
  'utf-8',
  'windows-1252',
];
const STATES: readonly KeyState[] = ['absent', 'present', 'deleted'];

const DataKind = {
  Bytes: 0,
  Text: 1,
  Guid: 2,
  Number: 3,
  /** Text that is a canonical decimal number ("9200"), carried as that number. */
  Decimal: 4,
  List: 5,
} as const;
type DataKind = (typeof DataKind)[keyof typeof DataKind];

const KIND_MASK = 0x07;
const HAS_WRITES = 0x08;
const TYPE_SHIFT = 4;
const TYPE_MASK = 0x30;
/** Type codes 1–3 in the flags; code 0 means the type follows. */
const SHORT_TYPES = [REG_SZ, REG_DWORD, REG_BINARY];
const NEXT_LINE = 0x40;
const KEY_HAS_LINE = 0x04;
const KEY_HAS_DELETED = 0x08;
const GIVEN_GUEST_OS = 0x01;
const GIVEN_HOST_VERSION = 0x02;
const GUID_BRACES = 0x01;
const GUID_UPPER = 0x02;

/** Lines are 1-based physical lines of a file a V8 string can hold: far below 2^32. */
const MAX_LINE = 0xffffffff;
const DECIMAL = /^(0|[1-9][0-9]{0,14})$/;

function indexOf(table: readonly string[]): Map<string, number> {
  return new Map(table.map((entry, index) => [entry, index]));
}
const NAME_INDEX = indexOf(VALUE_NAMES_V1);
const PATH_INDEX = indexOf(KEY_PATHS_V1);

// ---- encoding -----------------------------------------------------------------------------------

function kindOf(data: ValueFacts['data']): DataKind {
  if (data === null) return DataKind.Bytes;
  if (typeof data === 'number') return DataKind.Number;
  if (Array.isArray(data)) return DataKind.List;
  if (DECIMAL.test(data)) return DataKind.Decimal;
  return parseGuid(data) ? DataKind.Guid : DataKind.Text;
}

class FactsWriter {
  readonly out = new BinaryWriter();
  #line = 0;

  line(line: number): void {
    if (!Number.isInteger(line) || line < 0 || line > MAX_LINE) {
      throw new RangeError(`a line number must be 0…${MAX_LINE}, not ${line}`);
    }
    this.out.signed(line - this.#line);
    this.#line = line;
  }

  ref(text: string, index: Map<string, number>): void {
    const at = index.get(text);
    if (at === undefined) {
      this.out.varint(0);
      this.out.text(text);
    } else {
      this.out.varint(at + 1);
    }
  }

  named(entries: readonly { name: string; line: number }[]): void {
    this.out.varint(entries.length);
    for (const entry of entries) {
      this.ref(entry.name, NAME_INDEX);
      this.line(entry.line);
    }
  }

  value(value: ValueFacts): void {
    const { out } = this;
    this.ref(value.name, NAME_INDEX);
    const kind = kindOf(value.data);
    const typeCode = SHORT_TYPES.indexOf(value.type) + 1;
    const nextLine = value.line === this.#line + 1;
    out.byte(
      kind |
        (value.writes ? HAS_WRITES : 0) |
        (typeCode << TYPE_SHIFT) |
        (nextLine ? NEXT_LINE : 0),
    );
    if (typeCode === 0) out.varint(value.type);
    if (nextLine) this.#line = value.line;
    else this.line(value.line);
    const { data } = value;
    if (data === null) out.blob(value.bytes ?? new Uint8Array());
    else if (typeof data === 'number') out.varint(data);
    else if (Array.isArray(data)) {
      out.varint(data.length);
      for (const item of data) out.text(item);
    } else if (kind === DataKind.Decimal) out.varint(Number(data));
    else if (kind === DataKind.Guid) {
      const guid = parseGuid(data);
      if (!guid) throw new Error('unreachable: a GUID that does not parse');
      out.byte((guid.form.braces ? GUID_BRACES : 0) | (guid.form.upper ? GUID_UPPER : 0));
      out.raw(guid.bytes);
    } else out.text(data);
    if (value.writes) this.named(value.writes);
  }

  key(key: KeyFactsInFile): void {
    const { out } = this;
    const flags =
      STATES.indexOf(key.state) |
      (key.line !== null ? KEY_HAS_LINE : 0) |
      (key.deletedValues ? KEY_HAS_DELETED : 0);
    out.byte(flags);
    this.ref(key.path, PATH_INDEX);
    if (key.line !== null) this.line(key.line);
    out.varint(key.values.length);
    for (const value of key.values) this.value(value);
    if (key.deletedValues) this.named(key.deletedValues);
  }

  lookAlike(key: LookAlikeFacts): void {
    this.ref(key.path, PATH_INDEX);
    this.line(key.line);
    this.out.byte(key.deleted ? 1 : 0);
    this.named(key.values);
  }
}

export function encodeFactsV1(facts: SnapshotFacts): Uint8Array {
  const writer = new FactsWriter();
  const { out } = writer;
  out.byte(FORMATS.indexOf(facts.input.format));
  out.byte(ENCODINGS.indexOf(facts.input.encoding));
  const { guestOs, hostVersion } = facts.given;
  out.byte((guestOs ? GIVEN_GUEST_OS : 0) | (hostVersion ? GIVEN_HOST_VERSION : 0));
  for (const pair of [guestOs, hostVersion]) {
    if (!pair) continue;
    out.varint(pair.major);
    out.varint(pair.minor);
  }
  writer.key(facts.parameters);
  writer.key(facts.auto);
  writer.key(facts.currentVersion);
  out.varint(facts.lookAlikes.length);
  for (const key of facts.lookAlikes) writer.lookAlike(key);
  return out.finish();
}

// ---- decoding -----------------------------------------------------------------------------------
//
// The decoder accepts exactly what the encoder writes for a snapshot of a file (snapshot.ts
// buildSnapshot), so that whatever opens can be shown as a file would be: one value per name in
// a key (names compare case-insensitively, as in the registry) and one per line, earlier writes
// in file order ending with the value itself, data of a kind its type gives, numbers in range;
// and no more than link-limits.ts allows, refused by the counts before anything is read.

/** The fewest bytes an item takes, so that a count the bytes left cannot hold is refused early. */
const MIN_VALUE_BYTES = 3; // nameRef, flags, data (a line can be the flags' NEXT_LINE)
const MIN_NAMED_BYTES = 2; // nameRef, line
const MIN_LOOK_ALIKE_BYTES = 4; // pathRef, line, deleted, count
const MIN_TEXT_BYTES = 1;
/** parseMajorMinor: up to three digits each. */
const MAX_WHAT_IF = 999;
const MAX_DWORD = 0xffffffff;
const MAX_DECIMAL = 999_999_999_999_999; // DECIMAL's 15 digits
const MAX_QWORD = 18446744073709551615n;
/** A REG_QWORD too large for Decimal travels as Text: its canonical decimal, 16–20 digits. */
const QWORD_TEXT = /^[1-9][0-9]{15,19}$/;
const TEXT_TYPES = [REG_SZ, REG_EXPAND_SZ, REG_LINK];
const CURRENT_VERSION_KEPT = new Set(CURRENT_VERSION_NAMES.map((n) => n.toLowerCase()));

export function pick<T>(table: readonly T[], index: number, what: string): T {
  const entry = table[index];
  if (entry === undefined) throw new PayloadError(`an unknown ${what}`);
  return entry;
}

/** Whether `data` is what decodeData gives for `type` (and kindOf then picks `kind`). */
function fitsType(type: number, kind: DataKind, value: ValueFacts): boolean {
  const { data } = value;
  switch (kind) {
    case DataKind.Bytes: {
      const length = value.bytes?.length ?? 0;
      if (TEXT_TYPES.includes(type) || type === REG_MULTI_SZ) return false;
      if (type === REG_DWORD || type === REG_DWORD_BIG_ENDIAN) return length !== 4;
      return type !== REG_QWORD || length !== 8;
    }
    case DataKind.Number:
      return (type === REG_DWORD || type === REG_DWORD_BIG_ENDIAN) && (data as number) <= MAX_DWORD;
    case DataKind.Decimal:
      return (TEXT_TYPES.includes(type) || type === REG_QWORD) && Number(data) <= MAX_DECIMAL;
    case DataKind.Guid:
      return TEXT_TYPES.includes(type);
    case DataKind.Text:
      if (kindOf(data) !== DataKind.Text) return false; // written as a GUID or a decimal
      if (type !== REG_QWORD) return TEXT_TYPES.includes(type);
      return QWORD_TEXT.test(data as string) && BigInt(data as string) <= MAX_QWORD;
    case DataKind.List:
      return type === REG_MULTI_SZ;
  }
}

/** One key's names (case-insensitively) and lines: each may appear once. */
class KeyEntries {
  readonly #names = new Set<string>();
  readonly #lines = new Set<number>();

  add(name: string, line: number): void {
    const lower = name.toLowerCase();
    if (this.#names.has(lower)) throw new PayloadError('two values of one key with one name');
    if (this.#lines.has(line)) throw new PayloadError('two values of one key on one line');
    this.#names.add(lower);
    this.#lines.add(line);
  }
}

class FactsReader {
  readonly in: BinaryReader;
  #line = 0;
  readonly #budget = new LinkBudget();

  constructor(payload: Uint8Array) {
    this.in = new BinaryReader(payload);
  }

  line(): number {
    const line = this.#line + this.in.signed();
    if (line < 0 || line > MAX_LINE) throw new PayloadError('a line number out of range');
    this.#line = line;
    return line;
  }

  nextLine(): number {
    if (this.#line >= MAX_LINE) throw new PayloadError('a line number out of range');
    return ++this.#line;
  }

  ref(table: readonly string[], what: string): string {
    const at = this.in.varint();
    return at === 0 ? this.in.text() : pick(table, at - 1, what);
  }

  /** A count of items of at least `minBytes` each, within the limits for `key`'s values. */
  count(minBytes: number, key?: string, before = 0): number {
    const count = this.in.count(minBytes);
    this.#budget.take(count, key, before);
    return count;
  }

  named(key?: string, before = 0): { name: string; line: number }[] {
    const count = this.count(MIN_NAMED_BYTES, key, before);
    const out: { name: string; line: number }[] = [];
    for (let i = 0; i < count; i++) {
      const name = this.ref(VALUE_NAMES_V1, 'value name');
      out.push({ name, line: this.line() });
    }
    return out;
  }

  value(): ValueFacts {
    const { in: input } = this;
    const name = this.ref(VALUE_NAMES_V1, 'value name');
    const flags = input.byte();
    if ((flags & ~(KIND_MASK | HAS_WRITES | TYPE_MASK | NEXT_LINE)) !== 0) {
      throw new PayloadError('unknown value flags');
    }
    const typeCode = (flags & TYPE_MASK) >> TYPE_SHIFT;
    const type = typeCode === 0 ? input.varint() : pick(SHORT_TYPES, typeCode - 1, 'type');
    // A short type is never written as a varint: one spelling per value.
    if (type > 0xffffffff || (typeCode === 0 && SHORT_TYPES.includes(type))) {
      throw new PayloadError('a registry type out of range');
    }
    const line = flags & NEXT_LINE ? this.nextLine() : this.line();
    const value: ValueFacts = { name, type, data: null, line };
    const kind = (flags & KIND_MASK) as DataKind;
    switch (kind) {
      case DataKind.Bytes:
        value.bytes = input.blob();
        break;
      case DataKind.Text:
        value.data = input.text();
        break;
      case DataKind.Guid: {
        const form = input.byte();
        if ((form & ~(GUID_BRACES | GUID_UPPER)) !== 0) throw new PayloadError('unknown GUID form');
        const braces = (form & GUID_BRACES) !== 0;
        value.data = formatGuid(input.raw(16), { braces, upper: (form & GUID_UPPER) !== 0 });
        break;
      }
      case DataKind.Number:
        value.data = input.varint();
        break;
      case DataKind.Decimal:
        value.data = String(input.varint());
        break;
      case DataKind.List: {
        const count = input.count(MIN_TEXT_BYTES);
        const list: string[] = [];
        for (let i = 0; i < count; i++) list.push(input.text());
        value.data = list;
        break;
      }
      default:
        throw new PayloadError('an unknown kind of data');
    }
    if (!fitsType(type, kind, value)) throw new PayloadError('data that its type cannot hold');
    if (flags & HAS_WRITES) value.writes = this.writes(value);
    return value;
  }

  /** The writes of `value`: more than one, in file order, of its name, the last one itself. */
  writes(value: ValueFacts): { name: string; line: number }[] {
    const writes = this.named();
    const lower = value.name.toLowerCase();
    let line = -1;
    for (const write of writes) {
      if (write.name.toLowerCase() !== lower) throw new PayloadError('a write of another name');
      if (write.line <= line) throw new PayloadError('writes out of file order');
      line = write.line;
    }
    if (writes.length < 2 || line !== value.line) {
      throw new PayloadError('writes that do not end with the value');
    }
    return writes;
  }

  key(expectedPath: string, label: string, keep?: ReadonlySet<string>): KeyFactsInFile {
    const { in: input } = this;
    const flags = input.byte();
    if ((flags & ~(0x03 | KEY_HAS_LINE | KEY_HAS_DELETED)) !== 0) {
      throw new PayloadError('unknown key flags');
    }
    const state = pick(STATES, flags & 0x03, 'key state');
    const path = this.ref(KEY_PATHS_V1, 'key path');
    // An absent key keeps the canonical path; a key found in the file, its own spelling of it.
    if (
      state === 'absent'
        ? path !== expectedPath
        : comparablePath(path) !== comparablePath(expectedPath)
    ) {
      throw new PayloadError('a key path that is not the key');
    }
    const line = flags & KEY_HAS_LINE ? this.line() : null;
    if ((line === null) !== (state === 'absent')) throw new PayloadError('a key line out of place');
    const count = this.count(MIN_VALUE_BYTES, label);
    if (count > 0 && state !== 'present') throw new PayloadError('values of a key not present');
    const entries = new KeyEntries();
    const values: ValueFacts[] = [];
    for (let i = 0; i < count; i++) {
      const value = this.value();
      if (keep && !keep.has(value.name.toLowerCase())) {
        throw new PayloadError('a value the snapshot does not keep');
      }
      entries.add(value.name, value.line);
      values.push(value);
    }
    const key: KeyFactsInFile = { state, path, line, values };
    if (flags & KEY_HAS_DELETED) {
      const deleted = this.named(label, count);
      if (deleted.length === 0 || state !== 'present') {
        throw new PayloadError('deleted values out of place');
      }
      for (const value of deleted) {
        if (keep && !keep.has(value.name.toLowerCase())) {
          throw new PayloadError('a value the snapshot does not keep');
        }
        entries.add(value.name, value.line);
      }
      key.deletedValues = deleted;
    }
    return key;
  }

  lookAlike(): LookAlikeFacts {
    const path = this.ref(KEY_PATHS_V1, 'key path');
    // A look-alike is a key the snapshot would have found as one; anything else was made up.
    if (lookAlikeReason(path) === undefined) throw new PayloadError('not a look-alike key path');
    const line = this.line();
    const deleted = this.in.byte();
    if (deleted > 1) throw new PayloadError('a flag that is neither 0 nor 1');
    const values = this.named(path);
    // A deleted key holds no values (the fold drops them).
    if (deleted === 1 && values.length > 0) throw new PayloadError('values of a deleted key');
    const entries = new KeyEntries();
    for (const value of values) entries.add(value.name, value.line);
    return { path, line, deleted: deleted === 1, values };
  }
}

/** Throws PayloadError when the bytes are not a v1 payload, down to the last byte. */
export function decodeFactsV1(payload: Uint8Array): SnapshotFacts {
  const reader = new FactsReader(payload);
  const { in: input } = reader;
  const format = pick(FORMATS, input.byte(), 'format');
  const encoding = pick(ENCODINGS, input.byte(), 'encoding');
  const givenFlags = input.byte();
  if ((givenFlags & ~(GIVEN_GUEST_OS | GIVEN_HOST_VERSION)) !== 0) {
    throw new PayloadError('unknown what-if flags');
  }
  const pair = () => {
    const major = input.varint();
    const minor = input.varint();
    if (major > MAX_WHAT_IF || minor > MAX_WHAT_IF)
      throw new PayloadError('a what-if out of range');
    return { major, minor };
  };
  const given: SnapshotFacts['given'] = {};
  if (givenFlags & GIVEN_GUEST_OS) given.guestOs = pair();
  if (givenFlags & GIVEN_HOST_VERSION) given.hostVersion = pair();
  const [parametersPath, autoPath, currentVersionPath] = KEY_PATHS_V1 as [string, string, string];
  const parameters = reader.key(parametersPath, KEY_LABELS[0]);
  const auto = reader.key(autoPath, KEY_LABELS[1]);
  const currentVersion = reader.key(currentVersionPath, KEY_LABELS[2], CURRENT_VERSION_KEPT);
  const count = reader.count(MIN_LOOK_ALIKE_BYTES);
  const lookAlikes: LookAlikeFacts[] = [];
  const paths = new Set<string>();
  for (let i = 0; i < count; i++) {
    const key = reader.lookAlike();
    const comparable = comparablePath(key.path);
    if (paths.has(comparable)) throw new PayloadError('one look-alike key twice');
    paths.add(comparable);
    lookAlikes.push(key);
  }
  input.end();
  return { input: { format, encoding }, parameters, auto, currentVersion, lookAlikes, given };
}
