import fc from 'fast-check';
import { describe, it } from 'vitest';
import { extremeLinksBounded, hostileExportsRead } from './properties.ts';

// A few runs each: every case is large (thousands of lines, or a payload near 1 MiB); `npm run
// fuzz` runs many more.
describe('hostile structure (fast-check)', () => {
  it('exports with thousands of rewrites, deletions and values: scan = parse, fold linear', async () => {
    await fc.assert(hostileExportsRead, { numRuns: 25 });
  }, 120_000);

  it('links extreme in every count: a snapshot within the limits, or a foreseen refusal', async () => {
    await fc.assert(extremeLinksBounded, { numRuns: 60 });
  }, 120_000);
});
