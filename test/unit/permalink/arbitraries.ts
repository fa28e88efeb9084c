// Generated SnapshotFacts: names from the catalogue, any text (unicode, quotes, lone surrogates),
// every data kind, GUIDs in every text form, lines near and far, what-ifs — as plain data.
import fc from 'fast-check';
import {
  AUTO_PATH,
  CURRENT_VERSION_PATH,
  PARAMETERS_PATH,
  VIRTUAL_MACHINE_PATH,
} from '../../../src/lib/kvp/paths.ts';
import type {
  KeyFactsInFile,
  LookAlikeFacts,
  SnapshotFacts,
  ValueFacts,
} from '../../../src/lib/kvp/snapshot.ts';
import { VALUE_NAMES_V1 } from '../../../src/lib/permalink/schema-v1.ts';

export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '"quoted"', 'back\\slash', '\uD800', 'a\uDC00b', '\uFEFFbom', 'café', '0'),
);

export const guidText = fc
  .tuple(fc.uuid(), fc.constantFrom('upper', 'lower', 'mixed'), fc.boolean())
  .map(([uuid, style, braces]) => {
    const cased =
      style === 'upper'
        ? uuid.toUpperCase()
        : style === 'lower'
          ? uuid.toLowerCase()
          : uuid.replace(/[a-f]/, (c) => c.toUpperCase());
    return braces ? `{${cased}}` : cased;
  });

const decimalText = fc.oneof(
  fc.maxSafeNat().map(String),
  fc.constantFrom('007', '-1', '1e3', '9007199254740993', '4294967296'),
);

const stringData = fc.oneof(text, guidText, decimalText);

const name = fc.oneof(
  fc.constantFrom(...VALUE_NAMES_V1),
  fc.constantFrom('hostingsystemosmajor', 'HostSystemOSMajor', ''),
  text,
);

/** Lines close together (one after another) as in files, and anywhere in range. */
const line = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 0xffffffff }));

const PLAIN = { noNullPrototype: true } as const;
const named = fc.record({ name, line }, PLAIN);

const type = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 11),
  fc.integer({ min: 0, max: 0xffffffff }),
);

const valueFacts: fc.Arbitrary<ValueFacts> = fc
  .record(
    {
      name,
      type,
      data: fc.oneof(
        stringData,
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(stringData, { maxLength: 4 }),
        fc.constant(null),
      ),
      bytes: fc.uint8Array({ maxLength: 24 }),
      line,
      writes: fc.array(named, { maxLength: 3 }),
    },
    { requiredKeys: ['name', 'type', 'data', 'bytes', 'line'], noNullPrototype: true },
  )
  .map(({ bytes, ...value }) => (value.data === null ? { ...value, bytes } : value));

const keyPath = fc.oneof(
  fc.constantFrom(PARAMETERS_PATH, AUTO_PATH, CURRENT_VERSION_PATH, 'HKLM\\Software\\x'),
  text,
);

const keyFacts: fc.Arbitrary<KeyFactsInFile> = fc
  .record(
    {
      state: fc.constantFrom('present', 'deleted', 'absent'),
      path: keyPath,
      line: fc.option(line, { nil: null }),
      values: fc.array(valueFacts, { maxLength: 6 }),
      deletedValues: fc.array(named, { maxLength: 3 }),
    },
    { requiredKeys: ['state', 'path', 'line', 'values'], noNullPrototype: true },
  )
  .map((key) => key as KeyFactsInFile);

/** Paths the snapshot would find as look-alikes (lookAlikeReason knows each). */
export const LOOK_ALIKE_PATHS = [
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters',
  'HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\VirtualMachine\\Guest\\Parameters',
  `${VIRTUAL_MACHINE_PATH}\\Guest\\Parameter`,
];

export const lookAlikePath = fc.oneof(
  fc.constantFrom(...LOOK_ALIKE_PATHS),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
    .filter((s) => s.replace(/\\/g, '') !== '')
    .map((sub) => `${PARAMETERS_PATH}\\${sub}`),
);

const lookAlike: fc.Arbitrary<LookAlikeFacts> = fc.record(
  {
    path: lookAlikePath,
    line,
    deleted: fc.boolean(),
    values: fc.array(named, { maxLength: 3 }),
  },
  PLAIN,
);

export const pair = fc.record({ major: fc.nat(999), minor: fc.nat(999) }, PLAIN);

export const snapshotFactsArb: fc.Arbitrary<SnapshotFacts> = fc.record(
  {
    input: fc.record(
      {
        format: fc.constantFrom('regedit5', 'regedit4', 'regedit-other', 'none'),
        encoding: fc.constantFrom('utf-16le', 'utf-16be', 'utf-8', 'windows-1252'),
      },
      PLAIN,
    ),
    parameters: keyFacts,
    auto: keyFacts,
    currentVersion: keyFacts,
    lookAlikes: fc.array(lookAlike, { maxLength: 3 }),
    given: fc.record(
      { guestOs: pair, hostVersion: pair },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  PLAIN,
);
