// A RegValue's fields as a plain object. A ParsedValue keeps its bytes and data behind getters
// (src/lib/reg/value.ts), which deep-equality helpers walking own properties do not see.
import type { RegDocument, RegOp, RegValue } from '../../src/lib/reg/types';

export function valueFields(value: RegValue): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: value.name,
    type: value.type,
    bytes: value.bytes,
    data: value.data,
    line: value.line,
    endLine: value.endLine,
    overwritten: value.overwritten,
  };
  if (value.deleted !== undefined) out.deleted = value.deleted;
  return out;
}

/** Ops and keys with every value as valueFields: reads each value's bytes and data. */
export function plainOpsAndKeys(doc: Pick<RegDocument, 'ops' | 'keys'>) {
  return {
    ops: doc.ops.map((op: RegOp) =>
      op.op === 'value' ? { ...op, value: valueFields(op.value) } : op,
    ),
    keys: doc.keys.map((key) => ({ ...key, values: key.values.map(valueFields) })),
  };
}
