import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleSnapshot, snapshotFacts } from '../../../src/lib/kvp/snapshot.ts';
import {
  LinkTooLargeError,
  decodePermalink,
  encodePermalink,
} from '../../../src/lib/permalink/index.ts';
import { decodeFactsV1, encodeFactsV1 } from '../../../src/lib/permalink/schema-v1.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { snapshotFactsArb } from './arbitraries.ts';
import { fileFactsArb } from './file-facts.ts';

describe('properties', () => {
  it('schema v1: facts → bytes → facts is the identity for the facts of a file', () => {
    fc.assert(
      fc.property(fileFactsArb, (facts) => {
        const snapshot = assembleSnapshot(facts);
        const back = decodeFactsV1(encodeFactsV1(snapshotFacts(snapshot)));
        expect(assembleSnapshot(back)).toStrictEqual(snapshot);
      }),
      { numRuns: 500 },
    );
  });

  it('encodePermalink → decodePermalink is the identity, and the report is the same', async () => {
    await fc.assert(
      fc.asyncProperty(fileFactsArb, async (facts) => {
        const snapshot = assembleSnapshot(facts);
        const decoded = await decodePermalink(await encodePermalink(snapshot));
        expect(decoded).toStrictEqual(snapshot);
        expect(analyze(decoded)).toStrictEqual(analyze(snapshot));
      }),
      { numRuns: 300 },
    );
  });

  it('every link encodePermalink makes opens: facts of any shape give a link or a refusal', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(snapshotFactsArb, async (facts) => {
        const snapshot = assembleSnapshot(facts);
        const link = await encodePermalink(snapshot).catch((error: unknown) => {
          if (!(error instanceof RangeError || error instanceof LinkTooLargeError)) throw error;
          refused++;
          return undefined;
        });
        if (link !== undefined) expect(await decodePermalink(link)).toStrictEqual(snapshot);
      }),
      { numRuns: 300 },
    );
    // Duplicate names and lines are common in shapeless facts: the refusals are exercised.
    expect(refused).toBeGreaterThan(0);
  });

  it('snapshotFacts is assembleSnapshot’s inverse', () => {
    fc.assert(
      fc.property(snapshotFactsArb, (facts) => {
        const snapshot = assembleSnapshot(facts);
        expect(assembleSnapshot(snapshotFacts(snapshot))).toStrictEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  });
});
