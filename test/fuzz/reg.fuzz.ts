// npm run fuzz: the parser's and the link decoder's properties with many more runs, each with
// its cases/s. Usage: tsx test/fuzz/reg.fuzz.ts [numRuns]. The hostile properties (thousands
// of lines or a payload near 1 MiB a case) run a thousandth as many, at least 200.
import fc from 'fast-check';
import { extremeLinksBounded, hostileExportsRead } from '../unit/hostile/properties';
import { neverThrows, roundTrips, scanKvpMatches } from '../unit/reg/properties';
import { analysisMatches } from '../unit/rules/agreement';

const numRuns = Number(process.argv[2] ?? 200_000) || 200_000;
const hostileRuns = Math.max(200, Math.round(numRuns / 1000));

async function run(name: string, runs: number, check: (runs: number) => unknown): Promise<void> {
  const start = performance.now();
  await check(runs);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${name}: ${runs} cases in ${seconds.toFixed(1)} s (${Math.round(runs / seconds)} cases/s)`,
  );
}

await run('parseReg never throws', numRuns, (n) => fc.assert(neverThrows, { numRuns: n }));
await run('serialize → parse round trip', numRuns, (n) => fc.assert(roundTrips, { numRuns: n }));
await run('scanKvp = full parse restricted to the kept keys', numRuns, (n) =>
  fc.assert(scanKvpMatches, { numRuns: n }),
);
await run('hostile exports: scan = parse, fold linear and as before', hostileRuns, (n) =>
  fc.assert(hostileExportsRead, { numRuns: n }),
);
await run('extreme links: bounded snapshot or foreseen refusal', hostileRuns, (n) =>
  fc.assert(extremeLinksBounded, { numRuns: n }),
);
// Six packs run per case: a tenth of the parser's runs.
await run(
  'analyze(scanKvp) = analyze(parseReg), check by check',
  Math.max(1000, Math.round(numRuns / 10)),
  (n) => fc.assert(analysisMatches, { numRuns: n }),
);
