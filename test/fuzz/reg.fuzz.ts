// npm run fuzz: the parser properties with many more runs. Usage: tsx test/fuzz/reg.fuzz.ts [numRuns]
import fc from 'fast-check';
import { neverThrows, roundTrips, scanKvpMatches } from '../unit/reg/properties';
import { analysisMatches } from '../unit/rules/agreement';

const numRuns = Number(process.argv[2] ?? 200_000) || 200_000;

async function run(name: string, check: () => unknown): Promise<void> {
  const start = performance.now();
  await check();
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${name}: ${numRuns} cases in ${seconds.toFixed(1)} s (${Math.round(numRuns / seconds)} cases/s)`,
  );
}

await run('parseReg never throws', () => fc.assert(neverThrows, { numRuns }));
await run('serialize → parse round trip', () => fc.assert(roundTrips, { numRuns }));
await run('scanKvp = full parse restricted to the kept keys', () =>
  fc.assert(scanKvpMatches, { numRuns }),
);
await run('analyze(scanKvp) = analyze(parseReg), check by check', () =>
  fc.assert(analysisMatches, { numRuns }),
);
