import { afterEach, describe, expect, it, vi } from 'vitest';
import { text as host63 } from '../../../src/app/samples/host-6-3.ts';
import type { InputSource } from '../../../src/lib/inputs/input-source.ts';
import { memorySource } from '../../../src/lib/inputs/input-source.ts';
import { loadBytes, loadInputs } from '../../../src/lib/inputs/load.ts';
import type { InputResult } from '../../../src/lib/inputs/loaded-guest.ts';
import { largeExportText } from '../../support/large-export.ts';
import { sharedBufferChunks } from '../../support/shared-buffer.ts';
import { utf16leBytes } from '../../support/utf16.ts';
import { PARAMETERS_KEY, powershellFile } from './helpers.ts';

/** A source that gives its bytes only in chunks of `size` (as a File's stream does), any number of times. */
function chunkedSource(
  name: string,
  bytes: Uint8Array,
  size = 999,
  knownSize = true,
): InputSource & { reads: number } {
  const source = {
    name,
    reads: 0,
    ...(knownSize ? { size: bytes.length } : {}),
    async *chunks() {
      source.reads++;
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    },
  };
  return source;
}

/** A source whose chunks all share one buffer, as the command line reads a file. */
function sharedBufferSource(name: string, bytes: Uint8Array, size: number): InputSource {
  return {
    name,
    size: bytes.length,
    async *chunks() {
      yield* sharedBufferChunks(bytes, size);
    },
  };
}

function only(results: InputResult[]) {
  const [result] = results;
  if (!result || 'error' in result)
    throw new Error(`no report: ${result && 'error' in result ? result.error : ''}`);
  const [guest] = result.guests;
  if (!guest) throw new Error('no report');
  return guest;
}

const small = utf16leBytes(host63.replace(/\r?\n/g, '\r\n'), true);

describe('the loader', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the same report for bytes in memory and for a stream of odd chunks', async () => {
    const whole = only(loadBytes([{ name: 'vm.reg', bytes: small }], { source: true }));
    const streamed = only(await loadInputs([chunkedSource('vm.reg', small)], { source: true }));
    expect(streamed).toEqual(whole);
    expect(whole).toMatchObject({
      name: 'vm.reg',
      format: 'regedit5',
      partial: false,
      origin: 'file',
    });
    expect(whole.source.map((l) => l.text)).toEqual(host63.replace(/\r/g, '').split('\n'));
  });

  it('reads a large export in chunks: only the KVP keys, excerpts of their lines, the same facts', async () => {
    const text = largeExportText(6 * 1024 * 1024, host63);
    const bytes = utf16leBytes(text, true);
    const source = chunkedSource('full.reg', bytes, 65536);
    const guest = only(await loadInputs([source], { source: true }));
    const small63 = only(loadBytes([{ name: 'small.reg', bytes: small }]));
    expect(guest.partial).toBe(true);
    expect(guest.snapshot.parameters.values.map((v) => [v.name, v.data])).toEqual(
      small63.snapshot.parameters.values.map((v) => [v.name, v.data]),
    );
    // Every excerpt line is the text's own line of that number.
    const lines = text.split('\r\n');
    expect(guest.source.length).toBeGreaterThan(20);
    expect(guest.source.length).toBeLessThan(200);
    for (const { line, text: shown } of guest.source) expect(shown).toBe(lines[line - 1]);
    const first = guest.snapshot.parameters.values[0];
    expect(guest.source.some((l) => l.line === first?.line)).toBe(true);
    // Detection, the scan and the excerpt: three reads from the first byte, none of them whole.
    expect(source.reads).toBe(3);
    // And the same from memory.
    const fromMemory = only(loadBytes([{ name: 'full.reg', bytes }], { source: true }));
    expect(fromMemory.source).toEqual(guest.source);
    expect(fromMemory.snapshot).toEqual(guest.snapshot);
  });

  it('gives the same reports for chunks that share one buffer, each overwritten by the next', async () => {
    const large = utf16leBytes(largeExportText(3 * 1024 * 1024, host63), true);
    // An export scanned in chunks, one read whole (a header split over chunks), a Linux pool file.
    const pool = new Uint8Array(2560 * 3);
    new TextEncoder().encodeInto('HostName', pool);
    new TextEncoder().encodeInto('HV-NODE3', pool.subarray(512));
    for (const [name, bytes, size] of [
      ['full.reg', large, 1 << 20],
      ['vm.reg', small, 7],
      ['.kvp_pool_3', pool, 1000],
    ] as const) {
      const fromMemory = await loadInputs([memorySource(name, bytes)], { source: true });
      const shared = await loadInputs([sharedBufferSource(name, bytes, size)], { source: true });
      expect(shared, name).toEqual(fromMemory);
      expect('error' in (fromMemory[0] ?? {}), name).toBe(false);
    }
  });

  it('never decodes more than a chunk at once from a stream: no string of the whole input', async () => {
    // An 8-bit (UTF-8) export, the kind a whole-buffer TextDecoder would make one string of.
    const bytes = new TextEncoder().encode(
      largeExportText(8 * 1024 * 1024, host63.replace(/\r?\n/g, '\r\n')),
    );
    const largest = { bytes: 0 };
    const decode = TextDecoder.prototype.decode;
    vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (
      this: TextDecoder,
      input?: AllowSharedBufferSource,
      options?: TextDecodeOptions,
    ) {
      largest.bytes = Math.max(largest.bytes, input?.byteLength ?? 0);
      return decode.call(this, input, options);
    });
    const guest = only(
      await loadInputs([chunkedSource('full.reg', bytes, 65536)], { source: true }),
    );
    expect(guest.format).toBe('regedit5');
    expect(guest.partial).toBe(true);
    expect(guest.snapshot.parameters.values.length).toBeGreaterThan(0);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(largest.bytes).toBeLessThanOrEqual(65536 + 4);
  });

  it('without `source` (the command line) keeps no text', async () => {
    const guest = only(await loadInputs([memorySource('vm.reg', small)]));
    expect(guest.source).toEqual([]);
  });

  it('refuses a text input larger than its reader reads, with a sentence naming the limit', async () => {
    const head = powershellFile(['', PARAMETERS_KEY, '    HostName    REG_SZ    a']);
    const source: InputSource = { ...chunkedSource('huge.txt', head), size: 300 * 1024 * 1024 };
    const [result] = await loadInputs([source]);
    expect(result).toEqual({
      inputs: ['huge.txt'],
      error:
        'huge.txt is 300 MB; KVP Analyzer reads reg query output of up to 64 MB. Collect only the Virtual Machine key, for example with: reg export "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" kvp.reg',
    });
  });

  it('reads an input of unknown size whole when it is small', async () => {
    const guest = only(
      await loadInputs([chunkedSource('vm.reg', small, 100, false)], { source: true }),
    );
    expect(guest.partial).toBe(false);
  });

  it('reports the bytes read as it goes, up to all of them', async () => {
    const seen: number[] = [];
    await loadInputs([chunkedSource('a.reg', small), chunkedSource('b.reg', small)], {
      onProgress: (bytes) => seen.push(bytes),
    });
    expect(seen.at(-1)).toBe(2 * small.length);
    expect(seen.every((bytes, i) => i === 0 || bytes >= (seen[i - 1] ?? 0))).toBe(true);
  });

  it('one input that cannot be read is an error of its own; the others are read', async () => {
    const broken: InputSource = {
      name: 'gone.reg',
      // eslint-disable-next-line require-yield
      async *chunks() {
        throw new Error('the file was removed');
      },
    };
    const results = await loadInputs([
      broken,
      memorySource('vm.reg', small),
      memorySource('x.txt', new Uint8Array()),
    ]);
    expect(results.map((r) => ('error' in r ? r.error : r.guests.map((g) => g.format)))).toEqual([
      'Could not read gone.reg: the file was removed',
      ['regedit5'],
      expect.stringMatching(/^The file is empty/),
    ]);
  });
});

describe('the keys of an export, for the page’s tree', () => {
  const text = [
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Tree]',
    '"Text"="hello"',
    '"Number"=dword:0000002a',
    '"Bytes"=hex:01,02',
    '"Gone"=-',
    '',
  ].join('\r\n');

  it('come with the source only, and survive a worker’s message whole', () => {
    const bytes = utf16leBytes(text, true);
    expect(only(loadBytes([{ name: 'a.reg', bytes }])).keys).toBeUndefined();
    const keys = only(loadBytes([{ name: 'a.reg', bytes }], { source: true })).keys;
    const posted = structuredClone(keys);
    expect(posted?.[0]?.values.map((v) => [v.name, v.data, Array.from(v.bytes)])).toEqual([
      ['Text', 'hello', [104, 0, 101, 0, 108, 0, 108, 0, 111, 0, 0, 0]],
      ['Number', 42, [42, 0, 0, 0]],
      ['Bytes', null, [1, 2]],
      ['Gone', null, []],
    ]);
    expect(posted?.[0]?.values[3]?.deleted).toBe(true);
  });
});
