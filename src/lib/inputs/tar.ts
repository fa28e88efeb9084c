// A tar archive (POSIX ustar, GNU, pax), optionally gzip-compressed → its entries, as views of
// the (decompressed) bytes. Written here because the small tar libraries do not fit a pure,
// synchronous, never-throwing reader: nanotar 0.3 ignores the ustar name prefix and reads past
// the end of a truncated archive, modern-tar 0.8 is stream- and Promise-based.
//
// Layout: POSIX.1-2017 pax/ustar (the 512-byte header: name[100] mode[8] uid[8] gid[8] size[12]
// mtime[12] chksum[8] typeflag[1] linkname[100] magic[6] version[2] uname[32] gname[32]
// devmajor[8] devminor[8] prefix[155]; pax extended headers "len key=value\n"); GNU tar's
// manual "Basic Tar Format" for its `L` long names, base-256 numbers and "ustar  " magic (whose
// bytes at 345 are times, not a prefix). gzip: RFC 1952, inflated by fflate in small steps so
// that the output cap holds.
import { Gunzip } from 'fflate';
import { count, quoted, type InputDiagnostic } from './input-diagnostic';
import { COLLECT_POOL_FILES as COLLECT } from './kvp-pool';

export interface TarEntry {
  name: string;
  bytes: Uint8Array;
  /** ms since epoch */
  mtime: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
  type: 'file' | 'directory' | 'other';
}

export interface TarLimits {
  /** Most bytes a gzip file may inflate to; 32 MiB unless given. */
  maxBytes?: number;
  /** Most entries read; 10,000 unless given. */
  maxEntries?: number;
}

/** A /var/lib/hyperv archive is a few kilobytes; these leave room and stop bombs. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 10_000;
/** Compressed bytes inflated per step: deflate expands at most ~1,032×, so ≤ ~8 MB per step. */
const INFLATE_STEP = 8 * 1024;
/** A pax header or GNU long name larger than this is not a real one. */
const MAX_META_BYTES = 1024 * 1024;
const BLOCK = 512;
const EMPTY = new Uint8Array(0);

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The header's checksum: the unsigned sum of its bytes, the checksum field read as 8 spaces. */
function checksumMatches(h: Uint8Array): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
    unsigned += b;
    signed += b >= 0x80 ? b - 0x100 : b;
  }
  const stored = number(h, 148, 8);
  // Old Sun and some other writers summed signed bytes (POSIX: "unsigned"); GNU tar accepts both.
  return stored !== null && (stored === unsigned || stored === signed);
}

function isZeroBlock(h: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (h[i] !== 0) return false;
  return true;
}

/** A first block that is a tar header: not all zeros, and its checksum matches. */
function isTarHeader(bytes: Uint8Array): boolean {
  if (bytes.length < BLOCK) return false;
  const h = bytes.subarray(0, BLOCK);
  return !isZeroBlock(h) && checksumMatches(h);
}

/** Whether these bytes are a tar archive (a valid first header) or gzip data. */
export function isTarOrGzip(bytes: Uint8Array): boolean {
  return isGzip(bytes) || isTarHeader(bytes);
}

/**
 * The name of a compression or archive format this reader does not open, or null: so that an
 * `.tar.xz` gets "compressed with xz" rather than "not a pool file".
 */
export function otherArchiveKind(bytes: Uint8Array): string | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xfd && b(1) === 0x37 && b(2) === 0x7a && b(3) === 0x58 && b(4) === 0x5a) {
    return 'xz';
  }
  if (b(0) === 0x42 && b(1) === 0x5a && b(2) === 0x68) return 'bzip2';
  if (b(0) === 0x28 && b(1) === 0xb5 && b(2) === 0x2f && b(3) === 0xfd) return 'zstd';
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) return 'zip';
  if (b(0) === 0x37 && b(1) === 0x7a && b(2) === 0xbc && b(3) === 0xaf) return '7-Zip';
  return null;
}

/**
 * An octal number field (digits, ended by a space or NUL, maybe led by spaces), or GNU's
 * base-256 (first byte 0x80 positive / 0xff negative). null when it is neither, or too large.
 */
function number(h: Uint8Array, at: number, size: number): number | null {
  const first = h[at] ?? 0;
  if (first & 0x80) {
    let n = first === 0xff ? -1 : first & 0x7f;
    for (let i = at + 1; i < at + size; i++) {
      n = n * 256 + (h[i] ?? 0) - (first === 0xff ? 255 : 0);
      if (!Number.isSafeInteger(n)) return null;
    }
    return n;
  }
  let i = at;
  const end = at + size;
  while (i < end && h[i] === 0x20) i++;
  let n = 0;
  for (; i < end; i++) {
    const c = h[i] ?? 0;
    if (c === 0 || c === 0x20) break;
    if (c < 0x30 || c > 0x37) return null;
    n = n * 8 + (c - 0x30);
  }
  return n;
}

const utf8 = new TextDecoder('utf-8');

/** A NUL-ended string field. */
function text(h: Uint8Array, at: number, size: number): string {
  const field = h.subarray(at, at + size);
  const nul = field.indexOf(0);
  return utf8.decode(nul === -1 ? field : field.subarray(0, nul));
}

interface Pax {
  path?: string;
  size?: number;
  mtime?: number;
}

/** pax extended header records: "<length> <key>=<value>\n", each length counting the whole record. */
function readPax(data: Uint8Array, into: Pax): boolean {
  let p = 0;
  while (p < data.length) {
    if (data[p] === 0) break; // padding some writers leave
    let len = 0;
    let q = p;
    while (q < data.length && (data[q] ?? 0) >= 0x30 && (data[q] ?? 0) <= 0x39 && q - p < 12) {
      len = len * 10 + (data[q] ?? 0) - 0x30;
      q++;
    }
    if (data[q] !== 0x20 || len <= q - p || p + len > data.length) return false;
    const record = utf8.decode(data.subarray(q + 1, p + len - 1));
    const eq = record.indexOf('=');
    if (eq > 0) {
      const key = record.slice(0, eq);
      const value = record.slice(eq + 1);
      if (key === 'path') into.path = value;
      else if (key === 'size' && /^\d+$/.test(value)) into.size = Number(value);
      else if (key === 'mtime' && /^-?\d+(\.\d+)?$/.test(value)) into.mtime = Number(value);
    }
    p += len;
  }
  return true;
}

interface Inflated {
  bytes: Uint8Array;
  diagnostics: InputDiagnostic[];
}

/**
 * RFC 1952 §2.3: the first member's FNAME (ISO 8859-1, NUL-ended; '' when absent) and MTIME
 * (seconds, little-endian; 0 when absent) — what `gzip .kvp_pool_3` records of the file.
 */
function gzipHeader(bytes: Uint8Array): { name: string; mtime: number } {
  const flags = bytes[3] ?? 0;
  const mtime =
    ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16)) +
    (bytes[7] ?? 0) * 2 ** 24;
  let name = '';
  if (flags & 0x08) {
    let p = 10;
    if (flags & 0x04) p += 2 + ((bytes[10] ?? 0) | ((bytes[11] ?? 0) << 8));
    for (; p < bytes.length && bytes[p] !== 0 && name.length < 1024; p++) {
      name += String.fromCharCode(bytes[p] ?? 0);
    }
  }
  return { name, mtime: mtime * 1000 };
}

function gunzip(bytes: Uint8Array, maxBytes: number): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let capped = false;
  const diagnostics: InputDiagnostic[] = [];
  const gz = new Gunzip((chunk) => {
    if (capped) return;
    if (total + chunk.length > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - total));
      total = maxBytes;
      capped = true;
    } else {
      chunks.push(chunk);
      total += chunk.length;
    }
  });
  try {
    for (let p = 0; p < bytes.length && !capped; p += INFLATE_STEP) {
      gz.push(bytes.subarray(p, p + INFLATE_STEP), p + INFLATE_STEP >= bytes.length);
    }
  } catch (e) {
    const cutShort = e instanceof Error && /EOF/i.test(e.message);
    diagnostics.push({
      severity: 'error',
      message: cutShort
        ? `The gzip file is cut short: it ends before its compressed data does. Read the ${count(total)} bytes it held; the rest is missing (copy the file again).`
        : `The gzip data is damaged after ${count(total)} bytes of output, so the rest cannot be read (the file was changed or damaged in transfer; copy it again).`,
    });
  }
  if (capped) {
    diagnostics.push({
      severity: 'error',
      message: `The gzip file unpacks to more than ${count(maxBytes)} bytes, far more than the pool files of one guest; reading stopped there. ${COLLECT}`,
    });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out, diagnostics };
}

/** Reads a tar or tar.gz archive. Never throws; entries are views of the input's bytes. */
export function readTar(
  bytes: Uint8Array,
  limits: TarLimits = {},
): { entries: TarEntry[]; diagnostics: InputDiagnostic[] } {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries: TarEntry[] = [];
  const diagnostics: InputDiagnostic[] = [];
  const other = otherArchiveKind(bytes);
  if (other) {
    diagnostics.push({
      severity: 'error',
      message: `This file is compressed with ${other}; only .tar and .tar.gz archives are read. ${COLLECT}`,
    });
    return { entries, diagnostics };
  }
  let data = bytes;
  if (isGzip(bytes)) {
    const inflated = gunzip(bytes, maxBytes);
    for (const item of inflated.diagnostics) diagnostics.push(item);
    data = inflated.bytes;
    if (data.length > 0 && !isTarHeader(data)) {
      // gzip of one file (`gzip .kvp_pool_3`), not of a tar archive.
      const { name, mtime } = gzipHeader(bytes);
      entries.push({ name, bytes: data, mtime, mode: 0, type: 'file' });
      diagnostics.push({
        severity: 'info',
        message: `The gzip file holds one file${name ? `, ${quoted(name)},` : ''} rather than a tar archive.`,
      });
      return { entries, diagnostics };
    }
  }
  if (data.length === 0) {
    diagnostics.push({ severity: 'error', message: 'The archive is empty.' });
    return { entries, diagnostics };
  }
  if (!isTarHeader(data)) {
    diagnostics.push({
      severity: 'error',
      message: `This is not a tar archive: its first 512 bytes are not a tar header. ${COLLECT}`,
    });
    return { entries, diagnostics };
  }

  let off = 0;
  let pax: Pax = {};
  let globalMtime: number | undefined;
  let longName: string | undefined;
  for (; off + BLOCK <= data.length;) {
    const h = data.subarray(off, off + BLOCK);
    // The end: two zero blocks (POSIX); stop at the first, as GNU tar does without -i.
    if (isZeroBlock(h)) return { entries, diagnostics };
    const where = `byte ${count(off)} of the archive`;
    if (!checksumMatches(h)) {
      diagnostics.push({
        severity: 'error',
        at: where,
        message: `The archive is damaged at byte ${count(off)}: what should be the header of the next entry is not one (its checksum does not match). Read ${count(entries.length)} entr${entries.length === 1 ? 'y' : 'ies'} before it; the rest is lost.`,
      });
      return { entries, diagnostics };
    }
    const headerSize = number(h, 124, 12);
    if (headerSize === null || headerSize < 0) {
      diagnostics.push({
        severity: 'error',
        at: where,
        message: `The entry at byte ${count(off)} has an unreadable size; the rest of the archive cannot be read.`,
      });
      return { entries, diagnostics };
    }
    const flag = String.fromCharCode(h[156] ?? 0);
    const start = off + BLOCK;

    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      const end = Math.min(data.length, start + headerSize);
      if (headerSize > MAX_META_BYTES) {
        diagnostics.push({
          severity: 'warning',
          at: where,
          message: `An extended header of ${count(headerSize)} bytes was skipped: real ones are a few hundred bytes.`,
        });
      } else if (flag === 'L') {
        longName = text(data, start, end - start);
      } else if (flag !== 'K') {
        // 'K' is GNU's long link target: no use here.
        const into: Pax = flag === 'x' ? pax : {};
        if (!readPax(data.subarray(start, end), into)) {
          diagnostics.push({
            severity: 'warning',
            at: where,
            message:
              'An extended (pax) header is malformed; the names and times it held were not used.',
          });
        }
        if (flag === 'g' && into.mtime !== undefined) globalMtime = into.mtime;
      }
      off = start + Math.ceil(headerSize / BLOCK) * BLOCK;
      continue;
    }

    if (entries.length >= maxEntries) {
      diagnostics.push({
        severity: 'error',
        message: `The archive has more than ${count(maxEntries)} entries, far more than /var/lib/hyperv holds; reading stopped there. ${COLLECT}`,
      });
      return { entries, diagnostics };
    }
    const size = pax.size ?? headerSize;
    const end = Math.min(data.length, start + size);
    const ustar = text(h, 257, 6) === 'ustar' && h[262] === 0; // POSIX, not GNU's "ustar  "
    const prefix = ustar ? text(h, 345, 155) : '';
    const plain = text(h, 0, 100);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${plain}` : plain);
    const seconds = pax.mtime ?? globalMtime ?? number(h, 136, 12) ?? 0;
    const type =
      flag === '0' || flag === '\0' || flag === '7' ? 'file' : flag === '5' ? 'directory' : 'other';
    entries.push({
      name,
      bytes: type === 'file' ? data.subarray(start, end) : EMPTY,
      mtime: Math.round(seconds * 1000),
      mode: (number(h, 100, 8) ?? 0) & 0o7777,
      type,
    });
    if (type === 'file' && end < start + size) {
      diagnostics.push({
        severity: 'error',
        at: `entry ${quoted(name)}`,
        message: `The archive is cut short: ${quoted(name)} should have ${count(size)} bytes but only ${count(Math.max(0, end - start))} are there.`,
      });
      return { entries, diagnostics };
    }
    pax = {};
    longName = undefined;
    off = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  // No end marker: the archive was cut short, inside a header or just after an entry.
  diagnostics.push({
    severity: 'warning',
    at: `byte ${count(off)} of the archive`,
    message:
      off < data.length
        ? `The archive ends in the middle of a header (its last ${count(data.length - off)} bytes were not read): it was probably cut short, and entries after it are missing.`
        : 'The archive ends without its end marker: it was probably cut short, and entries after the last one read may be missing.',
  });
  return { entries, diagnostics };
}
