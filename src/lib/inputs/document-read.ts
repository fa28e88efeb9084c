// The seam for text inputs that map onto the registry document model (reg query, PowerShell):
// ops and notes in, a snapshot out, through the same fold and snapshot code as .reg exports.
import type { InputEncoding, InputFormat } from '../kvp/input-format.ts';
import { assembleSnapshot, documentFacts, type KvpSnapshot } from '../kvp/snapshot.ts';
import type { TypeShown } from '../kvp/type-shown.ts';
import { foldOps } from '../reg/fold.ts';
import type { Diagnostic, RegDocument, RegOp } from '../reg/types.ts';

export interface DocumentRead {
  ops: RegOp[];
  diagnostics: Diagnostic[];
  /** What the value on each line showed of its type, when the text does not show types. */
  typeShown?: ReadonlyMap<number, TypeShown>;
}

/** The document a text reader's ops make (the fold of .reg imports). */
export function documentOf(read: DocumentRead): Pick<RegDocument, 'ops' | 'keys'> {
  return { ops: read.ops, keys: foldOps(read.ops) };
}

/** The snapshot of a text reader's ops, with each value's type as the text showed it. */
export function snapshotOfRead(
  read: DocumentRead,
  input: { format: InputFormat; encoding: InputEncoding },
): KvpSnapshot {
  const facts = documentFacts(documentOf(read), input);
  const shown = read.typeShown;
  if (shown) {
    for (const key of [facts.parameters, facts.auto, facts.currentVersion]) {
      key.values = key.values.map((value) => {
        const typeShown = shown.get(value.line);
        return typeShown ? { ...value, typeShown } : value;
      });
    }
  }
  return assembleSnapshot(facts);
}
