// parseJsonChunks against the plain JSON.stringify of the same document (parse-json-oracle.ts):
// the same bytes, compact and pretty, on the fixtures, the real corpus, a large export,
// generated files and documents, and values long enough to be written in pieces.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { text as kvpSample } from '../../../src/app/samples/host-6-3.ts';
import { parseJsonChunks } from '../../../src/lib/reg/json.ts';
import { parseReg, parseRegText, type RegDocument } from '../../../src/lib/reg/index.ts';
import { largeExportBytes } from '../../support/large-export.ts';
import { registryishBytes, regDocument } from '../reg/arbitraries.ts';
import { V5, utf16 } from '../reg/helpers.ts';
import { toParseJson } from './parse-json-oracle.ts';
import { corpusPath } from '../../support/corpus.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const corpus = pathToFileURL(`${corpusPath('reg')}/`);
const files = (dir: URL) =>
  readdirSync(fileURLToPath(dir))
    .filter((name) => name.endsWith('.reg'))
    .map((name): [string, Uint8Array] => [
      name,
      new Uint8Array(readFileSync(fileURLToPath(new URL(name, dir)))),
    ]);

function joined(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * The writer's bytes equal JSON.stringify's, compact and pretty, with chunks of every size from
 * one byte up (`make` gives a fresh document each time: the writer consumes it).
 */
function expectSameJson(make: () => RegDocument, chunkBytes?: number): void {
  const json = toParseJson(make());
  const compact = joined(parseJsonChunks(make(), { chunkBytes }));
  expect(Buffer.from(compact).equals(Buffer.from(utf8(`${JSON.stringify(json)}\n`)))).toBe(true);
  const pretty = joined(parseJsonChunks(make(), { pretty: true, chunkBytes }));
  const expected = utf8(`${JSON.stringify(json, null, 2)}\n`);
  expect(new TextDecoder().decode(pretty)).toBe(new TextDecoder().decode(expected));
  expect(Buffer.from(pretty).equals(Buffer.from(expected))).toBe(true);
  expect(JSON.parse(new TextDecoder().decode(compact))).toEqual(json);
}

describe('parseJsonChunks writes the bytes of JSON.stringify(toParseJson(doc))', () => {
  it.each(files(fixtures))('fixture %s', (_name, bytes) => {
    expectSameJson(() => parseReg(bytes));
    expectSameJson(() => parseReg(bytes), 1);
  });

  const real = files(corpus);
  it('reads the corpus', () => expect(real.length).toBeGreaterThan(40));
  it.each(real)('corpus %s', (_name, bytes) => expectSameJson(() => parseReg(bytes)));

  it('a 3 MB export with the KVP keys midway, in chunks of 4 KB', () => {
    const bytes = largeExportBytes(3 * 1024 * 1024, kvpSample);
    expectSameJson(() => parseReg(bytes), 4096);
  });

  it('generated files', () => {
    fc.assert(
      fc.property(registryishBytes, fc.integer({ min: 1, max: 300 }), (bytes, chunk) => {
        expectSameJson(() => parseReg(bytes), chunk);
      }),
      { numRuns: 300 },
    );
  });

  it('generated documents (values that are not ParsedValues)', () => {
    fc.assert(
      fc.property(regDocument, (doc) => {
        expectSameJson(() => ({
          format: 'regedit5',
          encoding: 'utf-16le',
          ops: [],
          keys: doc.keys.map((key) => ({ ...key, values: [...key.values] })),
          diagnostics: [],
        }));
      }),
      { numRuns: 200 },
    );
  });

  // Past one call's limits (8192 characters, 16384 bytes): names, text, lists and bytes go in
  // pieces, and a surrogate pair that straddles a piece boundary stays one character.
  const long = 'x'.repeat(8191) + '🌎' + 'y\u0001"\\é\ud800'.repeat(3000);
  const hexOf = (n: number) =>
    Array.from({ length: n }, (_, i) => (i & 0xff).toString(16).padStart(2, '0')).join(',');
  it.each([
    ['a long name', `"${long.replace(/[\\"]/g, '\\$&')}"=dword:1`],
    ['a long REG_SZ', `"s"="${long.replace(/[\\"]/g, '\\$&')}"`],
    ['a long REG_SZ with a NUL', `"s"="${'z'.repeat(20000)}\\0"`],
    ['long REG_BINARY', `"b"=hex:${hexOf(40000)}`],
    ['long REG_EXPAND_SZ', `"e"=hex(2):${hexOf(30001)},00,00`],
    ['a long list item', `"m"=hex(7):${'61,00,'.repeat(9000)}00,00,62,00,00,00,00,00`],
  ])('%s', (_what, line) => {
    const text = `${V5}\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n${line}\r\n"after"=dword:2\r\n`;
    expectSameJson(() => parseRegText(text));
    expectSameJson(() => parseRegText(text), 1000);
  });

  it('binary data and bytes, with a chunk boundary at every place between the two', () => {
    const text = `${V5}\r\n\r\n[HKEY_CURRENT_USER\\T]\r\n"b"=hex:${'5a,'.repeat(99)}a5\r\n`;
    for (let chunk = 60; chunk < 360; chunk++) expectSameJson(() => parseRegText(text), chunk);
  });

  it('marks a key deleted and written again as replaced, with the line of the deletion', () => {
    const doc = parseReg(
      utf16(
        [
          V5,
          '[HKEY_CURRENT_USER\\A]', // 2
          '"old"=dword:1',
          '[HKEY_CURRENT_USER\\A\\B]', // 4
          '[-HKEY_CURRENT_USER\\A]', // 5: A and A\B
          '[HKEY_CURRENT_USER\\a]', // 6: A again
          '"new"=dword:2',
          '[HKEY_CURRENT_USER\\A\\C]', // 8: never seen before, but under the deleted A
          '[-HKEY_CURRENT_USER\\D]', // 9
          '[-hkey_current_user\\d]', // 10
          '[HKEY_CURRENT_USER\\D]', // 11
          '[HKEY_CURRENT_USER\\E]', // 12: untouched
          '',
        ].join('\r\n'),
      ),
    );
    const json = JSON.parse(new TextDecoder().decode(joined(parseJsonChunks(doc))));
    expect(
      json.keys.map((k: { path: string; deleted?: true; replaced?: { line: number } }) => [
        k.path.replace('HKEY_CURRENT_USER\\', ''),
        k.deleted ?? k.replaced ?? null,
      ]),
    ).toEqual([
      ['A', { line: 5 }],
      ['A\\B', true],
      ['A\\C', { line: 5 }],
      ['D', { line: 10 }],
      ['E', null],
    ]);
    expect(json.keys[0].values.map((v: { name: string }) => v.name)).toEqual(['new']);
  });
});

describe('parseJsonChunks in bounded memory', () => {
  const text = [
    V5,
    '',
    ...Array.from({ length: 2000 }, (_, i) => `[HKEY_CURRENT_USER\\K${i}]\r\n"v"="${i}"`),
    '[HKEY_CURRENT_USER\\Big]',
    `"b"=hex:${'ab,'.repeat(300000)}cd`,
    '',
  ].join('\r\n');

  it('hands out chunks of about chunkBytes, a 300 KB value included', () => {
    const sizes = [...parseJsonChunks(parseRegText(text), { chunkBytes: 4096 })].map(
      (c) => c.length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(600000);
    // A chunk is cut once it holds 4096 bytes: it can pass that by one write at most.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096 + 6 * 8192 + 1024);
    expect(sizes.slice(0, -1).every((n) => n >= 4096)).toBe(true);
  });

  it('drops each key from the document once written, and the ops first', () => {
    const doc = parseRegText(text);
    const keys = doc.keys;
    const chunks = parseJsonChunks(doc, { chunkBytes: 4096 });
    chunks.next();
    expect(doc.ops).toEqual([]);
    expect(doc.keys).toEqual([]);
    const dropped = keys.findIndex((key) => key !== null);
    expect(dropped).toBeGreaterThan(10);
    expect(keys.slice(dropped + 1).every((key) => key !== null)).toBe(true);
    for (let c = chunks.next(); !c.done; c = chunks.next());
    expect(keys.every((key) => key === null)).toBe(true);
  });
});
