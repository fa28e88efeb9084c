// Every link version this page opens, each with the decoder that turns its payload into today's
// SnapshotFacts (v1's facts are today's: every field added since is optional). A new link is
// written in the oldest version that carries its facts whole — a .reg export's stays v1, which
// every page reads — and in v2 for the inputs only v2 carries. When v3 comes: add
// `[3, decodeFactsV3]`, and make the older entries migrate their facts up one rung at a time.
import type { SnapshotFacts } from '../kvp/snapshot.ts';
import { decodeFactsV1, encodeFactsV1 } from './schema-v1.ts';
import { decodeFactsV2, encodeFactsV2, fitsV1 } from './schema-v2.ts';

export type FactsDecoder = (payload: Uint8Array) => SnapshotFacts;

export const LINK_DECODERS: ReadonlyMap<number, FactsDecoder> = new Map([
  [1, decodeFactsV1],
  [2, decodeFactsV2],
]);

/** The newest version this page writes (and so the newest it knows). */
export const CURRENT_LINK_VERSION = 2;

/** The version a link of these facts is written in, and its payload. */
export function encodeLinkFacts(facts: SnapshotFacts): { version: number; payload: Uint8Array } {
  return fitsV1(facts)
    ? { version: 1, payload: encodeFactsV1(facts) }
    : { version: 2, payload: encodeFactsV2(facts) };
}
