// A large, realistic regedit export (UTF-16LE with BOM, CRLF) for the e2e tests, the benches and
// the scanKvp tests: many keys of the kinds a full export holds (CLSIDs with strings, escaped
// paths, dwords, wrapped hex(2), hex(7) and binary blobs, hex(b) qwords), with the blocks of a
// KVP export placed in the middle. Deterministic: the same arguments give the same bytes.
import { wrappedHex } from './regedit-hex.ts';
import { utf16leBytes } from './utf16.ts';

const HEADER = 'Windows Registry Editor Version 5.00\r\n\r\n';

/** A hex value line as regedit wraps it, with its line break. */
function hexLine(prefix: string, bytes: ArrayLike<number>): string {
  return `${wrappedHex(prefix, bytes)}\r\n`;
}

function block(n: number): string {
  const guid = `{${n.toString(16).padStart(8, '0').toUpperCase()}-4E2B-4C1A-9D3F-0A1B2C3D4E5F}`;
  const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\${guid}`;
  const blob = Array.from({ length: 96 }, (_, i) => (n * 31 + i * 7) & 0xff);
  const qword = Array.from({ length: 8 }, (_, i) => (n >> (i * 4)) & 0xff);
  return (
    `[${key}]\r\n@="Sample COM class ${n}"\r\n"AppID"="${guid}"\r\n` +
    `"Flags"=dword:${(n & 0xffff).toString(16).padStart(8, '0')}\r\n` +
    hexLine('"Stamp"=hex(b):', qword) +
    `\r\n` +
    `[${key}\\InprocServer32]\r\n` +
    hexLine('@=hex(2):', utf16leBytes(`%SystemRoot%\\System32\\component${n}.dll\0`)) +
    `"ThreadingModel"="Both"\r\n` +
    `"Path"="C:\\\\Program Files\\\\Vendor\\\\App ${n}\\\\bin"\r\n` +
    hexLine('"Names"=hex(7):', utf16leBytes(`first ${n}\0second\0third ${n % 7}\0\0`)) +
    hexLine('"Signature"=hex:', blob) +
    `\r\n`
  );
}

/** The text of such an export in parts: header, blocks, `kvpText` (header stripped) midway. */
function* exportParts(minBytes: number, kvpText: string): Generator<string> {
  const kvpBlocks = kvpText.replace(/^[^\n]*\n/, '').replace(/\r?\n/g, '\r\n');
  yield HEADER;
  let chars = HEADER.length;
  let n = 0;
  let placed = false;
  while (chars * 2 < minBytes) {
    const text = block(n++);
    yield text;
    chars += text.length;
    if (!placed && chars * 2 >= minBytes / 2) {
      yield kvpBlocks;
      chars += kvpBlocks.length;
      placed = true;
    }
  }
  if (!placed) yield kvpBlocks;
}

/** Text of an export of at least `minBytes` once encoded, with `kvpText` (header stripped) midway. */
export function largeExportText(minBytes: number, kvpText: string): string {
  return [...exportParts(minBytes, kvpText)].join('');
}

/**
 * The same export as UTF-16LE chunks of about `chunkBytes`, BOM first, made as they are read:
 * for exports larger than a string or than the memory a test should hold.
 */
export function* largeExportChunks(
  minBytes: number,
  kvpText: string,
  chunkBytes = 1 << 20,
): Generator<Uint8Array> {
  let bom = true;
  let batch: string[] = [];
  let chars = 0;
  for (const part of exportParts(minBytes, kvpText)) {
    batch.push(part);
    chars += part.length;
    if (chars * 2 < chunkBytes) continue;
    yield utf16leBytes(batch.join(''), bom);
    bom = false;
    batch = [];
    chars = 0;
  }
  if (batch.length > 0) yield utf16leBytes(batch.join(''), bom);
}

/** The same, as the bytes regedit writes: UTF-16LE with a BOM. */
export function largeExportBytes(minBytes: number, kvpText: string): Uint8Array {
  return utf16leBytes(largeExportText(minBytes, kvpText), true);
}
