// Hostile links: whatever the input, decodePermalink gives a whole snapshot (one the report can be
// built from) or a PermalinkError — never another exception, never a partial result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotFacts, type KvpSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { toBase64url } from '../../../src/lib/permalink/base64url.ts';
import { deflateRaw } from '../../../src/lib/permalink/compression.ts';
import { PermalinkError, decodePermalink } from '../../../src/lib/permalink/index.ts';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';
import { encodeFactsV1 } from '../../../src/lib/permalink/schema-v1.ts';
import { RULE_PACKS, analyze } from '../../../src/lib/rules/index.ts';
import { sampleSnapshots } from './samples.ts';

const samples = await sampleSnapshots();
const payloads = samples.map((s) => encodeFactsV1(snapshotFacts(s.snapshot)));
const deflated = await Promise.all(payloads.map((p) => deflateRaw(p)));

type Mutation =
  | { kind: 'flip'; at: number; bits: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('append'), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('insert'),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }),
  }),
) as fc.Arbitrary<Mutation>;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.kind === 'append' ? 0 : m.at % bytes.length;
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length > 0) out[at] = (out[at] ?? 0) ^ m.bits;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'append':
      return Uint8Array.from([...bytes, ...m.bytes]);
    case 'insert':
      return Uint8Array.from([...bytes.slice(0, at), ...m.bytes, ...bytes.slice(at)]);
  }
}

const sampleIndex = fc.nat(samples.length - 1);

/** Every kind of hostile input, as the text someone might paste or open. */
const hostile: fc.Arbitrary<Promise<string>> = fc.oneof(
  // Any text at all, and any text behind the prefix.
  fc.string({ unit: 'binary', maxLength: 200 }).map(async (s) => s),
  fc.string({ unit: 'binary', maxLength: 200 }).map(async (s) => `#v1.${s}`),
  // Any base64url behind the prefix.
  fc.uint8Array({ maxLength: 300 }).map(async (b) => `#v1.${toBase64url(b)}`),
  // Valid deflate of random bytes: the schema decoder meets nonsense.
  fc.uint8Array({ maxLength: 300 }).map(async (b) => `#v1.${toBase64url(await deflateRaw(b))}`),
  // A real payload with bytes flipped, cut, added: the schema decoder meets near-misses.
  fc.tuple(sampleIndex, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(async ([i, ms]) => {
    const payload = ms.reduce(mutate, payloads[i] ?? new Uint8Array());
    return `#v1.${toBase64url(await deflateRaw(payload))}`;
  }),
  // A real link with its deflate bytes or its characters changed.
  fc
    .tuple(sampleIndex, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(
      async ([i, ms]) => `#v1.${toBase64url(ms.reduce(mutate, deflated[i] ?? new Uint8Array()))}`,
    ),
  fc
    .tuple(sampleIndex, fc.nat(), fc.constantFrom(...'AZaz09-_#.=+/ %'))
    .map(async ([i, at, char]) => {
      const link = `#v1.${toBase64url(deflated[i] ?? new Uint8Array())}`;
      const where = at % link.length;
      return link.slice(0, where) + char + link.slice(where + 1);
    }),
);

async function outcome(input: string): Promise<KvpSnapshot | PermalinkError> {
  try {
    return await decodePermalink(input);
  } catch (error) {
    if (error instanceof PermalinkError) return error;
    throw new Error(`decodePermalink threw something else: ${String(error)}`, { cause: error });
  }
}

function expectWhole(result: KvpSnapshot | PermalinkError): void {
  if (result instanceof PermalinkError) {
    expect(['not-a-link', 'damaged', 'newer-version', 'too-large']).toContain(result.kind);
    // A damaged link is damaged for a reason the decoder foresaw, not because of a bug in it.
    if (result.cause !== undefined) expect(result.cause).toBeInstanceOf(PayloadError);
  } else {
    // A whole snapshot: the report can be built from it.
    expect(analyze(result).verdicts).toHaveLength(RULE_PACKS.length);
  }
}

describe('decodePermalink fuzz', () => {
  it('gives a whole snapshot or a PermalinkError for 10,000 hostile inputs', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        runs++;
        expectWhole(await outcome(await input));
      }),
      { numRuns: 10_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(10_000);
  }, 120_000);

  it.each([
    ['zeros', new Uint8Array(4 * 1024 * 1024)],
    [
      'a real payload followed by megabytes',
      Uint8Array.from([...(payloads[0] ?? []), ...new Uint8Array(2 * 1024 * 1024)]),
    ],
  ])('refuses a deflate bomb of %s as too large, saying which limit', async (_what, inflated) => {
    const link = `#v1.${toBase64url(await deflateRaw(inflated))}`;
    expect(link.length).toBeLessThan(20_000);
    const result = await outcome(link);
    expect(result).toBeInstanceOf(PermalinkError);
    expect((result as PermalinkError).kind).toBe('too-large');
    expect((result as PermalinkError).message).toBe(
      'This link is larger than KVP Analyzer makes them: it takes more than 1,048,576 bytes (1 MiB) uncompressed, the most a link carries. Ask for the exported .reg file instead.',
    );
  });

  it('calls a payload with one extra byte at the end damaged', async () => {
    const payload = Uint8Array.from([...(payloads[0] ?? []), 0]);
    const result = await outcome(`#v1.${toBase64url(await deflateRaw(payload))}`);
    expect((result as PermalinkError).kind).toBe('damaged');
    expect(((result as PermalinkError).cause as Error).message).toBe(
      'unexpected bytes after the end',
    );
  });
});
