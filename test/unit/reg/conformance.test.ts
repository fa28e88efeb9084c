// Table-driven conformance tests for the .reg parser: every vector of reg-format.md §7.1–§7.7 (see
// conformance-vectors.ts), each named by its id so a failure reads "X9 [ansi4]: …".

import { describe, expect, it } from 'vitest';
import { findKey, findValue, parseReg, serializeReg, typeName } from '../../../src/lib/reg/index';
import type { RegDocument } from '../../../src/lib/reg/types';
import {
  ALL_VARIANTS,
  COMPLEX_EXPORT_KEYS,
  COMPLEX_EXPORT_TEXT,
  COMPLEX_EXPORT_VALUES,
  ROUND_TRIP,
  T,
  VECTORS,
  bodyFile,
  contextFor,
  fromHex,
  toHex,
  utf16le,
  type Expectation,
  type ExpectedValue,
} from './conformance-vectors';

interface FlatValue {
  path: string;
  name: string;
  type: number | null;
  hex: string;
  deleted: boolean;
}

function flatten(doc: RegDocument): FlatValue[] {
  return doc.keys.flatMap((k) =>
    k.values.map((v) => ({
      path: k.path,
      name: v.name,
      // A deleted value has no type worth comparing.
      type: v.deleted ? null : v.type,
      hex: toHex(v.bytes),
      deleted: v.deleted === true,
    })),
  );
}

function expectedFlat(e: ExpectedValue): FlatValue {
  return {
    path: e.path,
    name: e.nameCi ? e.name.toLowerCase() : e.name,
    type: e.deleted ? null : e.type,
    hex: toHex(fromHex(e.hex)),
    deleted: e.deleted === true,
  };
}

function lineCount(bytes: Uint8Array): number {
  // Upper bound for line numbers: every byte could be a line break.
  return bytes.length + 1;
}

/** Checks a parsed document against an expectation; `id` prefixes every message. */
function check(id: string, doc: RegDocument, e: Expectation, input: Uint8Array, bodyKeys: boolean) {
  if (e.format !== undefined) expect(doc.format, `${id}: format`).toBe(e.format);
  if (e.encoding !== undefined) expect(doc.encoding, `${id}: encoding`).toBe(e.encoding);
  if (e.noOps) expect(doc.ops, `${id}: nothing may be applied`).toEqual([]);

  // Keys: the complete folded list, in order.
  const wantKeys = (e.keys ?? []).map((k) =>
    typeof k === 'string'
      ? { path: k, deleted: false }
      : { path: k.path, deleted: k.deleted === true },
  );
  if (bodyKeys && !wantKeys.some((k) => k.path === T))
    wantKeys.unshift({ path: T, deleted: false });
  if (bodyKeys || e.keys !== undefined) {
    expect(
      doc.keys.map((k) => ({ path: k.path, deleted: k.deleted === true })),
      `${id}: folded keys`,
    ).toEqual(wantKeys);
  }

  // Values: exactly the expected ones, nothing else.
  const ciNames = new Set(
    e.values.filter((v) => v.nameCi).map((v) => `${v.path}\n${v.name.toLowerCase()}`),
  );
  const got = flatten(doc).map((v) =>
    ciNames.has(`${v.path}\n${v.name.toLowerCase()}`) ? { ...v, name: v.name.toLowerCase() } : v,
  );
  expect(got, `${id}: folded values (path, name, type, bytes)`).toEqual(e.values.map(expectedFlat));

  for (const want of e.values) {
    const key = doc.keys.find((k) => k.path === want.path);
    const value = key?.values.find((v) => v.name.toLowerCase() === want.name.toLowerCase());
    expect(value, `${id}: value ${JSON.stringify(want.name)}`).toBeDefined();
    if (!value) continue;
    if (want.data !== undefined) {
      expect(value.data, `${id}: decoded data of ${JSON.stringify(want.name)}`).toEqual(want.data);
    }
    if (want.at) {
      expect([value.line, value.endLine], `${id}: lines of ${JSON.stringify(want.name)}`).toEqual(
        want.at,
      );
    }
    if (want.overwritten) {
      expect(value.overwritten, `${id}: overwritten lines of ${JSON.stringify(want.name)}`).toEqual(
        want.overwritten,
      );
    }
    // The fold and the ops agree: a live value comes from a value op on its first line.
    if (!want.deleted) {
      const op = doc.ops.find(
        (o) => o.op === 'value' && o.line === value.line && o.path === want.path,
      );
      expect(op, `${id}: value op on line ${value.line}`).toBeDefined();
      if (op && op.op === 'value') {
        expect(toHex(op.value.bytes), `${id}: op bytes of ${JSON.stringify(want.name)}`).toBe(
          toHex(value.bytes),
        );
        expect(op.value.type, `${id}: op type of ${JSON.stringify(want.name)}`).toBe(value.type);
      }
    } else {
      const op = doc.ops.find((o) => o.op === 'deleteValue' && o.line === value.line);
      expect(op, `${id}: deleteValue op on line ${value.line}`).toBeDefined();
    }
  }

  // Deleted keys come from deleteKey ops.
  for (const k of doc.keys.filter((k) => k.deleted)) {
    expect(
      doc.ops.some((o) => o.op === 'deleteKey' && o.path.toLowerCase() === k.path.toLowerCase()),
      `${id}: deleteKey op for ${k.path}`,
    ).toBe(true);
  }

  // Diagnostics: every required one present, none (error/warning) on any other line.
  const serious = doc.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  const allowed = new Set<number>(e.tolerate ?? []);
  for (const want of e.diagnostics ?? []) {
    const to = want.toLine ?? want.line;
    for (let l = want.line; l <= to; l++) allowed.add(l);
    const hit = serious.some(
      (d) =>
        d.line >= want.line && d.line <= to && (want.kind === 'skip' || d.severity === 'warning'),
    );
    const where = to === want.line ? `line ${want.line}` : `lines ${want.line}–${to}`;
    expect(
      hit,
      `${id}: expected a ${want.kind === 'warning' ? 'warning' : 'error/warning'} diagnostic on ${where}; got ${JSON.stringify(doc.diagnostics)}`,
    ).toBe(true);
  }
  const stray = serious.filter((d) => !allowed.has(d.line));
  expect(stray, `${id}: unexpected diagnostics`).toEqual([]);
  for (const d of doc.diagnostics) {
    expect(d.line, `${id}: diagnostic line in range`).toBeGreaterThanOrEqual(1);
    expect(d.line, `${id}: diagnostic line in range`).toBeLessThanOrEqual(lineCount(input));
    expect(d.message.length, `${id}: diagnostic has words`).toBeGreaterThan(0);
  }

  for (const [typed, path] of e.find ?? []) {
    expect(findKey(doc, typed)?.path, `${id}: findKey(${JSON.stringify(typed)})`).toBe(path);
  }
}

describe('reg-format.md §7.1–§7.6 conformance vectors', () => {
  it('has unique ids', () => {
    const ids = VECTORS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const v of VECTORS) {
    if (v.kind === 'file') {
      it(`${v.id}: ${v.title} (${v.ref})`, () => {
        const doc = parseReg(v.bytes);
        check(v.id, doc, v.expect, v.bytes, false);
      });
    } else {
      for (const variant of v.variants) {
        it(`${v.id} [${variant}]: ${v.title} (${v.ref})`, () => {
          const bytes = bodyFile(v, variant);
          const doc = parseReg(bytes);
          const id = `${v.id} [${variant}]`;
          expect(doc.format, `${id}: format`).toBe(variant.endsWith('4') ? 'regedit4' : 'regedit5');
          expect(doc.encoding, `${id}: encoding`).toBe(
            variant.startsWith('u16') ? 'utf-16le' : 'utf-8',
          );
          check(id, doc, v.expect(contextFor(variant)), bytes, true);
        });
      }
    }
  }
});

describe('reg-format.md §7.7 export round trip (parse, then serializeReg)', () => {
  it('E1: parses the Windows export into the expected keys and values', () => {
    const input = utf16le(COMPLEX_EXPORT_TEXT, true);
    const doc = parseReg(input);
    check(
      'E1',
      doc,
      {
        format: 'regedit5',
        encoding: 'utf-16le',
        keys: COMPLEX_EXPORT_KEYS,
        values: COMPLEX_EXPORT_VALUES,
      },
      input,
      false,
    );
  });

  for (const rt of ROUND_TRIP) {
    it(`${rt.id}: ${rt.title} (${rt.ref})`, () => {
      const doc = parseReg(rt.input);
      expect(doc.format, `${rt.id}: input parses as v5`).toBe('regedit5');
      const out = serializeReg(doc);
      // Compare as text first (readable diff), then byte for byte.
      const text = (b: Uint8Array) =>
        `${toHex(b.subarray(0, 2))}|${new TextDecoder('utf-16le').decode(b.subarray(2))}`;
      expect(text(out), `${rt.id}: exported text`).toBe(text(rt.output));
      expect(toHex(out), `${rt.id}: exported bytes`).toBe(toHex(rt.output));
    });
  }

  it('E1: serialize, parse again: the same values (idempotent)', () => {
    const first = parseReg(utf16le(COMPLEX_EXPORT_TEXT, true));
    const second = parseReg(serializeReg(first));
    expect(flatten(second)).toEqual(flatten(first));
    expect(toHex(serializeReg(second))).toBe(toHex(serializeReg(first)));
  });
});

describe('lookup helpers', () => {
  const doc = parseReg(utf16le(COMPLEX_EXPORT_TEXT, true));

  it('findKey: case-insensitive, long or short root', () => {
    const want = 'HKEY_CURRENT_USER\\Software\\Wine\\reg_test\\Subkey2a';
    expect(findKey(doc, want)?.path).toBe(want);
    expect(findKey(doc, 'hkey_current_user\\software\\wine\\REG_TEST\\subkey2A')?.path).toBe(want);
    expect(findKey(doc, 'HKCU\\Software\\Wine\\reg_test\\Subkey2a')?.path).toBe(want);
    expect(findKey(doc, 'HKLM\\Software\\Wine\\reg_test\\Subkey2a')).toBeUndefined();
    expect(findKey(doc, 'HKCU\\Software\\Wine\\reg_test\\Subkey9')).toBeUndefined();
  });

  it('findValue: case-insensitive; "" is the default value', () => {
    const key = findKey(doc, 'HKCU\\Software\\Wine\\reg_test\\Subkey2a\\Subkey2b');
    expect(key).toBeDefined();
    if (!key) return;
    expect(findValue(key, '')?.data).toBe('Default value name');
    expect(findValue(key, 'MULTIPLE STRINGS')?.type).toBe(7);
    expect(findValue(key, 'Multiple strings')?.name).toBe('Multiple strings');
    expect(findValue(key, 'missing')).toBeUndefined();
  });

  it('typeName: REG_* names for the standard types, hex(N) otherwise', () => {
    const names: Array<[number, string]> = [
      [0, 'REG_NONE'],
      [1, 'REG_SZ'],
      [2, 'REG_EXPAND_SZ'],
      [3, 'REG_BINARY'],
      [4, 'REG_DWORD'],
      [5, 'REG_DWORD_BIG_ENDIAN'],
      [6, 'REG_LINK'],
      [7, 'REG_MULTI_SZ'],
      [8, 'REG_RESOURCE_LIST'],
      [9, 'REG_FULL_RESOURCE_DESCRIPTOR'],
      [10, 'REG_RESOURCE_REQUIREMENTS_LIST'],
      [11, 'REG_QWORD'],
      [0x100, 'hex(100)'],
      [0xabcd, 'hex(abcd)'],
      [0xffff0012, 'hex(ffff0012)'],
    ];
    for (const [n, name] of names) expect(typeName(n), `typeName(${n})`).toBe(name);
  });
});

describe('vector plumbing', () => {
  it('body files carry the header, BOM and line breaks of their variant', () => {
    const v = VECTORS.find((x) => x.id === 'D1');
    expect(v?.kind).toBe('body');
    if (v?.kind !== 'body') return;
    const seen = ALL_VARIANTS.map((variant) => toHex(bodyFile(v, variant).subarray(0, 4)));
    expect(seen).toEqual(['52454745', '57696e64', 'fffe5700', 'fffe5200']);
  });
});
