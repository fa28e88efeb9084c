// Link format v2: what v1 carries, then what only other inputs have. v1's payload travels
// unchanged inside (its facts read by decodeFactsV1); after it, the input's format, each key's
// locator, 'not-collected' state and types as shown, and the Linux pool files, the host and the
// VM. Written only when v1 cannot carry the facts: a .reg export's link stays v1.
//
//   payload  = blob(v1 payload) format:u8 encoding:u8 keyExt×3 parts:u8 [linux] [host] [vm]
//   keyExt   = flags:u8 (1 not-collected, 2 locator, 4 types shown, 8 shared lines) [locator]
//              [count (index shown:u8)*] [line*]
//   locator  = kind:u8 (1 record, 2 item, 3 place) text
//   linux    = count pool* count (text text)* notes
//   pool     = number:u8 (5: none) from:u8 name size:varint flags:u8 (1 mtime, 2 mode, 4 records
//              are its key's values) [mtime] [mode] [count (record key value)*] notes
//   notes    = count (severity:u8 message flags:u8 [at])*
//   host     = name version flags:u16-as-2-bytes [osName] [build] [editionId] [edition]
//              [manufacturer] [model] [collectedAt]
//   vm       = name id state flags:u8 [generation] [configurationVersion] count service*
//              [count (text text)*] count text* index
//   service  = name flags:u8 (1 enabled, 2 id, 4 primary, 8 its description, 16 secondary, 32 its
//              description) [text]*
//
// The tables below are frozen for v2: append only.
import type { HostFacts, IntegrationServiceFacts, VmFacts } from '../kvp/host-view.ts';
import type { InputEncoding, InputFormat } from '../kvp/input-format.ts';
import type { InputNote, LinuxPool, LinuxPools, PoolRecordFacts } from '../kvp/linux-pools.ts';
import type { Locator } from '../kvp/provenance.ts';
import type { KeyFactsInFile, SnapshotFacts, ValueFacts } from '../kvp/snapshot.ts';
import type { TypeShown } from '../kvp/type-shown.ts';
import { REG_SZ } from '../reg/data.ts';
import { BinaryReader } from './binary-reader.ts';
import { BinaryWriter } from './binary-writer.ts';
import { PayloadError } from './payload-error.ts';
import { ENCODINGS, FORMATS, decodeFactsV1, encodeFactsV1, pick } from './schema-v1.ts';

const FORMATS_V2: readonly InputFormat[] = [
  ...FORMATS,
  'reg-query',
  'powershell-list',
  'powershell-json',
  'kvp-pool',
  'wmi-kvp-items',
  'host-collector',
];
const ENCODINGS_V2: readonly InputEncoding[] = [...ENCODINGS, 'oem', 'binary'];
const SHOWN: readonly TypeShown[] = ['none', 'kind'];
const SEVERITIES: readonly InputNote['severity'][] = ['error', 'warning', 'info'];
const POOL_FROM: readonly LinuxPool['poolFrom'][] = ['name', 'content', 'unknown'];
const NO_POOL = 5;

const KEY_NOT_COLLECTED = 1;
const KEY_LOCATOR = 2;
const KEY_SHOWN = 4;
/** The values share lines (one-line JSON): v1 holds them at lines 1, 2, …; their own follow. */
const KEY_LINES = 8;
const PART_LINUX = 1;
const PART_HOST = 2;
const PART_VM = 4;
const POOL_MTIME = 1;
const POOL_MODE = 2;
const POOL_KEY_VALUES = 4;
const NOTE_AT = 1;

type Keys = Pick<SnapshotFacts, 'parameters' | 'auto' | 'currentVersion'>;
const KEY_NAMES = ['parameters', 'auto', 'currentVersion'] as const;

/** Whether v1 carries these facts whole: a .reg export's, without any part of other inputs. */
export function fitsV1(facts: SnapshotFacts): boolean {
  return (
    FORMATS.includes(facts.input.format) &&
    ENCODINGS.includes(facts.input.encoding) &&
    KEY_NAMES.every((name) => {
      const key = facts[name];
      return key.state !== 'not-collected' && !key.locator && key.values.every((v) => !v.typeShown);
    }) &&
    !facts.linux &&
    !facts.host &&
    !facts.vm
  );
}

/** The facts as v1 writes them: what v1 has no place for is left to the extension. */
/**
 * Whether v1 cannot hold a key's values at their own lines: several on one line (JSON written
 * with -Compress), which a .reg file never has. Then v1 holds them at lines 1, 2, … and the
 * extension their own lines (only for values written once: an earlier write names its line).
 */
function sharesLines(key: KeyFactsInFile): boolean {
  const lines = new Set(key.values.map((v) => v.line));
  return lines.size < key.values.length && key.values.every((v) => !v.writes) && !key.deletedValues;
}

/** The facts as v1 writes them: what v1 has no place for is left to the extension. */
function v1Part(facts: SnapshotFacts): SnapshotFacts {
  const key = ({ locator: _locator, ...k }: KeyFactsInFile): KeyFactsInFile => {
    const renumber = sharesLines(k);
    return {
      ...k,
      state: k.state === 'not-collected' ? 'absent' : k.state,
      values: k.values.map(({ typeShown: _shown, ...value }, i) =>
        renumber ? { ...value, line: i + 1 } : value,
      ),
    };
  };
  return {
    input: { format: 'none', encoding: 'utf-8' },
    parameters: key(facts.parameters),
    auto: key(facts.auto),
    currentVersion: key(facts.currentVersion),
    lookAlikes: facts.lookAlikes,
    given: facts.given,
  };
}

/** Whether a pool's records are exactly its key's values (pool 3 → Parameters, 2 → Auto). */
function recordsAreValues(
  records: readonly PoolRecordFacts[],
  values: readonly ValueFacts[],
): boolean {
  return (
    records.length === values.length &&
    records.every((r, i) => {
      const v = values[i];
      return (
        v &&
        v.type === REG_SZ &&
        !v.writes &&
        v.name === r.key &&
        v.data === r.value &&
        v.line === r.record
      );
    })
  );
}

function keyValuesOf(pool: LinuxPool['pool'], keys: Keys): readonly ValueFacts[] | null {
  if (pool === 3) return keys.parameters.values;
  if (pool === 2) return keys.auto.values;
  return null;
}

class ExtensionWriter {
  readonly out = new BinaryWriter();

  optional(value: string | undefined): void {
    if (value !== undefined) this.out.text(value);
  }

  locator(locator: Locator): void {
    if (locator.kind === 'line') throw new RangeError('a line locator is never written');
    const kinds = { record: 1, item: 2, place: 3 } as const;
    this.out.byte(kinds[locator.kind]);
    this.out.text(
      locator.kind === 'record'
        ? locator.file
        : locator.kind === 'item'
          ? locator.list
          : locator.text,
    );
  }

  key(key: KeyFactsInFile): void {
    const shown = key.values.flatMap((v, index) =>
      v.typeShown ? [{ index, shown: v.typeShown }] : [],
    );
    const locator = key.locator && key.locator.kind !== 'line' ? key.locator : undefined;
    const lines = sharesLines(key);
    this.out.byte(
      (key.state === 'not-collected' ? KEY_NOT_COLLECTED : 0) |
        (locator ? KEY_LOCATOR : 0) |
        (shown.length > 0 ? KEY_SHOWN : 0) |
        (lines ? KEY_LINES : 0),
    );
    if (locator) this.locator(locator);
    if (shown.length > 0) {
      this.out.varint(shown.length);
      for (const { index, shown: how } of shown) {
        this.out.varint(index);
        this.out.byte(SHOWN.indexOf(how));
      }
    }
    if (lines) for (const value of key.values) this.out.varint(value.line);
  }

  notes(notes: readonly InputNote[]): void {
    this.out.varint(notes.length);
    for (const note of notes) {
      this.out.byte(SEVERITIES.indexOf(note.severity));
      this.out.text(note.message);
      this.out.byte(note.at !== undefined ? NOTE_AT : 0);
      this.optional(note.at);
    }
  }

  pairs(pairs: readonly { name: string; data: string }[]): void {
    this.out.varint(pairs.length);
    for (const { name, data } of pairs) {
      this.out.text(name);
      this.out.text(data);
    }
  }

  linux(linux: LinuxPools, keys: Keys): void {
    const { out } = this;
    out.varint(linux.pools.length);
    for (const pool of linux.pools) {
      out.byte(pool.pool ?? NO_POOL);
      out.byte(POOL_FROM.indexOf(pool.poolFrom));
      out.text(pool.name);
      out.varint(pool.size);
      const values = keyValuesOf(pool.pool, keys);
      const same = values !== null && recordsAreValues(pool.records, values);
      out.byte(
        (pool.mtime !== undefined ? POOL_MTIME : 0) |
          (pool.mode !== undefined ? POOL_MODE : 0) |
          (same ? POOL_KEY_VALUES : 0),
      );
      if (pool.mtime !== undefined) out.varint(pool.mtime);
      if (pool.mode !== undefined) out.varint(pool.mode);
      if (!same) {
        out.varint(pool.records.length);
        for (const r of pool.records) {
          out.varint(r.record);
          out.text(r.key);
          out.text(r.value);
        }
      }
      this.notes(pool.diagnostics);
    }
    out.varint(linux.ignored.length);
    for (const { name, why } of linux.ignored) {
      out.text(name);
      out.text(why);
    }
    this.notes(linux.diagnostics);
  }

  host(host: HostFacts): void {
    const { out } = this;
    out.text(host.name);
    out.text(host.version);
    const fields = [
      host.osName,
      host.build,
      host.editionId,
      host.edition,
      host.manufacturer,
      host.model,
      host.collectedAt,
    ];
    out.byte(
      fields.reduce<number>((flags, field, i) => flags | (field !== undefined ? 1 << i : 0), 0),
    );
    for (const field of fields) {
      if (typeof field === 'number') out.varint(field);
      else this.optional(field);
    }
  }

  service(service: IntegrationServiceFacts): void {
    const texts = [
      service.id,
      service.primaryStatus,
      service.primaryStatusDescription,
      service.secondaryStatus,
      service.secondaryStatusDescription,
    ];
    this.out.text(service.name);
    this.out.byte(
      texts.reduce<number>(
        (flags, text, i) => flags | (text !== undefined ? 2 << i : 0),
        service.enabled ? 1 : 0,
      ),
    );
    for (const text of texts) this.optional(text);
  }

  vm(vm: VmFacts): void {
    const { out } = this;
    out.text(vm.name);
    out.text(vm.id);
    out.text(vm.state);
    const disable = vm.disableHostKvpItems === null ? 0 : vm.disableHostKvpItems ? 2 : 1;
    out.byte(
      (vm.generation !== undefined ? 1 : 0) |
        (vm.configurationVersion !== undefined ? 2 : 0) |
        (vm.guestItems ? 4 : 0) |
        (disable << 3),
    );
    if (vm.generation !== undefined) out.varint(vm.generation);
    this.optional(vm.configurationVersion);
    out.varint(vm.integrationServices.length);
    for (const service of vm.integrationServices) this.service(service);
    if (vm.guestItems) this.pairs(vm.guestItems);
    out.varint(vm.errors.length);
    for (const error of vm.errors) out.text(error);
    out.varint(vm.index);
  }
}

export function encodeFactsV2(facts: SnapshotFacts): Uint8Array {
  const writer = new ExtensionWriter();
  const { out } = writer;
  out.blob(encodeFactsV1(v1Part(facts)));
  out.byte(FORMATS_V2.indexOf(facts.input.format));
  out.byte(ENCODINGS_V2.indexOf(facts.input.encoding));
  for (const name of KEY_NAMES) writer.key(facts[name]);
  out.byte(
    (facts.linux ? PART_LINUX : 0) | (facts.host ? PART_HOST : 0) | (facts.vm ? PART_VM : 0),
  );
  if (facts.linux) writer.linux(facts.linux, facts);
  if (facts.host) writer.host(facts.host);
  if (facts.vm) writer.vm(facts.vm);
  return out.finish();
}

// ---- decoding -----------------------------------------------------------------------------------

class ExtensionReader {
  constructor(readonly input: BinaryReader) {}

  flags(allowed: number): number {
    const flags = this.input.byte();
    if ((flags & ~allowed) !== 0) throw new PayloadError('unknown flags');
    return flags;
  }

  locator(): Locator {
    const kind = this.input.byte();
    const text = this.input.text();
    if (kind === 1) return { kind: 'record', file: text };
    if (kind === 2) return { kind: 'item', list: text };
    if (kind === 3) return { kind: 'place', text };
    throw new PayloadError('an unknown kind of position');
  }

  key(key: KeyFactsInFile): KeyFactsInFile {
    const flags = this.flags(KEY_NOT_COLLECTED | KEY_LOCATOR | KEY_SHOWN | KEY_LINES);
    const out: KeyFactsInFile = { ...key, values: [...key.values] };
    if (flags & KEY_NOT_COLLECTED) {
      if (key.state !== 'absent' || key.line !== null)
        throw new PayloadError('a key not collected, yet in the input');
      out.state = 'not-collected';
    }
    if (flags & KEY_LOCATOR) out.locator = this.locator();
    if (flags & KEY_SHOWN) {
      const count = this.input.count();
      for (let i = 0; i < count; i++) {
        const index = this.input.varint();
        const value = out.values[index];
        if (!value) throw new PayloadError('a type shown for no value');
        out.values[index] = { ...value, typeShown: pick(SHOWN, this.input.byte(), 'type shown') };
      }
    }
    if (flags & KEY_LINES) {
      out.values.forEach((value, i) => {
        if (value.line !== i + 1 || value.writes) throw new PayloadError('lines out of place');
        out.values[i] = { ...value, line: this.input.varint() };
      });
      if (!sharesLines(out)) throw new PayloadError('lines of their own, written as shared');
    }
    return out;
  }

  notes(): InputNote[] {
    const count = this.input.count();
    const notes: InputNote[] = [];
    for (let i = 0; i < count; i++) {
      const note: InputNote = {
        severity: pick(SEVERITIES, this.input.byte(), 'severity'),
        message: this.input.text(),
      };
      if (this.flags(NOTE_AT) & NOTE_AT) note.at = this.input.text();
      notes.push(note);
    }
    return notes;
  }

  pairs(): { name: string; data: string }[] {
    const count = this.input.count();
    const pairs: { name: string; data: string }[] = [];
    for (let i = 0; i < count; i++)
      pairs.push({ name: this.input.text(), data: this.input.text() });
    return pairs;
  }

  texts(): string[] {
    const count = this.input.count();
    const texts: string[] = [];
    for (let i = 0; i < count; i++) texts.push(this.input.text());
    return texts;
  }

  linux(keys: Keys): LinuxPools {
    const { input } = this;
    const count = input.count();
    const pools: LinuxPool[] = [];
    for (let i = 0; i < count; i++) {
      const number = input.byte();
      if (number > NO_POOL) throw new PayloadError('an unknown pool');
      const pool: LinuxPool = {
        pool: number === NO_POOL ? null : (number as 0 | 1 | 2 | 3 | 4),
        poolFrom: pick(POOL_FROM, input.byte(), 'pool source'),
        name: input.text(),
        size: input.varint(),
        records: [],
        diagnostics: [],
      };
      const flags = this.flags(POOL_MTIME | POOL_MODE | POOL_KEY_VALUES);
      if (flags & POOL_MTIME) pool.mtime = input.varint();
      if (flags & POOL_MODE) pool.mode = input.varint();
      if (flags & POOL_KEY_VALUES) {
        const values = keyValuesOf(pool.pool, keys);
        if (!values) throw new PayloadError('records of a key, for a pool without one');
        pool.records = values.map((v) => ({ record: v.line, key: v.name, value: String(v.data) }));
      } else {
        const records = input.count();
        for (let r = 0; r < records; r++) {
          pool.records.push({ record: input.varint(), key: input.text(), value: input.text() });
        }
      }
      pool.diagnostics = this.notes();
      pools.push(pool);
    }
    const ignoredCount = input.count();
    const ignored: LinuxPools['ignored'] = [];
    for (let i = 0; i < ignoredCount; i++) ignored.push({ name: input.text(), why: input.text() });
    return { pools, ignored, diagnostics: this.notes() };
  }

  host(): HostFacts {
    const { input } = this;
    const host: HostFacts = { name: input.text(), version: input.text() };
    const flags = this.flags(0x7f);
    const text = (bit: number) => (flags & bit ? input.text() : undefined);
    const number = (bit: number) => (flags & bit ? input.varint() : undefined);
    const fields = {
      osName: text(1),
      build: number(2),
      editionId: number(4),
      edition: text(8),
      manufacturer: text(16),
      model: text(32),
      collectedAt: text(64),
    };
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) Object.assign(host, { [name]: value });
    }
    return host;
  }

  service(): IntegrationServiceFacts {
    const name = this.input.text();
    const flags = this.flags(0x3f);
    const service: IntegrationServiceFacts = { name, enabled: (flags & 1) !== 0 };
    const names = [
      'id',
      'primaryStatus',
      'primaryStatusDescription',
      'secondaryStatus',
      'secondaryStatusDescription',
    ] as const;
    names.forEach((field, i) => {
      if (flags & (2 << i)) service[field] = this.input.text();
    });
    return service;
  }

  vm(): VmFacts {
    const { input } = this;
    const name = input.text();
    const id = input.text();
    const state = input.text();
    const flags = this.flags(0x1f);
    const disable = flags >> 3;
    if (disable > 2) throw new PayloadError('an unknown DisableHostKVPItems');
    const vm: VmFacts = {
      name,
      id,
      state,
      integrationServices: [],
      disableHostKvpItems: disable === 0 ? null : disable === 2,
      errors: [],
      index: 0,
    };
    if (flags & 1) vm.generation = input.varint();
    if (flags & 2) vm.configurationVersion = input.text();
    const services = input.count();
    for (let i = 0; i < services; i++) vm.integrationServices.push(this.service());
    if (flags & 4) vm.guestItems = this.pairs();
    vm.errors = this.texts();
    vm.index = input.varint();
    return vm;
  }
}

/** Throws PayloadError when the bytes are not a v2 payload, down to the last byte. */
export function decodeFactsV2(payload: Uint8Array): SnapshotFacts {
  const input = new BinaryReader(payload);
  const reader = new ExtensionReader(input);
  const v1 = decodeFactsV1(input.blob());
  if (v1.input.format !== 'none' || v1.input.encoding !== 'utf-8') {
    throw new PayloadError('a v2 link whose inner format is not its own');
  }
  const facts: SnapshotFacts = {
    ...v1,
    input: {
      format: pick(FORMATS_V2, input.byte(), 'format'),
      encoding: pick(ENCODINGS_V2, input.byte(), 'encoding'),
    },
  };
  for (const name of KEY_NAMES) facts[name] = reader.key(facts[name]);
  const parts = reader.flags(PART_LINUX | PART_HOST | PART_VM);
  if (parts & PART_LINUX) facts.linux = reader.linux(facts);
  if (parts & PART_HOST) facts.host = reader.host();
  if (parts & PART_VM) facts.vm = reader.vm();
  input.end();
  return facts;
}
