// The JSON view of a parsed file, shared by `kvp-analyzer parse --json` and the web page.
import { decodeData, toHex, typeName } from './data';
import type { RegDocument, RegEncoding, RegFormat, Severity } from './types';

export type ParseJsonData = string | string[] | number;

export interface ParseJsonValue {
  /** '' for the default value. */
  name: string;
  /** typeName(): REG_SZ …, or hex(N). */
  type: string;
  data?: ParseJsonData;
  /** The stored bytes, lowercase hex without separators. */
  bytes: string;
  line: number;
  deleted?: true;
}

export interface ParseJsonKey {
  path: string;
  deleted?: true;
  values: ParseJsonValue[];
}

export interface ParseJson {
  format: RegFormat;
  encoding: RegEncoding;
  keys: ParseJsonKey[];
  diagnostics: { line: number; severity: Severity; message: string }[];
}

/**
 * JSON-safe data: text for SZ/EXPAND_SZ/LINK, a list for MULTI_SZ, a number for a 4-byte DWORD
 * (big-endian for DWORD_BIG_ENDIAN), a decimal string for an 8-byte QWORD (JSON numbers lose
 * precision above 2^53), and lowercase hex for everything else, wrong lengths included.
 */
export function jsonData(type: number, bytes: Uint8Array, codePage = false): ParseJsonData {
  const data = decodeData(type, bytes, codePage);
  if (data === null) return toHex(bytes);
  if (typeof data === 'bigint') return data.toString(10);
  return data;
}

export function toParseJson(doc: RegDocument): ParseJson {
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
              data: jsonData(v.type, v.bytes, v.codePage),
              bytes: toHex(v.bytes),
              line: v.line,
            },
      );
      return key.deleted ? { path: key.path, deleted: true, values } : { path: key.path, values };
    }),
    diagnostics: doc.diagnostics.map((d) => ({
      line: d.line,
      severity: d.severity,
      message: d.message,
    })),
  };
}
