// The JSON of `parse --json` as one object, built the plain way (`parse --json` did this before
// it wrote its output as it went): the oracle parseJsonChunks is compared with.
import { decodeData, toHex, typeName } from '../../../src/lib/reg/data';
import type {
  ParseJson,
  ParseJsonData,
  ParseJsonKey,
  ParseJsonValue,
} from '../../../src/lib/reg/json';
import { replacedKeys } from '../../../src/lib/reg/replaced';
import type { RegDocument } from '../../../src/lib/reg/types';

function jsonData(type: number, bytes: Uint8Array): ParseJsonData {
  const data = decodeData(type, bytes);
  if (data === null) return toHex(bytes);
  if (typeof data === 'bigint') return data.toString(10);
  return data;
}

export function toParseJson(doc: RegDocument): ParseJson {
  const replaced = replacedKeys(doc);
  return {
    format: doc.format,
    encoding: doc.encoding,
    keys: doc.keys.map((key): ParseJsonKey => {
      const values = key.values.map((v): ParseJsonValue =>
        v.deleted
          ? { name: v.name, type: typeName(v.type), bytes: '', line: v.line, deleted: true }
          : {
              name: v.name,
              type: typeName(v.type),
              data: jsonData(v.type, v.bytes),
              bytes: toHex(v.bytes),
              line: v.line,
            },
      );
      const line = replaced.get(key);
      if (key.deleted) return { path: key.path, deleted: true, values };
      return line === undefined
        ? { path: key.path, values }
        : { path: key.path, replaced: { line }, values };
    }),
    diagnostics: doc.diagnostics.map((d) => ({
      line: d.line,
      severity: d.severity,
      message: d.message,
    })),
  };
}
