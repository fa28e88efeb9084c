// Conformance vectors for the .reg parser, re-expressed from the Windows-checked cases collected in
// /work/shared/docs/reg-format.md §7 (ids H1…C6 are that document's ids; a letter suffix marks one
// of several inputs listed under the same id). Each vector is the exact input and the exact result
// Windows leaves behind: keys, values (path, name, type code, bytes as hex) and the lines it skips,
// which must carry a diagnostic. Nothing here is copied from Wine: the cases are described there in
// words and rebuilt here by hand.

import type { RegData, RegEncoding, RegFormat } from '../../../src/lib/reg/types';

// ---------------------------------------------------------------------------------------------
// Encoding helpers (independent of the parser under test)

/** Bytes as lowercase hex without separators. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** `"4c,69, 6e"` or `"4c696e"` → Uint8Array. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  if (clean.length % 2 !== 0) throw new Error(`odd hex: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** UTF-16LE code units (lone surrogates kept as they are), optionally with the FF FE BOM. */
export function utf16le(text: string, bom = false): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = 0xff;
    out[o++] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[o++] = u & 0xff;
    out[o++] = u >> 8;
  }
  return out;
}

/** One byte per character; every character must be below U+0100 (the text is given as bytes). */
export function bytes8(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`not an 8-bit character at ${i}: U+${c.toString(16)}`);
    out[i] = c;
  }
  return out;
}

/** The REG_SZ bytes Windows stores for `"text"`: UTF-16LE code units plus one NUL character. */
export function szHex(text: string): string {
  return toHex(utf16le(text + '\0'));
}

export function dwordHex(n: number): string {
  return toHex(new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]));
}

// ---------------------------------------------------------------------------------------------
// Vector model

export const T = 'HKEY_CURRENT_USER\\T';
const HDR4 = 'REGEDIT4';
const HDR5 = 'Windows Registry Editor Version 5.00';

/**
 * How a body vector is wrapped into a file. ansi = 8-bit bytes with LF; u16 = UTF-16LE with BOM and
 * CRLF. The digit is the header: REGEDIT4 or Windows Registry Editor Version 5.00.
 */
export type Variant = 'ansi4' | 'ansi5' | 'u16le5' | 'u16le4';
export const ALL_VARIANTS: readonly Variant[] = ['ansi4', 'ansi5', 'u16le5', 'u16le4'];
/**
 * Data of hex(1)/hex(2)/hex(7) is code-page bytes under REGEDIT4 and UTF-16LE under v5 (§2.3). Cases
 * with such data run in the two forms RIT runs them in: an 8-bit REGEDIT4 file with 8-bit bytes and a
 * UTF-16 v5 file with UTF-16 bytes. Either way the registry stores the text as UTF-16LE (§2.3: REGEDIT4
 * "code-page bytes converted to UTF-16"), so the expected bytes are the same in both: `widen(…)`.
 */
export const STRING_HEX_VARIANTS: readonly Variant[] = ['ansi4', 'u16le5'];

export interface VariantContext {
  variant: Variant;
  /**
   * String-type hex data in this variant's form: identity for REGEDIT4, every byte `xx` followed by
   * `,00` for v5 (so `4c,69,\` becomes `4c,00,69,00,\`). For the input; the stored bytes are
   * `widen(…)` in both forms.
   */
  s: (hexList: string) => string;
}

export interface ExpectedValue {
  path: string;
  /** '' = default value. */
  name: string;
  type: number;
  /** Exact stored bytes, any separators ignored. '' for none. */
  hex: string;
  /** The decoded view, asserted only when given (RegData). */
  data?: RegData;
  deleted?: boolean;
  /** [line, endLine] of the value (physical, 1-based), asserted only when given. */
  at?: [number, number];
  /** Lines of earlier writes this one replaced, asserted only when given. */
  overwritten?: number[];
  /** Compare the name case-insensitively (which spelling survives a rewrite is not Windows-checked). */
  nameCi?: boolean;
}

export interface ExpectedKey {
  path: string;
  deleted?: boolean;
}

export interface ExpectedDiagnostic {
  /** A diagnostic must exist on a line in [line, toLine ?? line]. */
  line: number;
  toLine?: number;
  /** 'skip' = severity error or warning (the line is not applied); 'warning' = exactly warning. */
  kind: 'skip' | 'warning';
}

export interface Expectation {
  format?: RegFormat;
  encoding?: RegEncoding;
  /**
   * The complete folded key list in order (doc.keys). Body vectors get `HKEY_CURRENT_USER\T` (the
   * header's key) prepended automatically. Omitted: only the header key (body) / no assertion (file).
   */
  keys?: Array<string | ExpectedKey>;
  /** Every value of every folded key, in key order then value order. Anything else is a failure. */
  values: ExpectedValue[];
  /** Diagnostics that must be present (error/warning). */
  diagnostics?: ExpectedDiagnostic[];
  /**
   * Lines on which an error/warning diagnostic is tolerated without being required. Lines covered by
   * `diagnostics` are always tolerated; error/warning diagnostics on any other line fail the vector.
   */
  tolerate?: number[];
  /** Keys that findKey must locate (path as a user would type it) → the folded path it resolves to. */
  find?: Array<[string, string]>;
  /** No op at all (nothing applied). */
  noOps?: boolean;
}

export interface BodyVector {
  kind: 'body';
  id: string;
  /** Where the case comes from (reg-format.md section, Wine test name where given). */
  ref: string;
  title: string;
  variants: readonly Variant[];
  /** Lines after `<header>`, ``, `[HKEY_CURRENT_USER\T]`: the first body line is line 4. */
  body: (c: VariantContext) => string[];
  /** End the file without a final newline. */
  noFinalEol?: boolean;
  expect: (c: VariantContext) => Expectation;
}

export interface FileVector {
  kind: 'file';
  id: string;
  ref: string;
  title: string;
  bytes: Uint8Array;
  expect: Expectation;
}

export type Vector = BodyVector | FileVector;

export function widen(hexList: string): string {
  return hexList.replace(/\b([0-9a-fA-F]{2})\b/g, '$1,00');
}

export function contextFor(variant: Variant): VariantContext {
  const v5 = variant === 'ansi5' || variant === 'u16le5';
  return { variant, s: v5 ? widen : (h) => h };
}

/** The file bytes of a body vector in one variant. */
export function bodyFile(vector: BodyVector, variant: Variant): Uint8Array {
  const c = contextFor(variant);
  const u16 = variant.startsWith('u16');
  const header = variant.endsWith('4') ? HDR4 : HDR5;
  const eol = u16 ? '\r\n' : '\n';
  const lines = [header, '', `[${T}]`, ...vector.body(c)];
  const text = lines.join(eol) + (vector.noFinalEol ? '' : eol);
  return u16 ? utf16le(text, true) : bytes8(text);
}

// ---------------------------------------------------------------------------------------------
// Small builders for expected values

const sz = (name: string, text: string, path = T): ExpectedValue => ({
  path,
  name,
  type: 1,
  hex: szHex(text),
  data: text,
});
const dw = (name: string, n: number, path = T): ExpectedValue => ({
  path,
  name,
  type: 4,
  hex: dwordHex(n),
  data: n,
});
const raw = (name: string, type: number, hex: string, path = T): ExpectedValue => ({
  path,
  name,
  type,
  hex,
});
const del = (name: string, path = T): ExpectedValue => ({
  path,
  name,
  type: 0,
  hex: '',
  data: null,
  deleted: true,
});
const skip = (line: number, toLine?: number): ExpectedDiagnostic =>
  toLine === undefined ? { line, kind: 'skip' } : { line, toLine, kind: 'skip' };
const warn = (line: number): ExpectedDiagnostic => ({ line, kind: 'warning' });
/** Every line from..to must carry its own skip diagnostic. */
const skipEach = (from: number, to: number): ExpectedDiagnostic[] => {
  const out: ExpectedDiagnostic[] = [];
  for (let l = from; l <= to; l++) out.push(skip(l));
  return out;
};

/** A body vector whose result does not depend on the variant. */
function b(
  id: string,
  ref: string,
  title: string,
  body: string[],
  expect: Expectation,
  variants: readonly Variant[] = ALL_VARIANTS,
): BodyVector {
  return { kind: 'body', id, ref, title, variants, body: () => body, expect: () => expect };
}

/** A body vector over string-type hex data (REGEDIT4 8-bit / v5 UTF-16 forms). */
function bs(
  id: string,
  ref: string,
  title: string,
  body: (c: VariantContext) => string[],
  expect: (c: VariantContext) => Expectation,
  extra: Partial<Pick<BodyVector, 'noFinalEol'>> = {},
): BodyVector {
  return { kind: 'body', id, ref, title, variants: STRING_HEX_VARIANTS, body, expect, ...extra };
}

function f(id: string, ref: string, title: string, bytes: Uint8Array, expect: Expectation): Vector {
  return { kind: 'file', id, ref, title, bytes, expect };
}

const LINE_CONCAT = '4c,69,6e,65,20,63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00';

// ---------------------------------------------------------------------------------------------
// §7.1 Header and encoding

const HEADER: Vector[] = [
  f('H1', '§7.1 H1 [WIN]', 'REGEDIT4 + LF is a valid, empty file', bytes8('REGEDIT4\n'), {
    format: 'regedit4',
    encoding: 'utf-8',
    keys: [],
    values: [],
    noOps: true,
  }),
  f('H2', '§7.1 H2 [WIN]', 'REGEDIT4 without a newline is valid', bytes8('REGEDIT4'), {
    format: 'regedit4',
    keys: [],
    values: [],
    noOps: true,
  }),
  f('H3', '§7.1 H3 [WIN]', 'spaces and tabs before the header are fine', bytes8(' \tREGEDIT4\n'), {
    format: 'regedit4',
    keys: [],
    values: [],
    noOps: true,
  }),
  f(
    'H4',
    '§7.1 H4 [WIN]',
    'a blank line before the header: not a registry file',
    bytes8('\nREGEDIT4\n'),
    {
      format: 'none',
      keys: [],
      values: [],
      noOps: true,
      diagnostics: [skip(1, 2)],
    },
  ),
  f(
    'H5',
    '§7.1 H5 [WIN]',
    'the header is case-sensitive: regedit4 is not a registry file',
    bytes8('regedit4\n[HKEY_CURRENT_USER\\T]\n"a"="b"\n'),
    { format: 'none', keys: [], values: [], noOps: true, diagnostics: [skip(1)] },
  ),
  f(
    'H6',
    '§7.1 H6 [WIN]',
    'fuzzy header "REGEDIT4 FOO": accepted, nothing applied',
    bytes8('REGEDIT4 FOO\n\n[HKEY_CURRENT_USER\\T]\n"a"="b"\n'),
    { format: 'regedit-other', keys: [], values: [], noOps: true, diagnostics: [skip(1)] },
  ),
  ...['REGEDIT5', 'REGEDIT 4', 'REGEDIT4FOO', 'REGEDIT3', 'REGEDIT9'].map((h, i) =>
    f(
      `H7${'abcde'[i]}`,
      '§7.1 H7 [WIN]',
      `fuzzy header ${JSON.stringify(h)}: accepted, nothing applied`,
      bytes8(`${h}\n\n[HKEY_CURRENT_USER\\T]\n"a"="b"\n`),
      { format: 'regedit-other', keys: [], values: [], noOps: true, diagnostics: [skip(1)] },
    ),
  ),
  ...[
    'Windows Registry Editor Version 4.00',
    'Windows Registry Editor Version 5',
    'WINDOWS REGISTRY EDITOR VERSION 5.00',
    'Windows Registry Editor version 5.00',
    'Regedit4',
  ].map((h, i) =>
    f(
      `H8${'abcde'[i]}`,
      '§7.1 H8 [WIN]',
      `${JSON.stringify(h)} is not a registry header`,
      bytes8(`${h}\n\n[HKEY_CURRENT_USER\\T]\n"a"="b"\n`),
      { format: 'none', keys: [], values: [], noOps: true, diagnostics: [skip(1)] },
    ),
  ),
  f(
    'H9',
    '§7.1 H9 [WIN]',
    'UTF-16LE with BOM, v5 header: valid v5',
    utf16le(`${HDR5}\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"a"="b"\r\n`, true),
    { format: 'regedit5', encoding: 'utf-16le', keys: [T], values: [sz('a', 'b')] },
  ),
  f(
    'H10',
    '§7.1 H10 [WIN]+D, §1.2',
    'UTF-16LE without BOM: Windows rejects; tolerant parse with a warning',
    utf16le(`${HDR5}\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"a"="b"\r\n`, false),
    {
      format: 'regedit5',
      encoding: 'utf-16le',
      keys: [T],
      values: [sz('a', 'b')],
      diagnostics: [warn(1)],
    },
  ),
  f(
    'H11',
    '§7.1 H11 [WIN] RET TestValue3',
    'v5 header in an 8-bit file is valid',
    bytes8(`${HDR5}\n\n[HKEY_CURRENT_USER\\T]\n"TestValue3"="Value"\n`),
    { format: 'regedit5', encoding: 'utf-8', keys: [T], values: [sz('TestValue3', 'Value')] },
  ),
  f(
    'H12',
    '§7.1 H12 [WIN] RIT Unicode1',
    'REGEDIT4 header in a UTF-16 file is valid',
    utf16le('REGEDIT4\n\n[HKEY_CURRENT_USER\\T]\n"Unicode1"="Value1"\n', true),
    { format: 'regedit4', encoding: 'utf-16le', keys: [T], values: [sz('Unicode1', 'Value1')] },
  ),
  f(
    'H13',
    '§7.1 H13 D, §10.1 UNCERTAIN',
    'UTF-8 BOM: accepted with a warning',
    new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...bytes8(`${HDR5}\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"a"="b"\r\n`),
    ]),
    {
      format: 'regedit5',
      encoding: 'utf-8',
      keys: [T],
      values: [sz('a', 'b')],
      diagnostics: [warn(1)],
    },
  ),
  f(
    'H14',
    '§7.1 H14 [WIN] RET TestValue4, §1.3',
    'CR-only line breaks',
    bytes8('REGEDIT4\r\r[HKEY_CURRENT_USER\\T]\r"TestValue4"="DValue"\r'),
    {
      format: 'regedit4',
      keys: [T],
      values: [{ ...sz('TestValue4', 'DValue'), at: [4, 4] }],
    },
  ),
  f(
    'H14b',
    '§1.3 [WIN] RET TestValue5',
    'CR-only line breaks with the v5 header',
    bytes8(`${HDR5}\r\r[HKEY_CURRENT_USER\\T]\r"TestValue5"="DValue"\r`),
    { format: 'regedit5', keys: [T], values: [{ ...sz('TestValue5', 'DValue'), at: [4, 4] }] },
  ),
  f(
    'H15',
    '§7.1 H15 [WIN] §1.5',
    'Windows 3.1 REGEDIT: at most one space after = is consumed',
    bytes8('REGEDIT\r\nHKEY_CLASSES_ROOT\\T =  Value2\r\n'),
    {
      format: 'regedit-other',
      keys: ['HKEY_CLASSES_ROOT\\T'],
      values: [sz('', ' Value2', 'HKEY_CLASSES_ROOT\\T')],
    },
  ),
  f(
    'H15b',
    '§1.5 [WIN] RIT test_import_win31',
    'Windows 3.1 REGEDIT: trailing space kept, "=" optional, bare key sets ""',
    bytes8(
      'REGEDIT\r\nHKEY_CLASSES_ROOT\\T3 = Value3 \r\nHKEY_CLASSES_ROOT\\T4 Value4\r\n' +
        'HKEY_CLASSES_ROOT\\T6\r\n',
    ),
    {
      format: 'regedit-other',
      keys: ['HKEY_CLASSES_ROOT\\T3', 'HKEY_CLASSES_ROOT\\T4', 'HKEY_CLASSES_ROOT\\T6'],
      values: [
        sz('', 'Value3 ', 'HKEY_CLASSES_ROOT\\T3'),
        sz('', 'Value4', 'HKEY_CLASSES_ROOT\\T4'),
        sz('', '', 'HKEY_CLASSES_ROOT\\T6'),
      ],
    },
  ),
  f(
    'H16a',
    '§7.1 H16 [WIN]',
    'Windows 3.1: the root is case-sensitive',
    bytes8('REGEDIT\r\nhkey_classes_root\\T = V\r\n'),
    { format: 'regedit-other', keys: [], values: [], diagnostics: [skip(2)], tolerate: [1] },
  ),
  f(
    'H16b',
    '§7.1 H16 [WIN]',
    'Windows 3.1: the root must start the line',
    bytes8('REGEDIT\r\n HKEY_CLASSES_ROOT\\T = V\r\n'),
    { format: 'regedit-other', keys: [], values: [], diagnostics: [skip(2)], tolerate: [1] },
  ),
  f(
    'H16c',
    '§1.5 [WIN]',
    'Windows 3.1: HKCR is not accepted',
    bytes8('REGEDIT\r\nHKCR\\T = V\r\n'),
    { format: 'regedit-other', keys: [], values: [], diagnostics: [skip(2)], tolerate: [1] },
  ),
  f(
    'H17',
    '§7.1 H17 D, §1.2',
    'Windows-1252 REGEDIT4: é and 0x80–0x9F from our own table (€, Ÿ)',
    bytes8('REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"n"="caf\xe9"\r\n"\x80"="\x9f\x85"\r\n'),
    {
      format: 'regedit4',
      encoding: 'windows-1252',
      keys: [T],
      values: [sz('n', 'café'), sz('€', 'Ÿ…')],
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// §7.2 Keys

const K = (rest: string) => `${T}\\${rest}`;
const KEYS: Vector[] = [
  b('K1', '§7.2 K1 [WIN]', 'root name is case-insensitive', ['[hkey_CURRENT_user\\T\\A]'], {
    keys: [K('A')],
    values: [],
  }),
  b('K1b', '§2.1 [WIN]', 'root name in mixed case', ['[HkEy_CuRrEnT_uSeR\\T\\A]'], {
    keys: [K('A')],
    values: [],
  }),
  b('K2a', '§7.2 K2 [WIN]', 'a space after [ makes the key line invalid', [`[ ${K('A')}]`], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b('K2b', '§7.2 K2 [WIN]', 'a tab after [ makes the key line invalid', [`[\t${K('A')}]`], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b('K3', '§7.2 K3 [WIN]', 'leading spaces before [ are fine', [`  [${K('A')}]`], {
    keys: [K('A')],
    values: [],
  }),
  b('K3b', '§2.1 [WIN]', 'leading tabs before [ are fine', [`\t\t[${K('A')}]`], {
    keys: [K('A')],
    values: [],
  }),
  b(
    'K4',
    '§7.2 K4 [WIN]',
    'a trailing space inside the brackets is part of the name',
    [`[${K('Sub ')}]`],
    { keys: [K('Sub ')], values: [] },
  ),
  b(
    'K4b',
    '§2.1 [WIN]',
    'a trailing tab inside the brackets is part of the name',
    [`[${K('Sub\t')}]`],
    { keys: [K('Sub\t')], values: [] },
  ),
  b('K5', '§7.2 K5 [WIN]', 'a trailing backslash is ignored', [`[${K('Sub\\')}]`], {
    keys: [K('Sub')],
    values: [],
    find: [['HKEY_CURRENT_USER\\T\\Sub', K('Sub')]],
  }),
  b(
    'K6',
    '§7.2 K6 [WIN]',
    'a quote in a key name is literal; \\\\ in a value name is one \\',
    [`[${K('Subkey"1')}]`, '"Wine\\\\31"="Test value"'],
    { keys: [K('Subkey"1')], values: [sz('Wine\\31', 'Test value', K('Subkey"1'))] },
  ),
  b('K7', '§7.2 K7 [WIN]', 'slashes in a key name are literal', [`[${K('https://winehq.org')}]`], {
    keys: [K('https://winehq.org')],
    values: [],
  }),
  b('K8', '§7.2 K8 D/R, §2.1', 'text after the closing ] is ignored', [`[${T}] ; comment`], {
    values: [],
  }),
  b(
    'K9',
    '§7.2 K9 Wi/R, §2.1',
    'the key name runs to the LAST ] on the line',
    [`[${T}] ; see [x]`],
    { keys: [`${T}] ; see [x`], values: [] },
  ),
  b('K10a', '§7.2 K10 [WIN]', 'no opening [ : ignored', [`${K('NoOpen')}]`], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b('K10b', '§7.2 K10 [WIN]', 'no closing ] : ignored', [`[${K('NoClose')}`], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b(
    'K11a',
    '§7.2 K11 [WIN]',
    'a key name cannot continue over lines (\\ at the end)',
    [`[${T}\\`, 'Subkey1]'],
    { values: [], diagnostics: skipEach(4, 5) },
  ),
  b(
    'K11b',
    '§7.2 K11 [WIN]',
    'a key name cannot continue over lines (split before \\)',
    [`[${T}`, '\\Subkey2]'],
    { values: [], diagnostics: skipEach(4, 5) },
  ),
  b('K12', '§7.2 K12 [WIN]', '[-path] deletes the tree', [`[-${K('A')}]`], {
    keys: [{ path: K('A'), deleted: true }],
    values: [],
  }),
  b(
    'K12b',
    '§2.7 D',
    'delete then recreate: only what the file leaves behind remains',
    [`[${K('A')}]`, '"x"="1"', `[-${K('A')}]`, `[${K('A')}]`, '"y"="2"'],
    { keys: [K('A')], values: [{ ...sz('y', '2', K('A')), at: [8, 8] }] },
  ),
  ...[`[ -${K('A')}]`, `[- ${K('A')}]`, `[\t-${K('A')}]`, `[-\t${K('A')}]`].map((line, i) =>
    b(`K13${'abcd'[i]}`, '§7.2 K13 [WIN]', `no delete: ${JSON.stringify(line)}`, [line], {
      values: [],
      diagnostics: [skip(4)],
    }),
  ),
  b(
    'K14',
    '§7.2 K14 [WIN]',
    'deletion matches the root case-insensitively',
    ['[-HKEY_current_USER\\T\\SUBKEY3A]'],
    { keys: [{ path: K('SUBKEY3A'), deleted: true }], values: [] },
  ),
  b(
    'K15',
    '§7.2 K15 [WIN]',
    'values after a deletion line go nowhere',
    ['', `[-${K('A')}]`, '"Wine46a"=dword:12345678'],
    { keys: [{ path: K('A'), deleted: true }], values: [], diagnostics: [skip(6)] },
  ),
  b(
    'K16',
    '§7.2 K16 [WIN]',
    'unknown root: key and following values dropped',
    ['', '[HKEY_CURRENT_USERS\\T\\B]', '"Wine46b"=dword:12345678'],
    { values: [], diagnostics: [skip(5), skip(6)] },
  ),
  b(
    'K16b',
    '§2.1 [WIN]',
    'after an unknown root, the next valid key line applies again',
    [
      '[HKEY_CURRENT_USERS\\T\\B]',
      '"Wine46b"=dword:12345678',
      `[${K('C')}]`,
      '"Wine46c"=dword:00000001',
    ],
    {
      keys: [K('C')],
      values: [dw('Wine46c', 1, K('C'))],
      diagnostics: [skip(4), skip(5)],
    },
  ),
  b(
    'K17',
    '§7.2 K17 D, §10.4 UNCERTAIN',
    'HKLM abbreviation: long name plus a warning',
    ['[HKLM\\Software\\X]', '"v"="1"'],
    {
      keys: ['HKEY_LOCAL_MACHINE\\Software\\X'],
      values: [sz('v', '1', 'HKEY_LOCAL_MACHINE\\Software\\X')],
      diagnostics: [warn(4)],
    },
  ),
  b(
    'K18',
    '§7.2 K18 D',
    'a path without a root is an invalid key line',
    ['[\\DriverDatabase\\X]', '"v"="1"'],
    { values: [], diagnostics: [skip(4), skip(5)] },
  ),
];

// ---------------------------------------------------------------------------------------------
// §7.3 Names and strings

const STRINGS: Vector[] = [
  b('S1', '§7.3 S1 [WIN]', '\\" in names and data', ['"double\\"quote"="valid \\"or\\" not"'], {
    values: [sz('double"quote', 'valid "or" not')],
  }),
  b('S2', '§7.3 S2 [WIN]', '\\\\ in a name, empty REG_SZ', ['"\\\\foo\\\\bar"=""'], {
    values: [sz('\\foo\\bar', '')],
  }),
  b('S3', '§7.3 S3 [WIN]', '"" names the default value', ['""="Default Value Name"'], {
    values: [sz('', 'Default Value Name')],
  }),
  b('S4a', '§7.3 S4 [WIN]', '@ with spaces around =', ['@  =  "Test Value"'], {
    values: [sz('', 'Test Value')],
  }),
  b('S4b', '§7.3 S4 [WIN]', '@ with tabs around = and dword', ['\t@\t=\tdword:\t00000008\t'], {
    values: [dw('', 8)],
  }),
  b(
    'S5',
    '§7.3 S5 [WIN]',
    'spaces inside quotes are kept',
    ['"  Wine6c  "  =  "  Spaces everywhere  "  '],
    { values: [sz('  Wine6c  ', '  Spaces everywhere  ')] },
  ),
  b(
    'S6',
    '§7.3 S6 [WIN]',
    '# and ; inside quotes are data',
    ['"Wine22"="#comment1"', '"Wine25"="Value;comment4"'],
    { values: [sz('Wine22', '#comment1'), sz('Wine25', 'Value;comment4')] },
  ),
  b('S7', '§7.3 S7 [WIN]', ';comment right after the string', ['"Wine11"="Value 2";comment'], {
    values: [sz('Wine11', 'Value 2')],
  }),
  b(
    'S7b',
    '§2.2 [WIN]',
    'spaces then ;comment after the string',
    ['"Wine11b"="Value1"  ;comment'],
    {
      values: [sz('Wine11b', 'Value1')],
    },
  ),
  b(
    'S8',
    '§7.3 S8 [WIN]',
    '#comment after the string rejects the value',
    ['"Wine10"="Value 1"#comment'],
    { values: [], diagnostics: [skip(4)] },
  ),
  b('S9a', '§7.3 S9 [WIN]', 'text after the closing quote', ['"Wine37a"="foo"bar"'], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b('S9b', '§7.3 S9 [WIN]', 'two strings', ['"Wine37b"="foo""bar"'], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b('S10', '§7.3 S10 [WIN]', '\\\\0 is the literal text \\0', ['"Wine69a"="\\\\0"'], {
    values: [sz('Wine69a', '\\0')],
  }),
  b('S11', '§7.3 S11 [WIN]', '\\0 in a string rejects the value', ['"Wine70a"="\\0"'], {
    values: [],
    diagnostics: [skip(4)],
  }),
  b(
    'S12',
    '§7.3 S12 [WIN]',
    'a string cannot continue over lines',
    ['"Wine41b"="Test \\', 'Value"'],
    {
      values: [],
      diagnostics: skipEach(4, 5),
    },
  ),
  ...[
    'NameNoQuotes="x"',
    '"NameNoEndQuote="x"',
    '"TestNoQuotes"=Asdffdsa',
    '"TestNoEndQuote"="Asdffdsa',
    '"Test38a"=',
    '"Test38b"=\\"',
    '"Wine20"=#"Value 8"',
    '"Wine21"=;"Value 9"',
  ].map((line, i) =>
    b(`S13${'abcdefgh'[i]}`, '§7.3 S13 [WIN], §2.2, §2.5', `rejected: ${line}`, [line], {
      values: [],
      diagnostics: [skip(4)],
    }),
  ),
  b('S14', '§7.3 S14 Wi, §10.3 UNCERTAIN', '\\n in a string: LF plus a warning', ['"x"="a\\nb"'], {
    values: [sz('x', 'a\nb')],
    diagnostics: [warn(4)],
  }),
  b('S15', '§7.3 S15 Wi, §2.2', '"@" is a value named @', ['"@"="x"'], { values: [sz('@', 'x')] }),
  b(
    'S16',
    '§7.3 S16 [WIN]',
    "names may contain = ; # ' / [ ]",
    ['"With=Equals"="asdf"', '"123/\\"4;\'5"="x"', '"[a]#b"="y"'],
    { values: [sz('With=Equals', 'asdf'), sz('123/"4;\'5', 'x'), sz('[a]#b', 'y')] },
  ),
];

// ---------------------------------------------------------------------------------------------
// §7.4 DWORD

const DWORDS: Vector[] = [
  b('D1', '§7.4 D1 [WIN]', 'eight digits', ['"a"=dword:00000123'], { values: [dw('a', 0x123)] }),
  b('D2', '§7.4 D2 [WIN]', 'one to eight digits', ['"a"=dword:1', '"b"=dword:4444'], {
    values: [dw('a', 1), dw('b', 0x4444)],
  }),
  b(
    'D3',
    '§7.4 D3 [WIN]',
    'empty, non-hex or more than 8 digits',
    [
      '"a"=dword:',
      '"b"=dword:hello',
      '"c"=dword:123456789',
      '"d"=dword:012345678',
      '"e"=dword:000000001',
    ],
    { values: [], diagnostics: skipEach(4, 8) },
  ),
  b(
    'D4',
    '§7.4 D4 [WIN]',
    'trailing garbage, 0x prefix, inner space',
    ['"a"=dword:12345678abc', '"b"=dword:12345678 abc', '"c"=dword:0x123', '"d"=dword:123 456'],
    { values: [], diagnostics: skipEach(4, 7) },
  ),
  b(
    'D5',
    '§7.4 D5 [WIN]',
    '; starts a comment after the digits',
    ['"a"=dword:1234;5678', '"b"=dword:1234 ;5678'],
    { values: [dw('a', 0x1234), dw('b', 0x1234)] },
  ),
  b(
    'D6',
    '§7.4 D6 [WIN]',
    '# after the digits rejects the value',
    ['"a"=dword:1234#5678', '"b"=dword:1234 #5678', '"c"=dword:00000003#comment'],
    { values: [], diagnostics: skipEach(4, 6) },
  ),
  b(
    'D7',
    '§7.4 D7 [WIN]',
    'spaces or tabs after the colon',
    ['"a"=dword:  00000008', '"b"=dword:\t\t00000008', '"c"=dword:00000008  \t'],
    { values: [dw('a', 8), dw('b', 8), dw('c', 8)] },
  ),
  b('D8', '§7.4 D8 [WIN]', 'a dword cannot continue over lines', ['"a"=dword:1234\\', '5678'], {
    values: [],
    diagnostics: skipEach(4, 5),
  }),
  b('D9', '§7.4 D9 Wi', 'upper-case hex digits', ['"a"=dword:FFFFFFFF', '"b"=dword:aBcD'], {
    values: [dw('a', 0xffffffff), dw('b', 0xabcd)],
  }),
  b('D10', '§7.4 D10 Wi', 'there is no qword: syntax', ['"a"=qword:0000000000000001'], {
    values: [],
    diagnostics: [skip(4)],
  }),
];

// ---------------------------------------------------------------------------------------------
// §7.5 Hex types and continuation

const t7 = (
  name: string,
  c: VariantContext,
  hexList: string,
  extra: Partial<ExpectedValue> = {},
) => ({
  ...raw(name, 7, widen(hexList)),
  ...extra,
});
const t2 = (
  name: string,
  c: VariantContext,
  hexList: string,
  extra: Partial<ExpectedValue> = {},
) => ({
  ...raw(name, 2, widen(hexList)),
  ...extra,
});

const HEX: Vector[] = [
  {
    kind: 'body',
    id: 'X1',
    ref: '§7.5 X1 [WIN] RIT Wine3',
    title: 'REGEDIT4 hex(7) continued over two lines',
    variants: ['ansi4'],
    body: () => [
      '"Wine3"=hex(7):4c,69,6e,65,20,\\',
      '  63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00',
    ],
    expect: (c) => ({
      values: [t7('Wine3', c, LINE_CONCAT, { data: ['Line concatenation'], at: [4, 5] })],
    }),
  },
  {
    kind: 'body',
    id: 'X2',
    ref: '§7.5 X2 [WIN] RIT test_unicode_import Wine3',
    title: 'v5 UTF-16 hex(7) continued over two lines',
    variants: ['u16le5'],
    body: () => [
      '"Wine3"=hex(7):4c,00,69,00,6e,00,65,00,20,00,\\',
      '  63,00,6f,00,6e,00,63,00,61,00,74,00,65,00,6e,00,61,00,74,00,69,00,6f,00,6e,00,00,00,00,00',
    ],
    expect: (c) => ({
      values: [t7('Wine3', c, LINE_CONCAT, { data: ['Line concatenation'], at: [4, 5] })],
    }),
  },
  bs(
    'X3',
    '§7.5 X3 [WIN]',
    'a #comment line inside a continuation kills the value',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20,')}\\`,
      '  #comment',
      `  ${c.s('63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    () => ({ values: [], diagnostics: [skip(4, 5), skip(6)] }),
  ),
  bs(
    'X4',
    '§7.5 X4 [WIN]',
    'a ;comment line inside a continuation is skipped',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20,')}\\`,
      '  ;comment',
      `  ${c.s('63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    (c) => ({
      values: [t7('Wine3', c, LINE_CONCAT, { data: ['Line concatenation'], at: [4, 6] })],
    }),
  ),
  bs(
    'X5',
    '§7.5 X5 [WIN] Multi-Line',
    '\\;comment after the continuation backslash',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20,63,6f,6e,')}\\;comment`,
      `  ${c.s('63,61,74,')}\\;comment`,
      `  ${c.s('65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    (c) => ({
      values: [t7('Wine3', c, LINE_CONCAT, { data: ['Line concatenation'], at: [4, 6] })],
    }),
  ),
  bs(
    'X6',
    '§7.5 X6 [WIN] Multi-Line2',
    '",;comment" without a backslash ends the data; the rest is garbage',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20,63,6f,6e,')}\\;comment`,
      `  ${c.s('63,61,74,')};comment`,
      `  ${c.s('65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    (c) => ({
      values: [
        t7('Wine3', c, '4c,69,6e,65,20,63,6f,6e,63,61,74,00', {
          data: ['Line concat'],
          at: [4, 5],
        }),
      ],
      diagnostics: [skip(6)],
      tolerate: [5],
    }),
  ),
  bs(
    'X7a',
    '§7.5 X7 [WIN]',
    'backslash without a comma; next line starting with a comma',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20')}\\`,
      `,${c.s('63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    () => ({ values: [], diagnostics: skipEach(4, 5) }),
  ),
  bs(
    'X7b',
    '§7.5 X7 [WIN]',
    'continuation line starting with spaces and a comma',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20,')}\\`,
      `  ,${c.s('63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    () => ({ values: [], diagnostics: [skip(4, 5), skip(5)] }),
  ),
  b(
    'X8',
    '§7.5 X8 [WIN]',
    'backslash not after a comma: value ignored',
    ['"Wine54"=hex:11,22,33,44\\', '  55,66,77,88'],
    { values: [], diagnostics: skipEach(4, 5) },
  ),
  b(
    'X8b',
    '§7.5 X8 [WIN] RIT Wine55i/j',
    '...and the next line is parsed normally',
    ['"Wine55i"=hex:11,22,33,44\\', '"Wine55j"="Test value"'],
    { values: [sz('Wine55j', 'Test value')], diagnostics: [skip(4)] },
  ),
  bs(
    'X9',
    '§7.5 X9 [WIN] RIT Wine54a',
    'dangling ",\\" consumes the next key line',
    (c) => [`"Wine54a"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, `[${K('Subkey1')}]`],
    () => ({ values: [], diagnostics: [skip(4, 5), skip(5)] }),
  ),
  bs(
    'X10',
    '§7.5 X10 [WIN] RIT Wine54b',
    'dangling "20\\" (no comma): value ignored, the key line is read',
    (c) => [`"Wine54b"=hex(2):${c.s('4c,69,6e,65,20')}\\`, `[${K('Subkey2')}]`],
    () => ({ keys: [K('Subkey2')], values: [], diagnostics: [skip(4)] }),
  ),
  bs(
    'X11',
    '§7.5 X11 [WIN] RIT Wine55a/b',
    'dangling ",\\" consumes the next value line',
    (c) => [`"Wine55a"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, '"Wine55b"="Test value"'],
    () => ({ values: [], diagnostics: [skip(4, 5), skip(5)] }),
  ),
  bs(
    'X11b',
    '§7.5 X11b [WIN] RIT Wine55c/d',
    ';comment is filler; the value line after it is consumed',
    (c) => [`"Wine55c"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, ';comment', '"Wine55d"="Test value"'],
    () => ({ values: [], diagnostics: [skip(4, 6), skip(6)], tolerate: [5] }),
  ),
  bs(
    'X11b2',
    '§7.5 X11b [WIN] RIT Wine55g/h',
    'a blank line is filler; the value line after it is consumed',
    (c) => [`"Wine55g"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, '', '"Wine55h"="Test value"'],
    () => ({ values: [], diagnostics: [skip(4, 6), skip(6)], tolerate: [5] }),
  ),
  bs(
    'X11c',
    '§7.5 X11c [WIN] RIT Wine58b',
    '#comment kills the value and is consumed; the default value line is read',
    (c) => [`"Wine58a"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, '#comment', '@="Default value 3"'],
    () => ({ values: [sz('', 'Default value 3')], diagnostics: [skip(4, 5)] }),
  ),
  bs(
    'X11c2',
    '§7.5 X11c [WIN] RIT Wine58c',
    ';comment is filler, so the default value line is consumed',
    (c) => [`"Wine58c"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, ';comment', '@="Default value 3"'],
    () => ({ values: [], diagnostics: [skip(4, 6), skip(6)], tolerate: [5] }),
  ),
  bs(
    'X12',
    '§7.5 X12 [WIN] RIT Wine55e/f',
    '#comment kills the value; the next value line is read',
    (c) => [`"Wine55e"=hex(2):${c.s('4c,69,6e,65,20,')}\\`, '#comment', '"Wine55f"="Test value"'],
    () => ({ values: [sz('Wine55f', 'Test value')], diagnostics: [skip(4, 5)] }),
  ),
  bs(
    'X13',
    '§7.5 X13 [WIN] RIT Multi-Line10',
    'blank and whitespace-only lines inside a continuation are skipped',
    (c) => [
      `"Wine3"=hex(7):${c.s('4c,69,6e,65,20,')}\\`,
      '',
      `  ${c.s('63,6f,6e,63,61,74,')}\\`,
      '\t \t',
      `  ${c.s('65,6e,61,74,69,6f,6e,00,00')}`,
    ],
    (c) => ({
      values: [t7('Wine3', c, LINE_CONCAT, { data: ['Line concatenation'], at: [4, 8] })],
    }),
  ),
  bs(
    'X14',
    '§7.5 X14 [WIN] RIT Wine52l',
    'hex(2):\\ right after the colon',
    (c) => ['"Wine52l"=hex(2):\\', `  ${c.s('25,48,4f,4d,45,25,00')}`],
    (c) => ({ values: [t2('Wine52l', c, '25,48,4f,4d,45,25,00', { data: '%HOME%', at: [4, 5] })] }),
  ),
  ...[
    '"Wine52a"=hex(2):25,48\\,4f,4d,45,25,00',
    '"Wine52b"=hex(2):,\\',
    '"Wine52c"=hex(2):25,48,4\\f,4d,45,25,00',
    '"Wine52d"=hex(2):25,50,\\,41,54,48,25,00',
    '"Wine52e"=hex(2):25,48,\\4f,4d,45,25,00',
  ].map((line, i) =>
    b(
      `X15${'abcde'[i]}`,
      '§7.5 X15 [WIN] RIT Wine52a–k',
      `backslash not at the end: ${line}`,
      [line],
      {
        values: [],
        diagnostics: [skip(4)],
      },
    ),
  ),
  b(
    'X16a',
    '§7.5 X16 [WIN] RIT Wine59a',
    'a lone \\ line inside a continuation',
    ['"Wine59a"=hex:11,22,33,\\', '\\', '  44,55,66'],
    { values: [], diagnostics: [skip(4, 5), skip(6)] },
  ),
  b(
    'X16b',
    '§7.5 X16 [WIN] RIT Wine59b',
    'an indented lone \\ line inside a continuation',
    ['"Wine59b"=hex:11,22,33,\\', '  \\', '  44,55,66'],
    { values: [], diagnostics: [skip(4, 5), skip(6)] },
  ),
  b(
    'X17',
    '§7.5 X17 [WIN]',
    'a byte split over two lines',
    ['"Wine"=hex(0):56,00,61,00,6c,00,7\\', '5,00,65,00'],
    { values: [], diagnostics: skipEach(4, 5) },
  ),
  b(
    'X18',
    '§7.5 X18 [WIN] RIT Wine51',
    'a byte above 0xff',
    ['"Wine51"=hex(0):25,50,100,54,48,25,00'],
    {
      values: [],
      diagnostics: [skip(4)],
    },
  ),
  b('X18b', '§2.4 [WIN] RIT Wine51', 'a three-digit byte', ['"Wine51b"=hex:25,1a4,54'], {
    values: [],
    diagnostics: [skip(4)],
  }),
  bs(
    'X19',
    '§7.5 X19 [WIN]',
    'a trailing comma ends the data cleanly',
    (c) => [`"Wine19"=hex(2):${c.s('25,50,41,54,48,25,00,')}`],
    (c) => ({ values: [t2('Wine19', c, '25,50,41,54,48,25,00', { data: '%PATH%' })] }),
  ),
  bs(
    'X20a',
    '§7.5 X20 [WIN]',
    ';comment after hex data',
    (c) => [`"Wine20a"=hex(2):${c.s('25,50,41,54,48,25,00')}  ;comment`],
    (c) => ({ values: [t2('Wine20a', c, '25,50,41,54,48,25,00', { data: '%PATH%' })] }),
  ),
  bs(
    'X20b',
    '§7.5 X20 [WIN]',
    '#comment after hex data rejects the value',
    (c) => [`"Wine20b"=hex(2):${c.s('25,50,41,54,48,25,00')}  #comment`],
    () => ({ values: [], diagnostics: [skip(4)] }),
  ),
  b(
    'X21',
    '§7.5 X21 [WIN] RIT Wine62c',
    'EOF after ",\\" stores what was read',
    ['"Wine62c"=hex:11,22,33,44,55,\\'],
    { values: [raw('Wine62c', 3, '1122334455')], tolerate: [4] },
  ),
  {
    ...b(
      'X21b',
      '§7.5 X21 [WIN] RIT Wine62',
      'EOF after ",\\" with no final newline',
      ['"Wine62b"=hex:11,22,33,44,55,\\'],
      { values: [raw('Wine62b', 3, '1122334455')], tolerate: [4] },
    ),
    noFinalEol: true,
  },
  bs(
    'X22',
    '§7.5 X22 [WIN] RIT Wine62f',
    'EOF after "20\\" (no comma): not stored',
    (c) => [`"Wine62f"=hex(7):${c.s('4c,69,6e,65,20')}\\`],
    () => ({ values: [], diagnostics: [skip(4)] }),
    { noFinalEol: true },
  ),
  bs(
    'X23',
    '§7.5 X23 [WIN] RIT Wine66',
    'hex(7) without a final NUL gets exactly one',
    (c) => [
      `"Wine66a"=hex(7):${c.s('4c,69,6e,65')}`,
      `"Wine66b"=hex(7):${c.s('4c,69,6e,65,')}`,
      `"Wine66c"=hex(7):${c.s('4c,69,6e,65,00')}`,
      `"Wine66d"=hex(7):${c.s('4c,69,6e,65,00,')}`,
    ],
    (c) => ({
      values: ['a', 'b', 'c', 'd'].map((x) =>
        t7(`Wine66${x}`, c, '4c,69,6e,65,00', { data: ['Line'] }),
      ),
    }),
  ),
  bs(
    'X23b',
    '§2.3 [WIN] RIT Wine67',
    'hex(2) without a final NUL gets exactly one',
    (c) => [`"Wine67a"=hex(2):${c.s('25,50,41,54,48,25')}`],
    (c) => ({ values: [t2('Wine67a', c, '25,50,41,54,48,25,00', { data: '%PATH%' })] }),
  ),
  bs(
    'X24',
    '§7.5 X24 [WIN]',
    'hex(7) already double-terminated is kept as is',
    (c) => [`"Wine66e"=hex(7):${c.s('4c,69,6e,65,00,00')}`],
    (c) => ({ values: [t7('Wine66e', c, '4c,69,6e,65,00,00')] }),
  ),
  b(
    'X25',
    '§7.5 X25 [WIN] RIT Wine68',
    'empty data for every hex type',
    [
      '"Wine68a"=hex(1):',
      '"Wine68b"=hex(2):',
      '"Wine68c"=hex(3):',
      '"Wine68d"=hex(4):',
      '"Wine68e"=hex(7):',
      '"Wine68f"=hex(100):',
      '"Wine68g"=hex(abcd):',
      '"Wine68h"=hex:',
      '"Wine68i"=hex(0):',
    ],
    {
      values: [
        raw('Wine68a', 1, ''),
        raw('Wine68b', 2, ''),
        raw('Wine68c', 3, ''),
        raw('Wine68d', 4, ''),
        raw('Wine68e', 7, ''),
        raw('Wine68f', 0x100, ''),
        raw('Wine68g', 0xabcd, ''),
        raw('Wine68h', 3, ''),
        raw('Wine68i', 0, ''),
      ],
    },
  ),
  b(
    'X26',
    '§7.5 X26 [WIN]',
    'type numbers up to ffffffff',
    [
      '"a"=hex(10):56,61',
      '"b"=hex(7fffffff):56,61',
      '"c"=hex(ffffffff):56,61',
      '"d"=hex(ABCD):56,61',
    ],
    {
      values: [
        raw('a', 0x10, '5661'),
        raw('b', 0x7fffffff, '5661'),
        raw('c', 0xffffffff, '5661'),
        raw('d', 0xabcd, '5661'),
      ],
    },
  ),
  b(
    'X27',
    '§7.5 X27 [WIN]',
    'invalid type numbers',
    ['"a"=hex(100000000):56', '"b"=hex(0x2):56', '"c"=hex(0X2):56', '"d"=hex(x2):56'],
    { values: [], diagnostics: skipEach(4, 7) },
  ),
  b('X28', '§7.5 X28 [WIN]', 'hex(4) is a little-endian DWORD', ['"a"=hex(4):40,30,20,10'], {
    values: [{ ...raw('a', 4, '40302010'), data: 0x10203040 }],
  }),
  b(
    'X29',
    '§7.5 X29 [WIN]',
    'hex(4) with 8 bytes is kept as is',
    ['"a"=hex(4):80,70,60,50,40,30,20,10'],
    {
      values: [{ ...raw('a', 4, '8070605040302010'), data: null }],
    },
  ),
  bs(
    'X30',
    '§7.5 X30 [WIN] XT Wine4h',
    'comma, space, backslash continues; embedded NUL kept in hex(1)',
    (c) => [`"Wine4h"=hex(1):${c.s('61,62,63,00,')} \\`, `  ${c.s('64,65,66,00')}`],
    () => ({ values: [{ ...raw('Wine4h', 1, widen('61,62,63,00,64,65,66,00')), at: [4, 5] }] }),
  ),
  b('X31', '§7.5 X31 D', 'device-property type ffff0012', ['@=hex(ffff0012):6f,00,65,00,6d,00'], {
    values: [raw('', 0xffff0012, '6f0065006d00')],
  }),
  b(
    'X32',
    '§7.5 X32 D',
    'hex(b) is a little-endian QWORD',
    ['"q"=hex(b):02,00,00,00,01,00,00,00'],
    {
      values: [{ ...raw('q', 11, '0200000001000000'), data: 0x0000000100000002n }],
    },
  ),
  b('X33', '§7.5 X33 D', 'hex(5) is a big-endian DWORD', ['"be"=hex(5):12,34,56,78'], {
    values: [{ ...raw('be', 5, '12345678'), data: 0x12345678 }],
  }),
  b(
    'X34',
    '§7.5 X34 R',
    'non-ASCII names and UTF-16 hex(2) in a v5 UTF-16 file',
    ['"sz-あ"="あ"', '"expand-sz"=hex(2):42,30,00,00'],
    {
      values: [sz('sz-あ', 'あ'), { ...raw('expand-sz', 2, '42300000'), data: 'あ' }],
    },
    ['u16le5'],
  ),
  b(
    'X35',
    '§7.5 X35 R',
    'MULTI_SZ with two strings',
    ['"multi-sz-a-b"=hex(7):61,00,00,00,62,00,00,00,00,00'],
    {
      values: [{ ...raw('multi-sz-a-b', 7, '61000000620000000000'), data: ['a', 'b'] }],
    },
    ['u16le5', 'ansi5'],
  ),
  b(
    'X36',
    '§7.5 X36 R/D',
    'MULTI_SZ with an empty string inside keeps its raw bytes',
    ['"x"=hex(7):61,00,00,00,00,00,62,00,00,00'],
    { values: [raw('x', 7, '61000000000062000000')] },
    ['u16le5', 'ansi5'],
  ),
  b(
    'X37',
    '§7.5 X37 D',
    'a surrogate pair in a name',
    ['"🌎"="x"'],
    {
      values: [sz('🌎', 'x')],
    },
    ['u16le5', 'u16le4'],
  ),
  b(
    'X37b',
    '§7.5 X37 D',
    'unpaired surrogates survive as raw code units',
    ['"a\ud83cb"="c\udf0ed"'],
    {
      values: [{ path: T, name: 'a\ud83cb', type: 1, hex: '63000edf64000000' }],
    },
    ['u16le5', 'u16le4'],
  ),
];

// ---------------------------------------------------------------------------------------------
// §7.6 Deletion, whitespace, comments

const MISC: Vector[] = [
  b(
    'V1',
    '§7.6 V1 [WIN]',
    '=- deletes, with spaces, tabs or ;comment',
    ['"Wine46a"=-', '"Wine46b"=  -', '"Wine46c"=  \t-\t  ', '"Wine46e"=- ;comment'],
    { values: [del('Wine46a'), del('Wine46b'), del('Wine46c'), del('Wine46e')] },
  ),
  b(
    'V1b',
    '§2.6, §2.7 [WIN]',
    'set then delete: the later line wins',
    ['"Wine46a"="x"', '"WINE46A"=-'],
    { values: [{ ...del('Wine46a'), overwritten: [4], nameCi: true }] },
  ),
  b(
    'V2',
    '§7.6 V2 [WIN]',
    '=-"Test" and =- #comment do not delete',
    ['"Wine46d"=-"Test"', '"Wine46f"=- #comment'],
    { values: [], diagnostics: skipEach(4, 5) },
  ),
  b('V3', '§7.6 V3 Wi, §10.7 UNCERTAIN', '@=- deletes the default value, with a warning', ['@=-'], {
    values: [del('')],
    diagnostics: [warn(4)],
  }),
  b(
    'C1',
    '§7.6 C1 [WIN]',
    'comment lines ending in a backslash do not continue',
    ['#comment\\', '"Wine8"="Line 1"', ';comment\\', '"Wine9"="Line 2"'],
    { values: [sz('Wine8', 'Line 1'), sz('Wine9', 'Line 2')], tolerate: [4] },
  ),
  b(
    'C2',
    '§7.6 C2 [WIN]',
    'indented # and ; lines are ignored',
    ['    #"Comment3"="Value 3"', '    ;"Comment4"="Value 4"'],
    { values: [], tolerate: [4] },
  ),
  b(
    'C3',
    '§7.6 C3 [WIN]',
    'tabs and spaces around names and =',
    ['\t\t"Wine5b"\t\t="Leading tabs"', '    "Wine5d"    \t    =    \t    "More whitespace"'],
    { values: [sz('Wine5b', 'Leading tabs'), sz('Wine5d', 'More whitespace')] },
  ),
  b('C4', '§7.6 C4 [WIN]', 'trailing spaces after the data', ['"Wine8a"="Trailing spaces"    '], {
    values: [sz('Wine8a', 'Trailing spaces')],
  }),
  b(
    'C5',
    '§7.6 C5 [WIN]',
    'blank lines between values',
    ['"Line1"="Value1"', '', '', '"Line2"="Value2"'],
    {
      values: [
        { ...sz('Line1', 'Value1'), at: [4, 4] },
        { ...sz('Line2', 'Value2'), at: [7, 7] },
      ],
    },
  ),
  b('C6', '§7.6 C6 [WIN]', 'a garbage line is ignored', ['garbage line', '"after"="x"'], {
    values: [sz('after', 'x')],
    diagnostics: [skip(4)],
  }),
  b(
    'C7',
    '§2.7 [3P]',
    'a repeated value: last write wins, spelling of the last write kept',
    ['"foo"="1"', '"FOO"="2"', '"fOo"="3"'],
    { values: [{ ...sz('foo', '3'), at: [6, 6], overwritten: [4, 5], nameCi: true }] },
  ),
];

// ---------------------------------------------------------------------------------------------
// §10 UNCERTAIN points: the tolerant reading plus a warning

const UNCERTAIN: Vector[] = [
  f(
    'U2a',
    '§1.1, §10.2 UNCERTAIN',
    'v5 header followed by ;comment: accepted with a warning',
    bytes8(`${HDR5} ;blah\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"a"="b"\r\n`),
    { format: 'regedit5', keys: [T], values: [sz('a', 'b')], diagnostics: [warn(1)] },
  ),
  f(
    'U2b',
    '§1.1, §10.2 UNCERTAIN',
    'REGEDIT4 header with trailing spaces: accepted with a warning',
    bytes8(`REGEDIT4  \r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"a"="b"\r\n`),
    { format: 'regedit4', keys: [T], values: [sz('a', 'b')], diagnostics: [warn(1)] },
  ),
  b(
    'U5',
    '§2.3, §10.5 UNCERTAIN',
    'DWORD: / HEX: in other case: accepted with a warning',
    ['"a"=DWORD:00000001', '"b"=Hex:01,02'],
    {
      values: [dw('a', 1), raw('b', 3, '0102')],
      diagnostics: [warn(4), warn(5)],
    },
  ),
  b(
    'U8',
    '§2.3, §10.8',
    'an 8-bit file with the v5 header: hex(2) bytes are UTF-16 (header decides)',
    ['"p"=hex(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00'],
    {
      values: [{ ...raw('p', 2, '25005000410054004800250000 00'), data: '%PATH%' }],
      tolerate: [4],
    },
    ['ansi5'],
  ),
];

// ---------------------------------------------------------------------------------------------
// §7.7 Export / round-trip: parse then serializeReg must give exactly these bytes

export interface RoundTripVector {
  id: string;
  ref: string;
  title: string;
  /** What to parse (bytes). */
  input: Uint8Array;
  /** Exactly what serializeReg must write. */
  output: Uint8Array;
}

const CRLF = '\r\n';
const exportText = (blocks: string[][]): string =>
  `${HDR5}${CRLF}` +
  blocks.map((lines) => CRLF + lines.map((l) => l + CRLF).join('')).join('') +
  CRLF;

/** reg-format.md §7.7 (XT complex_data_test), one entry per line; `\` + CRLF wraps as written. */
export const COMPLEX_EXPORT_TEXT = exportText([
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test]',
    '"DWORD"=dword:00000100',
    '"String"="Your text here..."',
  ],
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey1]',
    '"Binary"=hex:11,22,33,44',
    '"Undefined hex"=hex(100):25,50,41,54,48,25,00',
  ],
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey2a]',
    '"double\\"quote"="\\"Hello, World!\\""',
    '"single\'quote"=dword:00000008',
  ],
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey2a\\Subkey2b]',
    '@="Default value name"',
    '"Multiple strings"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\',
    '  00,65,00,32,00,00,00,4c,00,69,00,6e,00,65,00,33,00,00,00,00,00',
  ],
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey3a]',
    '"Backslash"="Use \\\\\\\\ to escape a backslash"',
  ],
  ['[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey3a\\Subkey3b]'],
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey3a\\Subkey3b\\Subkey3c]',
    '"String expansion"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,5c,00,25,00,50,\\',
    '  00,41,00,54,00,48,00,25,00,00,00',
    '"Zero data type"=hex(0):56,61,6c,75,65,00',
  ],
  [
    '[HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey4]',
    '@=dword:12345678',
    '"43981"=hex(abcd):56,61,6c,75,65,00',
  ],
]);

const RT = 'HKEY_CURRENT_USER\\Software\\Wine\\reg_test';
/** What the §7.7 file holds, for the parse half of the round trip. */
export const COMPLEX_EXPORT_VALUES: ExpectedValue[] = [
  dw('DWORD', 0x100, RT),
  sz('String', 'Your text here...', RT),
  raw('Binary', 3, '11223344', `${RT}\\Subkey1`),
  raw('Undefined hex', 0x100, '25504154482500', `${RT}\\Subkey1`),
  sz('double"quote', '"Hello, World!"', `${RT}\\Subkey2a`),
  dw("single'quote", 8, `${RT}\\Subkey2a`),
  sz('', 'Default value name', `${RT}\\Subkey2a\\Subkey2b`),
  {
    ...raw(
      'Multiple strings',
      7,
      toHex(utf16le('Line1\0Line2\0Line3\0\0')),
      `${RT}\\Subkey2a\\Subkey2b`,
    ),
    data: ['Line1', 'Line2', 'Line3'],
    at: [17, 18],
  },
  sz('Backslash', 'Use \\\\ to escape a backslash', `${RT}\\Subkey3a`),
  {
    ...raw(
      'String expansion',
      2,
      toHex(utf16le('%HOME%\\%PATH%\0')),
      `${RT}\\Subkey3a\\Subkey3b\\Subkey3c`,
    ),
    data: '%HOME%\\%PATH%',
  },
  raw('Zero data type', 0, '56616c756500', `${RT}\\Subkey3a\\Subkey3b\\Subkey3c`),
  dw('', 0x12345678, `${RT}\\Subkey4`),
  raw('43981', 0xabcd, '56616c756500', `${RT}\\Subkey4`),
];
export const COMPLEX_EXPORT_KEYS = [
  RT,
  `${RT}\\Subkey1`,
  `${RT}\\Subkey2a`,
  `${RT}\\Subkey2a\\Subkey2b`,
  `${RT}\\Subkey3a`,
  `${RT}\\Subkey3a\\Subkey3b`,
  `${RT}\\Subkey3a\\Subkey3b\\Subkey3c`,
  `${RT}\\Subkey4`,
];

const EMPTY_HEX_TEXT = exportText([
  [
    `[${T}]`,
    '"Wine1a"=hex(0):',
    '"Wine1b"=""',
    '"Wine1c"=hex(2):',
    '"Wine1d"=hex:',
    '"Wine1e"=hex(4):',
    '"Wine1f"=hex(7):',
    '"Wine1g"=hex(100):',
    '"Wine1h"=hex(abcd):',
  ],
]);

const seq = (from: number, to: number): string => {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(i.toString(16).padStart(2, '0'));
  return out.join(',');
};

export const ROUND_TRIP: RoundTripVector[] = [
  {
    id: 'E1',
    ref: '§7.7 [WIN] XT complex_data_test',
    title: 'the Windows-checked export, byte for byte',
    input: utf16le(COMPLEX_EXPORT_TEXT, true),
    output: utf16le(COMPLEX_EXPORT_TEXT, true),
  },
  {
    id: 'E2',
    ref: '§7.7 [WIN] XT empty_hex_test',
    title: 'empty data for every type exports as the bare prefix; "" stays ""',
    input: utf16le(EMPTY_HEX_TEXT, true),
    output: utf16le(EMPTY_HEX_TEXT, true),
  },
  {
    id: 'E3',
    ref: '§7.7 [WIN] XT embedded_null_test, §2.2 — deliberately not Windows',
    // Windows' own export truncates such data at the first NUL ("Wine5a"="abc", "Wine5b"=""),
    // losing the rest. Our serializer keeps every byte instead (as hex(1)), so that an export we
    // write imports back to exactly the same value.
    title: 'REG_SZ with embedded NULs is written as hex(1), keeping every byte',
    input: utf16le(
      exportText([
        [
          `[${T}]`,
          `"Wine5a"=hex(1):${widen('61,62,63,00,64,65,66,00')}`,
          `"Wine5b"=hex(1):${widen('00,61,62,63,00')}`,
        ],
      ]),
      true,
    ),
    output: utf16le(
      exportText([
        [
          `[${T}]`,
          `"Wine5a"=hex(1):${widen('61,62,63,00,64,65,66,00')}`,
          `"Wine5b"=hex(1):${widen('00,61,62,63,00')}`,
        ],
      ]),
      true,
    ),
  },
  {
    id: 'E4',
    ref: '§7.7 wrap case, §2.8',
    title: '40 bytes: 22 on the first line (80 characters with the \\), the rest indented',
    input: utf16le(exportText([[`[${T}]`, `"Binary"=hex:${seq(0, 0x27)}`]]), true),
    output: utf16le(
      exportText([[`[${T}]`, `"Binary"=hex:${seq(0, 0x15)},\\`, `  ${seq(0x16, 0x27)}`]]),
      true,
    ),
  },
  {
    id: 'E5',
    ref: '§2.8 [WIN] algorithm',
    title: '80 bytes: continuation lines carry exactly 25 bytes',
    input: bytes8(`${HDR5}\n\n[${T}]\n"Binary"=hex:${seq(0, 0x4f)}\n`),
    output: utf16le(
      exportText([
        [
          `[${T}]`,
          `"Binary"=hex:${seq(0, 0x15)},\\`,
          `  ${seq(0x16, 0x2e)},\\`,
          `  ${seq(0x2f, 0x47)},\\`,
          `  ${seq(0x48, 0x4f)}`,
        ],
      ]),
      true,
    ),
  },
  {
    id: 'E6',
    ref: '§2.8 [WIN], §2.3',
    title:
      'dword:%08x lowercase; hex(4) of other lengths, hex(b), hex(ffff0012) kept; X36 raw kept',
    input: utf16le(
      exportText([
        [
          `[${T}]`,
          '"a"=dword:ABCDEF01',
          '"b"=hex(4):80,70,60,50,40,30,20,10',
          '"c"=hex(4):40,30,20,10',
          '"q"=hex(b):02,00,00,00,01,00,00,00',
          '@=hex(ffff0012):6f,00,65,00,6d,00',
          '"x"=hex(7):61,00,00,00,00,00,62,00,00,00',
        ],
      ]),
      true,
    ),
    output: utf16le(
      exportText([
        [
          `[${T}]`,
          '"a"=dword:abcdef01',
          '"b"=hex(4):80,70,60,50,40,30,20,10',
          '"c"=dword:10203040',
          '"q"=hex(b):02,00,00,00,01,00,00,00',
          '@=hex(ffff0012):6f,00,65,00,6d,00',
          '"x"=hex(7):61,00,00,00,00,00,62,00,00,00',
        ],
      ]),
      true,
    ),
  },
  {
    id: 'E7',
    ref: '§2.8 [WIN] (long value name)',
    title: 'a long name: one byte on the first line, then a wrap',
    input: utf16le(exportText([[`[${T}]`, `"${'n'.repeat(70)}"=hex:30,31,32`]]), true),
    output: utf16le(exportText([[`[${T}]`, `"${'n'.repeat(70)}"=hex:30,\\`, '  31,32']]), true),
  },
];

export const VECTORS: Vector[] = [
  ...HEADER,
  ...KEYS,
  ...STRINGS,
  ...DWORDS,
  ...HEX,
  ...MISC,
  ...UNCERTAIN,
];
