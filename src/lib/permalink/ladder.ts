// Every link version this page opens, each with the decoder that turns its payload into today's
// SnapshotFacts. When v2 comes: add `[2, decodeFactsV2]`, and make v1's entry
// `(payload) => migrateV1ToV2(decodeFactsV1(payload))`, so old links climb the ladder one rung
// at a time and keep opening.
import type { SnapshotFacts } from '../kvp/snapshot.ts';
import { decodeFactsV1, encodeFactsV1 } from './schema-v1.ts';

export type FactsDecoder = (payload: Uint8Array) => SnapshotFacts;

export const LINK_DECODERS: ReadonlyMap<number, FactsDecoder> = new Map([[1, decodeFactsV1]]);

/** The version new links are written in, and its encoder. */
export const CURRENT_LINK_VERSION = 1;
export const encodeCurrentFacts: (facts: SnapshotFacts) => Uint8Array = encodeFactsV1;
