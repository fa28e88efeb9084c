// The fast-check properties of the parser, shared with test/fuzz/reg.fuzz.ts.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import {
  parseReg,
  parseRegChunks,
  restrictToKvp,
  scanKvp,
  serializeReg,
  type RegDocument,
} from '../../../src/lib/reg';
import { plainOpsAndKeys } from '../../support/value-fields';
import { anyBytes, kvpExport, registryishBytes, regDocument } from './arbitraries';

/** parseReg never throws and always returns a well-formed document, whose values read too. */
export const neverThrows = fc.property(anyBytes, (bytes) => {
  const doc = parseReg(bytes);
  if (!Array.isArray(doc.keys) || !Array.isArray(doc.diagnostics)) return false;
  plainOpsAndKeys(doc);
  return doc.diagnostics.every((d) => d.line >= 1 && d.message.length > 0);
});

function shape(doc: Pick<RegDocument, 'keys'>) {
  return doc.keys.map((k) => ({
    path: k.path,
    deleted: k.deleted ?? false,
    values: k.values.map((v) => ({
      name: v.name,
      type: v.type,
      bytes: Array.from(v.bytes).join(','),
      deleted: v.deleted ?? false,
    })),
  }));
}

/** Serializing then parsing reproduces paths, names, types and bytes. */
export const roundTrips = fc.property(regDocument, (doc) => {
  const back = parseReg(serializeReg(doc));
  const a = JSON.stringify(shape(doc));
  const b = JSON.stringify(shape(back));
  if (a !== b) throw new Error(`round trip differs:\n${a}\n${b}`);
  return back.format === 'regedit5';
});

/** The parts of a document scanKvp promises to equal (its diagnostics cover less by design). */
export function keptParts(doc: RegDocument) {
  return { format: doc.format, encoding: doc.encoding, ...plainOpsAndKeys(doc) };
}

export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  return out;
}

async function scanMatches(bytes: Uint8Array, cuts: readonly number[]): Promise<void> {
  const whole = keptParts(restrictToKvp(parseReg(bytes)));
  const fast = keptParts(scanKvp(bytes));
  if (!isDeepStrictEqual(fast, whole))
    throw new Error('scanKvp(bytes) differs from the full parse');
  const chunks = splitAt(bytes, cuts);
  // Against the chunked full parse: the same as parseReg except for BOM-less invalid UTF-8.
  const chunked = keptParts(restrictToKvp(await parseRegChunks(chunks)));
  if (!isDeepStrictEqual(keptParts(await scanKvp(chunks)), chunked)) {
    throw new Error(`scanKvp(chunks split at ${cuts.join(', ')}) differs from the full parse`);
  }
}

/**
 * scanKvp, on a whole buffer and on any chunking, gives the full parse restricted to the kept
 * keys (keys, values, ops and their lines), for KVP-heavy UTF-16LE exports and registry-ish
 * bytes of any encoding.
 */
export const scanKvpMatches = fc.asyncProperty(
  fc.oneof(
    kvpExport,
    fc
      .tuple(registryishBytes, fc.nat())
      .map(([bytes, cut]) => ({ bytes, cuts: [cut % (bytes.length + 1)] })),
  ),
  ({ bytes, cuts }) => scanMatches(bytes, cuts),
);
