// Values of the registry document model (src/lib/reg) made from what a text shows of them, so
// that `reg query` and PowerShell output share the snapshot, look-alike and deletion semantics
// of .reg exports. Stored bytes as the registry keeps them (reg-format.md §2.3).
import { REG_MULTI_SZ, REG_QWORD, REG_SZ } from '../reg/data.ts';
import { encodeUtf16le } from '../reg/decode.ts';
import { ParsedValue } from '../reg/value.ts';

/** Text stored as REG_SZ, REG_EXPAND_SZ or REG_LINK: UTF-16LE with its NUL. */
export function textValue(name: string, type: number, text: string, line: number): ParsedValue {
  if (type === REG_SZ) return ParsedValue.ofString(name, text, line);
  return ParsedValue.ofBytes(name, type, encodeUtf16le(`${text}\0`), line, line);
}

/** REG_MULTI_SZ: each string and its NUL, then the NUL that ends the list. */
export function listValue(name: string, items: readonly string[], line: number): ParsedValue {
  const text = items.map((item) => `${item}\0`).join('');
  return ParsedValue.ofBytes(name, REG_MULTI_SZ, encodeUtf16le(`${text}\0`), line, line);
}

/** REG_QWORD, little-endian. */
export function qwordValue(name: string, value: bigint, line: number): ParsedValue {
  const bytes = new Uint8Array(8);
  for (let i = 0, rest = value; i < 8; i++, rest >>= 8n) bytes[i] = Number(rest & 0xffn);
  return ParsedValue.ofBytes(name, REG_QWORD, bytes, line, line);
}

/** Any other type: its bytes. */
export function bytesValue(name: string, type: number, bytes: Uint8Array, line: number) {
  return ParsedValue.ofBytes(name, type, bytes, line, line);
}
