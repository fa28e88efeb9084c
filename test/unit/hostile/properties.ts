// The fast-check properties of hostile structure, shared by properties.test.ts (a few runs in
// `npm test`) and test/fuzz/reg.fuzz.ts (many). Each counts work where linearity is the point.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { assembleSnapshot } from '../../../src/lib/kvp/snapshot.ts';
import { PermalinkError, decodePermalink } from '../../../src/lib/permalink/index.ts';
import { MAX_ENTRIES, MAX_VALUES_PER_KEY } from '../../../src/lib/permalink/link-limits.ts';
import { PayloadError } from '../../../src/lib/permalink/payload-error.ts';
import { encodeFactsV1 } from '../../../src/lib/permalink/schema-v1.ts';
import {
  foldOps,
  parseReg,
  restrictToKvp,
  scanKvp,
  type FoldMeter,
} from '../../../src/lib/reg/index.ts';
import { RULE_PACKS, analyze } from '../../../src/lib/rules/index.ts';
import { plainOpsAndKeys } from '../../support/value-fields.ts';
import { keptParts, splitAt } from '../reg/properties.ts';
import { extremeFacts, hostileExport } from './arbitraries.ts';
import { linkOfPayload } from './inputs.ts';
import { referenceFold } from './reference-fold.ts';

/** Ops up to which the quadratic reference fold is affordable in a property. */
const REFERENCE_OPS = 3000;

/**
 * On hostile exports: scanKvp, whole and in chunks, gives the full parse restricted to the kept
 * keys; the fold takes a few steps per op and path name, and agrees with the reference fold.
 */
export const hostileExportsRead = fc.asyncProperty(hostileExport, async ({ bytes, cuts }) => {
  const doc = parseReg(bytes);
  const whole = keptParts(restrictToKvp(doc));
  if (!isDeepStrictEqual(keptParts(scanKvp(bytes)), whole)) {
    throw new Error('scanKvp(bytes) differs from the full parse');
  }
  if (!isDeepStrictEqual(keptParts(await scanKvp(splitAt(bytes, cuts))), whole)) {
    throw new Error(`scanKvp(chunks cut at ${cuts.join(', ')}) differs from the full parse`);
  }
  const meter: FoldMeter = { steps: 0 };
  foldOps(doc.ops, [], meter);
  const names = doc.ops.reduce((n, op) => n + op.path.split('\\').length, 0);
  if (meter.steps > 2 * doc.ops.length + 3 * names) {
    throw new Error(`${meter.steps} fold steps for ${doc.ops.length} ops of ${names} names`);
  }
  if (doc.ops.length <= REFERENCE_OPS) {
    const folded = plainOpsAndKeys({ ops: [], keys: foldOps(doc.ops) }).keys;
    const reference = plainOpsAndKeys({ ops: [], keys: referenceFold(doc.ops) }).keys;
    if (!isDeepStrictEqual(folded, reference))
      throw new Error('the fold differs from the reference');
  }
});

/**
 * Links built with the encoder's layout but extreme in every count open to a snapshot within
 * the limits (one the report is built from), or give a PermalinkError for a reason the decoder
 * foresaw ('too-large' naming the limit, 'damaged' for what no file gives).
 */
export const extremeLinksBounded = fc.asyncProperty(extremeFacts, async (facts) => {
  let payload: Uint8Array;
  try {
    payload = encodeFactsV1(facts);
  } catch (error) {
    // Past the 1 MiB the layout may take: the writer stops there.
    if (error instanceof PayloadError) return;
    throw error;
  }
  const result = await decodePermalink(await linkOfPayload(payload)).catch((e: unknown) => e);
  if (result instanceof PermalinkError) {
    if (
      !['too-large', 'damaged'].includes(result.kind) ||
      !(result.cause instanceof PayloadError)
    ) {
      throw new Error(`an unforeseen refusal: ${result.kind} ${String(result.cause)}`);
    }
    return;
  }
  if (result instanceof Error || result === undefined) throw result;
  const snapshot = assembleSnapshot(facts);
  if (!isDeepStrictEqual(result, snapshot)) throw new Error('the link opened to other facts');
  const keys = [snapshot.parameters, snapshot.auto, snapshot.currentVersion];
  const perKey = keys.map((k) => k.values.length + (k.deletedValues?.length ?? 0));
  const entries = keys.reduce(
    (n, k) =>
      n +
      k.values.reduce((w, v) => w + 1 + (v.writes?.length ?? 0), 0) +
      (k.deletedValues?.length ?? 0),
    snapshot.lookAlikes.reduce((n, k) => n + 1 + k.values.length, 0),
  );
  if (perKey.some((n) => n > MAX_VALUES_PER_KEY) || entries > MAX_ENTRIES) {
    throw new Error(
      `a link opened past the limits: ${perKey.join(', ')} values, ${entries} entries`,
    );
  }
  if (analyze(snapshot).verdicts.length !== RULE_PACKS.length)
    throw new Error('no report from the snapshot');
});
