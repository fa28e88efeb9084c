// fast-check generators for the .reg parser properties, shared by the unit tests and the longer
// `test/fuzz/reg.fuzz.ts` run.
import fc from 'fast-check';
import type { RegDocument, RegKey, RegValue } from '../../../src/lib/reg';
import { V5, utf16 } from './helpers';

/** Pieces of real .reg syntax, including the broken forms of reg-format.md §7. */
const regLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '  ',
    ';comment',
    '#comment',
    '#comment\\',
    '[HKEY_CURRENT_USER\\T]',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
    '[-HKEY_CURRENT_USER\\T\\A]',
    '[HKCU\\T\\B] ; see [x]',
    '[ HKEY_CURRENT_USER\\T]',
    '[HKEY_CURRENT_USERS\\T]',
    '[HKEY_CURRENT_USER\\T\\NoClose',
    '@="default"',
    '@=-',
    '"a"=dword:1',
    '"a"=dword:123456789',
    '"b"=hex(7):4c,00,69,00,\\',
    '  6e,00,65,00,00,00',
    '  6e,00,\\ ;c',
    '"c"=hex:11,22\\',
    '"d"="x\\"y\\\\z"',
    '"e"="\\0"',
    '"f"=hex(ffff0012):6f,00',
    '"g"=hex(100000000):00',
    '"h"=hex(2):,\\',
    '"i"="unterminated',
    '"j"=- #x',
    'garbage',
    '\t"k"\t=\t"tabs"\t;c',
  ),
  fc
    .tuple(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('=', '=hex:', '=hex(2):', '=dword:', '="', '=-', ''),
      fc.string({ maxLength: 12 }),
    )
    .map(([n, op, d]) => `"${n}"${op}${d}`),
  fc.string({ maxLength: 20 }),
  fc
    .array(fc.integer({ min: 0, max: 300 }), { maxLength: 12 })
    .map((xs) => '  ' + xs.map((x) => x.toString(16)).join(',') + (xs.length % 2 ? ',\\' : '')),
);

/** Bytes that look like a registry file: a header, then registry-ish lines, in some encoding. */
export const registryishBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(V5, 'REGEDIT4', ' REGEDIT4 ;x', 'REGEDIT5', 'REGEDIT', 'nope'),
    fc.array(regLine, { maxLength: 30 }),
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.constantFrom('utf16bom', 'utf16', 'utf8', 'latin'),
  )
  .map(([header, lines, eol, enc]) => {
    const text = [header, ...lines].join(eol);
    if (enc === 'utf16bom' || enc === 'utf16') return utf16(text, enc === 'utf16bom');
    if (enc === 'utf8') return new TextEncoder().encode(text);
    return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  });

/** Arbitrary bytes, half of them behind a real header. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .tuple(
      fc.constantFrom(new Uint8Array([0xff, 0xfe]), new Uint8Array(0)),
      fc.uint8Array({ maxLength: 400 }),
    )
    .map(([a, b]) => {
      const out = new Uint8Array(a.length + b.length);
      out.set(a);
      out.set(b, a.length);
      return out;
    }),
  registryishBytes,
);

/** Key name segments: anything but a backslash, CR, LF; not all-trailing-backslash; no `]`-less issue. */
const segment = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 8 })
  .filter((s) => !/[\\\r\n]/.test(s));

const valueName = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a"b', 'c\\d', '"', '\\', '@', 'sz-あ', '🌎', '\ud800x'),
);

/** Bytes the import would store unchanged: text types end with a NUL unit (or are empty/odd). */
function importable(type: number, bytes: Uint8Array): Uint8Array {
  if ((type !== 1 && type !== 2 && type !== 7) || bytes.length === 0 || bytes.length % 2 === 1) {
    return bytes;
  }
  if (bytes[bytes.length - 1] === 0 && bytes[bytes.length - 2] === 0) return bytes;
  const out = new Uint8Array(bytes.length + 2);
  out.set(bytes);
  return out;
}

const value: fc.Arbitrary<RegValue> = fc
  .tuple(
    valueName,
    fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 11), fc.nat({ max: 0xffffffff })),
    fc.oneof(
      fc.uint8Array({ maxLength: 90 }),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => utf16(`${s}\0`, false)),
    ),
    fc.boolean(),
  )
  .map(([name, type, bytes, deleted]) =>
    deleted
      ? {
          name,
          type: 0,
          bytes: new Uint8Array(0),
          data: null,
          line: 0,
          endLine: 0,
          deleted: true,
          overwritten: [],
        }
      : {
          name,
          type,
          bytes: importable(type, bytes),
          data: null,
          line: 0,
          endLine: 0,
          overwritten: [],
        },
  );

/** Documents as a parse could produce them: distinct paths and names (case-insensitively). */
export const regDocument: fc.Arbitrary<Pick<RegDocument, 'keys'>> = fc
  .array(
    fc.tuple(
      fc.constantFrom('HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_USERS'),
      fc.array(segment, { minLength: 1, maxLength: 3 }),
      fc.uniqueArray(value, { maxLength: 5, selector: (v) => v.name.toLowerCase() }),
      fc.boolean(),
    ),
    { maxLength: 6 },
  )
  .map((entries) => {
    const seen = new Set<string>();
    const keys: RegKey[] = [];
    for (const [root, segs, values, deleted] of entries) {
      const path = `${root}\\${segs.join('\\')}`;
      const lower = path.toLowerCase();
      if (seen.has(lower)) continue;
      // `[-A]` after `[A\B]` would also delete B on import; keep generated deletions leaf-first.
      if (deleted && [...seen].some((p) => p.startsWith(lower + '\\'))) continue;
      seen.add(lower);
      keys.push(deleted ? { path, line: 0, deleted: true, values: [] } : { path, line: 0, values });
    }
    return { keys };
  });

const PARAMS = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters';
const CURRENT_VERSION = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/** Lines around the keys scanKvp keeps: kept keys, look-alikes, parents deleted, continuations. */
const kvpLine: fc.Arbitrary<string> = fc.constantFrom(
  `[${PARAMS}]`,
  `  [${PARAMS.toUpperCase()}] ;x`,
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
  `[${CURRENT_VERSION}]`,
  `[${CURRENT_VERSION}\\Fonts]`,
  '[HKCU\\Software\\VirtualMachine\\X]',
  '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft]',
  '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]',
  '[-HKLM\\SOFTWARE]',
  '[-HKEY_CURRENT_USER\\Software]',
  '[HKEY_CURRENT_USER\\Software]',
  '[HKEY_CURRENT_USER\\NoClose',
  '"HostName"="h"',
  '"n"=dword:1',
  '"m"=hex(7):41,00,00,00,\\',
  '  42,00,00,00,00,00',
  '"b"=hex:01,\\ ;c',
  '"p"="C:\\\\x\\\\"',
  '@=-',
  '',
  ';c',
);

/** A UTF-16LE export of kvpLine lines, with split points for reading it in chunks. */
export const kvpExport: fc.Arbitrary<{ bytes: Uint8Array; cuts: number[] }> = fc
  .tuple(
    fc.array(kvpLine, { maxLength: 25 }),
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 4 }),
  )
  .map(([lines, eol, bom, cuts]) => {
    const bytes = utf16([V5, ...lines].join(eol), bom);
    return { bytes, cuts: cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b) };
  });
