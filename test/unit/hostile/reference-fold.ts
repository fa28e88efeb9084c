// The fold as it was before it became linear (commit 4b4154a), written plainly: the meaning
// foldOps must keep, for the tests and the fuzz run to compare it with. Quadratic on purpose.
import type { RegKey, RegOp, RegValue } from '../../../src/lib/reg/types';
import { ParsedValue } from '../../../src/lib/reg/value';

export function referenceFold(ops: readonly RegOp[]): RegKey[] {
  const keys: RegKey[] = [];
  const keyFor = (path: string, line: number) => {
    let key = keys.find((k) => k.path.toLowerCase() === path.toLowerCase());
    if (!key) keys.push((key = { path, line, values: [] }));
    return key;
  };
  const put = (key: RegKey, value: RegValue) => {
    const at = key.values.findIndex((v) => v.name.toLowerCase() === value.name.toLowerCase());
    const earlier = key.values[at];
    if (!earlier) return void key.values.push(value);
    const overwritten = [...earlier.overwritten, earlier.line];
    key.values[at] =
      value instanceof ParsedValue
        ? value.renamed(earlier.name, overwritten)
        : { ...value, name: earlier.name, overwritten };
  };
  for (const op of ops) {
    const key = keyFor(op.path, op.line);
    if (op.op === 'key') delete key.deleted;
    else if (op.op === 'deleteKey') {
      const prefix = `${op.path.toLowerCase()}\\`;
      for (const k of keys) {
        if (k === key || k.path.toLowerCase().startsWith(prefix)) {
          k.deleted = true;
          k.values = [];
        }
      }
    } else if (op.op === 'value') put(key, op.value);
    else {
      put(key, {
        name: op.name,
        type: 0,
        bytes: new Uint8Array(0),
        data: null,
        line: op.line,
        endLine: op.line,
        deleted: true,
        overwritten: [],
      });
    }
  }
  return keys;
}
