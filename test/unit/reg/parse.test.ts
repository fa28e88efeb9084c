import { describe, expect, it } from 'vitest';
import {
  findKey,
  findValue,
  foldOps,
  parseReg,
  parseRegText,
  typeName,
} from '../../../src/lib/reg';
import { V5, sz, utf16, v4, v5, valuesOf } from './helpers';

const HEX2 = (i: number) => (i & 0xff).toString(16).padStart(2, '0');

describe('header (reg-format.md §1.1)', () => {
  it.each([
    [V5, 'regedit5', 0],
    [' \tREGEDIT4', 'regedit4', 0],
    ['REGEDIT4 ;comment', 'regedit4', 1],
    ['REGEDIT4  ', 'regedit4', 1],
    ['REGEDIT5', 'regedit-other', 1],
    ['REGEDIT4 FOO', 'regedit-other', 1],
  ] as const)('%j → %s with %i diagnostic(s)', (header, format, count) => {
    const doc = parseRegText(`${header}\n`);
    expect(doc.format).toBe(format);
    expect(doc.diagnostics).toHaveLength(count);
  });
  it.each(['regedit4', '\nREGEDIT4', 'Windows Registry Editor Version 4.00', ''])(
    '%j is not a registry export',
    (header) => {
      const doc = parseRegText(`${header}\n[HKEY_CURRENT_USER\\T]\n"a"="b"\n`);
      expect(doc.format).toBe('none');
      expect(doc.keys).toEqual([]);
      expect(doc.diagnostics[0]?.message).toMatch(/^not a registry export: the first line must be/);
    },
  );
  it('applies nothing under another REGEDIT header, but still reads the lines', () => {
    const doc = parseRegText('REGEDIT9\n[HKEY_CURRENT_USER\\T]\n"a"=dword:123456789\n');
    expect(doc.ops).toEqual([]);
    expect(doc.diagnostics.map((d) => d.line)).toEqual([1, 3]);
  });
});

describe('key lines (§2.1)', () => {
  it('normalises roots, takes the last ] and strips trailing backslashes', () => {
    const doc = v5('[hkey_local_MACHINE\\Soft] ; see [x]', '[HKEY_USERS\\a\\b\\\\]');
    expect(doc.keys.map((k) => k.path)).toEqual([
      'HKEY_CURRENT_USER\\T',
      'HKEY_LOCAL_MACHINE\\Soft] ; see [x',
      'HKEY_USERS\\a\\b',
    ]);
  });
  it('accepts HKLM with a warning', () => {
    const doc = v5('[HKLM\\X]');
    expect(doc.keys[1]?.path).toBe('HKEY_LOCAL_MACHINE\\X');
    expect(doc.diagnostics).toMatchObject([{ line: 4, severity: 'warning' }]);
  });
  it('drops the values after an unknown root, and says why', () => {
    const doc = v5('[HKEY_CURRENT_USERS\\B]', '"v"=dword:1');
    expect(doc.keys).toHaveLength(1);
    expect(valuesOf(doc)).toEqual({});
    expect(doc.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [4, 'error'],
      [5, 'error'],
    ]);
    expect(doc.diagnostics[1]?.message).toContain('line 4 is not valid');
  });
  it('ignores values after [-key] and keeps the previous key on a missing ]', () => {
    const doc = v5(
      '[-HKEY_CURRENT_USER\\T\\A]',
      '"x"=dword:1',
      '[HKEY_CURRENT_USER\\T',
      '"y"=dword:2',
    );
    expect(doc.ops.map((o) => o.op)).toEqual(['key', 'deleteKey']);
    expect(doc.diagnostics[0]?.message).toMatch(
      /follows the deletion \[-HKEY_CURRENT_USER\\T\\A\]/,
    );
    expect(doc.diagnostics[1]?.message).toMatch(/no closing "\]"/);
  });
  it.each(['[ HKEY_CURRENT_USER\\T\\A]', '[- HKEY_CURRENT_USER\\T]', '[-HKEY_CURRENT_USER]'])(
    '%j is not acted on',
    (line) => {
      const doc = v5(line);
      expect(doc.ops).toHaveLength(1);
      expect(doc.diagnostics[0]?.severity).toBe('error');
    },
  );
});

describe('value lines (§2.2–§2.6)', () => {
  it('reads names, default values and escapes', () => {
    const doc = v5('"a\\"b"="c\\\\d"', '@="x"', '""="y"', '"  s  "  =  "  t  " ;c', '"@"="z"');
    expect(valuesOf(doc)).toEqual({
      'a"b': sz('c\\d'),
      '': sz('y'),
      '  s  ': sz('  t  '),
      '@': sz('z'),
    });
    expect(findValue(doc.keys[0]!, '')?.overwritten).toEqual([5]);
  });
  it('rejects \\0 and warns on other escapes', () => {
    const doc = v5('"a"="\\0"', '"b"="x\\ny"', '"c"="\\q"');
    expect(valuesOf(doc)).toEqual({ b: sz('x\ny'), c: sz('q') });
    expect(doc.diagnostics.map((d) => d.severity)).toEqual(['error', 'warning', 'warning']);
  });
  it.each([
    ['"a"=dword:123456789', 'dword takes 1 to 8 hex digits, found 9'],
    ['"a"=dword:0x12', 'without "0x"'],
    ['"a"=dword:12#3', '"#" after the data is not a comment'],
    ['"a"="x"#c', '"#" after the data is not a comment'],
    ['"a"=hex:1,100', 'more than 2 hex digits'],
    ['"a"=hex(0x2):00', 'hex(N):'],
    ['"a"=hex(100000000):00', 'larger than ffffffff'],
    ['"a"=hex:11,,22', 'a comma where a hex byte should be'],
    ['"a"="open', 'closing quote is missing'],
    ['"a"', 'no "=" after the name'],
    ['"a"=', 'no data after "="'],
    ['"a"=- #x', 'deletes a value only when'],
    ['"a"=text', 'must be "text", dword:, hex:'],
  ])('%j → ignored: %s', (line, why) => {
    const doc = v5(line);
    expect(valuesOf(doc)).toEqual({});
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ line: 4, severity: 'error' });
    expect(doc.diagnostics[0]?.message).toContain(why);
    expect(doc.diagnostics[0]?.message).not.toContain('line 4');
  });
  it('reads dword: with 1 to 8 digits and a ;comment', () => {
    const doc = v5('"a"=dword:1', '"b"=dword:\tFFFFFFFF ;x', '"c"=dword:1234;5678');
    expect(valuesOf(doc)).toEqual({ a: '4:01,00,00,00', b: '4:ff,ff,ff,ff', c: '4:34,12,00,00' });
    expect(findValue(doc.keys[0]!, 'B')?.data).toBe(0xffffffff);
  });
  it('keeps any u32 type and empty data', () => {
    const doc = v5('"a"=hex(ffff0012):6f,00', '"b"=hex(abcd):', '"c"=hex:', '"d"=hex(2):');
    expect(valuesOf(doc)).toEqual({ a: '4294901778:6f,00', b: '43981:', c: '3:', d: '2:' });
  });
  it('deletes values, the default one with a warning', () => {
    const doc = v5('"a"="x"', '"A"=  -\t', '@=-');
    const key = doc.keys[0]!;
    expect(key.values).toMatchObject([
      { name: 'a', deleted: true, data: null, overwritten: [4] },
      { name: '', deleted: true },
    ]);
    expect(key.values[0]?.bytes).toHaveLength(0);
    expect(doc.diagnostics).toMatchObject([{ line: 6, severity: 'warning' }]);
  });
});

describe('continuation lines (§2.4)', () => {
  it('joins wrapped hex, skipping blank and ; lines', () => {
    const doc = v5('"m"=hex(7):61,00,\\ ;c', '', ' ;x', '\t62,00,\\', '  00,00,00,00');
    expect(valuesOf(doc)).toEqual({ m: '7:61,00,62,00,00,00,00,00' });
    expect(doc.keys[0]?.values[0]).toMatchObject({ line: 4, endLine: 8, data: ['ab'] });
  });
  it('a broken continuation swallows the next key line (X9)', () => {
    const doc = v5('"a"=hex(2):4c,00,\\', '[HKEY_CURRENT_USER\\T\\S]', '"b"="x"');
    expect(doc.keys.map((k) => k.path)).toEqual(['HKEY_CURRENT_USER\\T']);
    expect(valuesOf(doc)).toEqual({ b: sz('x') });
    expect(doc.diagnostics).toMatchObject([{ line: 5, severity: 'error' }]);
    expect(doc.diagnostics[0]?.message).toMatch(/key line is swallowed/);
  });
  it('a # line kills the value and the next line is read (X11c)', () => {
    const doc = v5('"a"=hex(2):4c,00,\\', '#c', '@="d"');
    expect(valuesOf(doc)).toEqual({ '': sz('d') });
    expect(doc.diagnostics).toMatchObject([{ line: 5, severity: 'error' }]);
  });
  it('without a comma before \\ the value is dropped and the next line read (X8/X10)', () => {
    const doc = v5('"a"=hex:11,22\\', '[HKEY_CURRENT_USER\\T\\S]');
    expect(doc.keys.map((k) => k.path)).toEqual([
      'HKEY_CURRENT_USER\\T',
      'HKEY_CURRENT_USER\\T\\S',
    ]);
    expect(doc.diagnostics[0]?.message).toMatch(/must follow a comma/);
  });
  it('a comment after a trailing comma ends the data (X6)', () => {
    const doc = v5('"a"=hex:11,\\', '22,;c', '33');
    expect(valuesOf(doc)).toEqual({ a: '3:11,22' });
    expect(doc.diagnostics).toMatchObject([{ line: 6, severity: 'warning' }]);
  });
  it('stores what was read when the file ends after ,\\ (X21) but not after 20\\ (X22)', () => {
    const cut = parseRegText(`${V5}\n[HKEY_CURRENT_USER\\T]\n"a"=hex:11,22,\\`);
    expect(valuesOf(cut)).toEqual({ a: '3:11,22' });
    expect(cut.diagnostics[0]?.message).toMatch(/ends inside this value/);
    const bad = parseRegText(`${V5}\n[HKEY_CURRENT_USER\\T]\n"a"=hex(7):4c,69\\`);
    expect(valuesOf(bad)).toEqual({});
  });
  it('keeps every byte of wrapped values larger than and across the 64 KB slabs', () => {
    // Hex bytes are written straight into the slab value bytes share: a value that outgrows it
    // moves to a new one, and the bytes of a dropped value must not leak into the next.
    const row = (n: number, k: number) => Array.from({ length: n }, (_, i) => HEX2(i + k));
    const wrapped = (n: number, k: number) => row(n, k).join(',\\\r\n  ');
    const values: string[] = [];
    for (let v = 0; v < 40; v++) values.push(`"v${v}"=hex:${wrapped(3000, v)}`);
    const doc = v5(
      ...values,
      `"big"=hex:${wrapped(150000, 7)}`,
      '"gone"=hex:ff,ff,ff,ff,ff,ff,zz',
      '"s"=""',
      '"d"=dword:1',
    );
    const got = valuesOf(doc);
    for (let v = 0; v < 40; v++) expect(got[`v${v}`]).toBe(`3:${row(3000, v).join(',')}`);
    expect(got['big']).toBe(`3:${row(150000, 7).join(',')}`);
    expect(got['s']).toBe('1:00,00');
    expect(got['d']).toBe('4:01,00,00,00');
    expect(got['gone']).toBeUndefined();
  });
});

describe('string-typed hex (§2.3)', () => {
  it('v5: appends one NUL character when missing', () => {
    expect(valuesOf(v5('"a"=hex(2):41,00', '"b"=hex(7):41,00,00,00'))).toEqual({
      a: '2:41,00,00,00',
      b: '7:41,00,00,00',
    });
  });
  it('REGEDIT4: code-page bytes plus one NUL, read as Windows-1252, stored as UTF-16LE', () => {
    const doc = v4('"a"=hex(2):25,80,25', '"b"=hex(7):4c,69,00,00', '"c"=hex(1):e9', '"d"=hex(2):');
    expect(valuesOf(doc)).toEqual({
      a: '2:25,00,ac,20,25,00,00,00',
      b: '7:4c,00,69,00,00,00,00,00',
      c: '1:e9,00,00,00',
      d: '2:',
    });
    expect(doc.keys[0]?.values.map((v) => v.data)).toEqual(['%€%', ['Li'], 'é', '']);
  });
  it('REGEDIT4: xx,00 pairs fall back to UTF-16LE with a warning', () => {
    const doc = v4('"a"=hex(2):41,00,42,00');
    expect(valuesOf(doc)).toEqual({ a: '2:41,00,42,00,00,00' });
    expect(doc.keys[0]?.values[0]?.data).toBe('AB');
    expect(doc.diagnostics[0]?.message).toMatch(/UTF-16LE/);
  });
});

describe('fold (§2.7)', () => {
  it('merges repeated keys case-insensitively, the last write wins in place', () => {
    const doc = v5('"a"=dword:1', '"b"=dword:2', '[hkey_current_user\\t]', '"A"=dword:3');
    expect(doc.keys).toHaveLength(1);
    expect(doc.keys[0]?.path).toBe('HKEY_CURRENT_USER\\T');
    expect(doc.keys[0]?.values.map((v) => [v.name, v.data, v.line, v.overwritten])).toEqual([
      ['a', 3, 7, [4]],
      ['b', 2, 5, []],
    ]);
  });
  it('[-key] deletes the key and its subkeys seen so far, until recreated', () => {
    const doc = v5(
      '"a"=dword:1',
      '[HKEY_CURRENT_USER\\T\\S]',
      '"b"=dword:1',
      '[HKEY_CURRENT_USER\\Tx]',
      '[-HKEY_CURRENT_USER\\T]',
      '[HKEY_CURRENT_USER\\T\\S]',
    );
    expect(doc.keys.map((k) => [k.path, k.deleted ?? false, k.values.length])).toEqual([
      ['HKEY_CURRENT_USER\\T', true, 0],
      ['HKEY_CURRENT_USER\\T\\S', false, 0],
      ['HKEY_CURRENT_USER\\Tx', false, 0],
    ]);
  });
  it('compares names of different lengths by their lowercase', () => {
    // 'İ' lowercases to 'i' + U+0307: two names of different lengths that are the same name.
    const doc = v5('"x\u0130"=dword:1', '"xi\u0307"=dword:2', '"x"=dword:3', '"xi"=dword:4');
    expect(doc.keys[0]?.values.map((v) => [v.name, v.data])).toEqual([
      ['x\u0130', 2],
      ['x', 3],
      ['xi', 4],
    ]);
  });
  it('folds the same keys from the ops alone (without what the parser precomputed)', () => {
    const doc = v5(
      '[HKEY_CURRENT_USER\\T\\]',
      '"a"=hex(2):41,00,00,00,42,00',
      '[hkey_current_user\\t]',
      '"A"="b"',
      '[HKEY_CURRENT_USER\\\u0130]',
      '[hkcu\\i\u0307]',
      '"c"=hex(7):41,00,00,00,00,00',
    );
    expect(doc.keys.map((k) => k.path)).toEqual([
      'HKEY_CURRENT_USER\\T',
      'HKEY_CURRENT_USER\\\u0130',
    ]);
    expect(foldOps(doc.ops)).toEqual(doc.keys);
  });
  it('finds keys by short root and values by @', () => {
    const doc = v5('@="x"', '[HKEY_LOCAL_MACHINE\\Soft\\A]');
    expect(findKey(doc, 'hkcu\\t')?.path).toBe('HKEY_CURRENT_USER\\T');
    expect(findKey(doc, 'HKLM\\SOFT\\a\\')?.line).toBe(5);
    expect(findValue(doc.keys[0]!, '@')?.data).toBe('x');
    expect(findKey(doc, 'HKLM\\nope')).toBeUndefined();
  });
});

describe('data views and type names', () => {
  const one = (line: string) => v5(line).keys[0]?.values[0]?.data;
  it.each([
    ['"a"=hex(7):61,00,00,00,62,00,00,00,00,00', ['a', 'b']],
    ['"a"=hex(7):61,00,00,00,00,00,62,00,00,00', ['a', '', 'b']],
    ['"a"=hex(7):00,00', []],
    ['"a"=hex(7):', []],
    ['"a"=hex(1):61,00,00,00,62,00,00,00', 'a'],
    ['"a"=hex(6):5c,00,41,00', '\\A'],
    ['"a"=hex(5):12,34,56,78', 0x12345678],
    ['"a"=hex(4):40,30,20,10', 0x10203040],
    ['"a"=hex(4):01,02', null],
    ['"a"=hex(b):02,00,00,00,01,00,00,00', 0x100000002n],
    ['"a"=hex(b):02', null],
    ['"a"=hex:01', null],
  ])('%s', (line, data) => {
    expect(one(line)).toEqual(data);
  });
  it('names types', () => {
    expect([0, 1, 7, 8, 9, 10, 11].map(typeName)).toEqual([
      'REG_NONE',
      'REG_SZ',
      'REG_MULTI_SZ',
      'REG_RESOURCE_LIST',
      'REG_FULL_RESOURCE_DESCRIPTOR',
      'REG_RESOURCE_REQUIREMENTS_LIST',
      'REG_QWORD',
    ]);
    expect(typeName(12)).toBe('hex(c)');
    expect(typeName(0xffff0012)).toBe('hex(ffff0012)');
  });
});

describe('line breaks and encodings end to end', () => {
  it('reads CR-only, LF and CRLF files alike', () => {
    const body = ['[HKEY_CURRENT_USER\\T]', '"a"="b"'];
    for (const eol of ['\r', '\n', '\r\n']) {
      const doc = parseReg(utf16([V5, ...body].join(eol)));
      expect(valuesOf(doc)).toEqual({ a: sz('b') });
      expect(doc.keys[0]?.values[0]?.line).toBe(3);
    }
  });
});
