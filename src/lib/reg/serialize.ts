// RegDocument → the bytes regedit 5.00 exports (reg-format.md §1.4, §2.8, §7.7).
import { HEX2, REG_BINARY, REG_DWORD, REG_SZ } from './data';
import { writeUtf16le } from './decode';
import type { RegDocument, RegKey, RegValue } from './types';

const HEADER = 'Windows Registry Editor Version 5.00\r\n';
/** Wrap hex data once a line reaches this many characters (§2.8, `MAX_HEX_CHARS`). */
const MAX_HEX_CHARS = 77;

/**
 * The folded keys of `doc`, in document order, as a UTF-16LE file with BOM and CRLF: each key
 * as `\r\n[path]\r\n` then its values in order, the file ending with an empty line (§1.4).
 * Deleted keys come out as `[-path]`, deleted values as `"name"=-`.
 */
export function serializeReg(doc: Pick<RegDocument, 'keys'>): Uint8Array {
  const parts: string[] = [HEADER];
  for (const key of doc.keys) writeKey(parts, key);
  parts.push('\r\n');
  return encodeWithBom(parts.join(''));
}

function writeKey(parts: string[], key: RegKey): void {
  if (key.deleted) {
    parts.push(`\r\n[-${key.path}]\r\n`);
    return;
  }
  parts.push(`\r\n[${key.path}]\r\n`);
  for (const value of key.values) parts.push(valueLine(value), '\r\n');
}

/** One value as regedit writes it, continuation lines included. */
export function valueLine(value: RegValue): string {
  const name = value.name === '' ? '@=' : `"${escapeName(value.name)}"=`;
  if (value.deleted) return `${name}-`;
  const { type, bytes } = value;
  if (type === REG_DWORD && bytes.length === 4) {
    const n = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
    return `${name}dword:${n.toString(16).padStart(8, '0')}`;
  }
  if (type === REG_SZ) {
    const text = plainStringText(bytes);
    if (text !== null) return `${name}"${text.replace(/[\\"]/g, '\\$&')}"`;
  }
  const prefix = type === REG_BINARY ? 'hex:' : `hex(${(type >>> 0).toString(16)}):`;
  return name + prefix + hexList(bytes, name.length + prefix.length);
}

/**
 * The text of a REG_SZ that survives `"…"` exactly, or null. Windows exports a REG_SZ
 * truncated at its first NUL (§2.2, embedded_null_test) and the import appends one NUL, so a
 * quoted string round-trips only for UTF-16 text that ends with its single NUL and has no other.
 * CR and LF cannot be written inside quotes (a string cannot span lines, §2.2, UNCERTAIN §10.3).
 * Everything else goes out as hex(1):, which keeps the bytes exactly (as regashii does).
 */
function plainStringText(bytes: Uint8Array): string | null {
  const n = bytes.length;
  if (n < 2 || n % 2 === 1 || bytes[n - 1] !== 0 || bytes[n - 2] !== 0) return null;
  const units: number[] = [];
  for (let i = 0; i < n - 2; i += 2) {
    const c = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8);
    if (c === 0 || c === 10 || c === 13) return null;
    units.push(c);
  }
  let text = '';
  for (let i = 0; i < units.length; i += 0x2000) {
    text += String.fromCharCode.apply(null, units.slice(i, i + 0x2000));
  }
  return text;
}

/**
 * Value names escape `\` and `"` only (§2.2). CR and LF cannot stand in a line; we write them
 * as `\r` / `\n`, which Wine (and our parser, with a warning) read back.
 */
function escapeName(name: string): string {
  return name.replace(/[\\"\r\n]/g, (c) => (c === '\r' ? '\\r' : c === '\n' ? '\\n' : `\\${c}`));
}

/** `%02x` bytes joined by commas, wrapped by the §2.8 rule (25 bytes per continuation line). */
function hexList(bytes: Uint8Array, startLength: number): string {
  const out: string[] = [];
  let lineLength = startLength;
  for (let i = 0; i < bytes.length; i++) {
    out.push(HEX2[bytes[i] ?? 0] ?? '00');
    if (i === bytes.length - 1) break;
    out.push(',');
    lineLength += 3;
    if (lineLength >= MAX_HEX_CHARS) {
      out.push('\\\r\n  ');
      lineLength = 2;
    }
  }
  return out.join('');
}

function encodeWithBom(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  writeUtf16le(text, out, 2);
  return out;
}
