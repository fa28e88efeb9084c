// npm run bench: growth ratios. For each hostile input of issue #11 (test/unit/hostile/inputs.ts)
// at size n and 4n, the median time of several runs and their ratio: about 4 is linear, about 16
// quadratic. Prints figures, asserts nothing. GROWTH_SCALE=0.125 scales every n (for the
// quadratic code of old, which takes minutes at full size); GROWTH_RUNS sets the runs.
import { buildSnapshot } from '../../src/lib/kvp/snapshot.ts';
import { decodePermalink } from '../../src/lib/permalink/index.ts';
import { encodeFactsV1 } from '../../src/lib/permalink/schema-v1.ts';
import { foldOps, parseReg, scanKvp } from '../../src/lib/reg/index.ts';
import type { RegOp } from '../../src/lib/reg/types.ts';
import { analyze } from '../../src/lib/rules/index.ts';
import {
  deletionsAfterKeptKeys,
  deletionsThatMayContinue,
  dwordValues,
  factsWith,
  keyDeletions,
  linkOfPayload,
  manyValues,
  oneByteValues,
  rewrites,
} from '../unit/hostile/inputs.ts';

const SCALE = Number(process.env.GROWTH_SCALE ?? 1) || 1;
const RUNS = Number(process.env.GROWTH_RUNS ?? 5) || 5;

interface Case<T> {
  name: string;
  /** The size at which the first time is taken (before GROWTH_SCALE). */
  n: number;
  make(n: number): T | Promise<T>;
  run(input: T): unknown;
}

function opsOf(bytes: Uint8Array): RegOp[] {
  return parseReg(bytes).ops;
}

function linkOf(values: number): Promise<string> {
  return linkOfPayload(encodeFactsV1(factsWith(dwordValues(values))));
}

function linkOfOneByteValues(values: number): Promise<string> {
  return linkOfPayload(encodeFactsV1(factsWith(oneByteValues(values))));
}

/** A link whose one value is `chars` characters that deflate hardly at all (a fixed xorshift). */
function linkWithText(chars: number): Promise<string> {
  let state = 2463534242;
  const codes = new Uint8Array(chars);
  for (let i = 0; i < chars; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    codes[i] = 48 + ((state >>> 0) % 64);
  }
  const text = new TextDecoder().decode(codes);
  return linkOfPayload(
    encodeFactsV1(factsWith([{ name: 'HostName', type: 1, data: text, line: 4 }])),
  );
}

/** decodePermalink's answer, whichever it is: a snapshot or the error saying why not. */
async function decoded(link: string): Promise<unknown> {
  return decodePermalink(link).catch((error: unknown) => error);
}

/** A case of any input type, in the list of all. */
function bench<T>(c: Case<T>): Case<unknown> {
  return c as unknown as Case<unknown>;
}

const CASES: Case<unknown>[] = [
  bench({
    name: 'fold: [-key] deletions',
    n: 20_000,
    make: (n) => opsOf(keyDeletions(n)),
    run: foldOps,
  }),
  bench({
    name: 'fold: rewrites of one value',
    n: 40_000,
    make: (n) => opsOf(rewrites(n)),
    run: foldOps,
  }),
  bench({
    name: 'fold: values in one key',
    n: 40_000,
    make: (n) => opsOf(manyValues(n)),
    run: foldOps,
  }),
  bench({ name: 'parse: [-key] deletions', n: 20_000, make: keyDeletions, run: parseReg }),
  bench({
    name: 'scanKvp: deletions after kept keys',
    n: 20_000,
    make: deletionsAfterKeptKeys,
    run: scanKvp,
  }),
  bench({
    name: 'scanKvp: [-key]\\ lines',
    n: 20_000,
    make: deletionsThatMayContinue,
    run: scanKvp,
  }),
  bench({
    name: 'analyze: values in one key',
    n: 10_000,
    make: (n) => parseReg(manyValues(n)),
    run: (doc) => analyze(doc),
  }),
  bench({
    name: 'snapshot: values in one key',
    n: 10_000,
    make: (n) => parseReg(manyValues(n)),
    run: buildSnapshot,
  }),
  bench({ name: 'link decode: values (≤ 1,000)', n: 250, make: linkOf, run: decoded }),
  bench({ name: 'link decode: one text (chars)', n: 200_000, make: linkWithText, run: decoded }),
  bench({
    name: 'link decode: 3-byte values (over 1,000)',
    n: 50_000,
    make: linkOfOneByteValues,
    run: decoded,
  }),
];

async function median(run: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? NaN;
}

const format = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(9);

console.log(
  `median of ${RUNS} runs after 3 warm-up runs, node ${process.version}; ratio = time(4n) / time(n): ≈4 linear, ≈16 quadratic`,
);
console.log(
  `${'case'.padEnd(36)}${'n'.padStart(9)}${'ms'.padStart(9)}${'4n'.padStart(9)}${'ms'.padStart(9)}  ratio`,
);
for (const c of CASES) {
  const n = Math.max(1, Math.round(c.n * SCALE));
  const small = await c.make(n);
  const timeN = await median(() => c.run(small));
  const large = await c.make(4 * n);
  const time4N = await median(() => c.run(large));
  console.log(
    `${c.name.padEnd(36)}${String(n).padStart(9)}${format(timeN)}${String(4 * n).padStart(9)}${format(time4N)}  ${(time4N / timeN).toFixed(1)}`,
  );
}
