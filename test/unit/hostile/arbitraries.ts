// fast-check generators of hostile structure, for the properties in properties.ts (run briefly
// by `npm test`, at length by `npm run fuzz`): exports with thousands of rewrites and deletions,
// huge single values, many values per key, runs of lines that may continue a hex value; link
// payloads built with the encoder's own layout (encodeFactsV1) but extreme in every count.
import fc from 'fast-check';
import type { SnapshotFacts, ValueFacts } from '../../../src/lib/kvp/snapshot.ts';
import { LOOK_ALIKE_PATHS } from '../permalink/arbitraries.ts';
import { PARAMETERS, factsWith, regExport } from './inputs.ts';

const VM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';

/** Key paths of every kind the scan treats apart: kept, look-alike, parents, elsewhere. */
const path = fc.constantFrom(
  PARAMETERS,
  PARAMETERS.toUpperCase(),
  `${PARAMETERS}\\Sub`,
  `${VM}\\Auto`,
  `${VM}\\Guest`,
  VM,
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
  'HKEY_CURRENT_USER\\Software\\X',
);

const name = fc.constantFrom('HostName', 'hostname', 'HOSTNAME', 'VirtualMachineName', 'x', '');

/** One block of lines, each of a kind #11 found costly, at sizes up to thousands. */
const block: fc.Arbitrary<string[]> = fc.oneof(
  // A value rewritten again and again, in any case.
  fc
    .tuple(path, name, fc.integer({ min: 1, max: 3000 }))
    .map(([p, n, count]) => [
      `[${p}]`,
      ...Array.from({ length: count }, (_, i) => `"${i % 3 ? n : n.toUpperCase()}"="v${i}"`),
    ]),
  // Deletions of many subkeys, each created first or not, ending in a backslash or not.
  fc
    .tuple(path, fc.integer({ min: 1, max: 2000 }), fc.boolean(), fc.boolean())
    .map(([p, count, create, slash]) =>
      Array.from({ length: count }, (_, i) => [
        ...(create ? [`[${p}\\K${i}]`, `"v"=dword:0000000${i % 10}`] : []),
        `[-${i % 7 === 0 ? p : `${p}\\K${i}`}]${slash ? '\\' : ''}`,
      ]).flat(),
    ),
  // Many values in one key.
  fc
    .tuple(path, fc.integer({ min: 1, max: 5000 }))
    .map(([p, count]) => [`[${p}]`, ...Array.from({ length: count }, (_, i) => `"n${i}"=dword:1`)]),
  // One huge value, as text or as wrapped hex.
  fc
    .tuple(path, fc.integer({ min: 0, max: 1 << 20 }), fc.boolean())
    .map(([p, chars, hex]) => [
      `[${p}]`,
      hex
        ? `"b"=hex:${'ab,'.repeat(Math.min(chars, 1 << 16))}\\\r\n  00`
        : `"HostName"="${'h'.repeat(chars)}"`,
    ]),
  // A run of lines that may leave a hex value open, then key lines.
  fc
    .tuple(path, fc.integer({ min: 1, max: 2000 }))
    .map(([p, count]) => [
      '"b"=hex:01,\\',
      ...Array.from({ length: count }, (_, i) => (i % 2 ? '  02,\\' : '; filler')),
      `[${p}]`,
      '"HostName"="after"',
    ]),
  // A deletion of a kept key's parent, and the key again.
  path.map((p) => [`[-${p}]`, `[${p}]`, '"HostName"="again"']),
);

/** A hostile UTF-16LE export, with places to cut it into chunks. */
export const hostileExport: fc.Arbitrary<{ bytes: Uint8Array; cuts: number[] }> = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([blocks, cuts]) => {
    const bytes = regExport(blocks.flat());
    return { bytes, cuts: cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b) };
  });

const line = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(0xffffffff));

/** Values at the edges of what a link carries: counts up to past the limits, any names. */
const extremeValues: fc.Arbitrary<ValueFacts[]> = fc
  .tuple(
    fc.integer({ min: 0, max: 1500 }),
    fc.constantFrom('unique', 'same', 'case'),
    fc.constantFrom('next', 'same', 'far'),
    fc.oneof(
      fc.constant<ValueFacts['data']>(0),
      fc.constant<ValueFacts['data']>(0xffffffff),
      fc.constant<ValueFacts['data']>(''),
      fc.integer({ min: 0, max: 20_000 }).map<ValueFacts['data']>((n) => 'x'.repeat(n)),
      fc.constant<ValueFacts['data']>(['a', '', 'b']),
    ),
    fc.integer({ min: 0, max: 1200 }),
  )
  .map(([count, names, lines, data, writes]) =>
    Array.from({ length: count }, (_, i) => {
      const valueName =
        names === 'unique' ? `v${i}` : names === 'same' ? 'HostName' : i % 2 ? 'a' : 'A';
      const at = lines === 'next' ? 4 + i : lines === 'same' ? 4 : 4 + i * 1000;
      const type = typeof data === 'number' ? 4 : Array.isArray(data) ? 7 : 1;
      const value: ValueFacts = { name: valueName, type, data, line: at };
      if (i === 0 && writes > 1) {
        value.writes = Array.from({ length: writes }, (_, w) => ({ name: valueName, line: w }));
        value.writes.push({ name: valueName, line: at + writes });
        value.line = at + writes;
      }
      return value;
    }),
  );

/** Facts the encoder lays out as it always does, extreme in every count. */
export const extremeFacts: fc.Arbitrary<SnapshotFacts> = fc
  .tuple(
    extremeValues,
    fc.integer({ min: 0, max: 1200 }),
    fc.array(
      fc.tuple(fc.constantFrom(...LOOK_ALIKE_PATHS), line, fc.integer({ min: 0, max: 1100 })),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([values, deleted, lookAlikes]) => {
    const facts = factsWith(values);
    if (deleted > 0) {
      facts.parameters.deletedValues = Array.from({ length: deleted }, (_, i) => ({
        name: `d${i}`,
        line: 1_000_000 + i,
      }));
    }
    facts.lookAlikes = lookAlikes.map(([p, at, count]) => ({
      path: p,
      line: at,
      deleted: false,
      values: Array.from({ length: count }, (_, i) => ({ name: `l${i}`, line: 2_000_000 + i })),
    }));
    return facts;
  });
