// Byte builders for the input readers' tests, written from the documented layouts and apart from
// src/ (so that what a test feeds a reader does not depend on the code under test):
// - a hv_kvp_daemon pool record: key[512] + value[2048] (Linux include/uapi/linux/hyperv.h);
// - a tar header: POSIX.1 ustar (name 0, mode 100, uid 108, gid 116, size 124, mtime 136,
//   chksum 148, typeflag 156, linkname 157, magic 257, version 263, uname 265, gname 297,
//   devmajor 329, devminor 337, prefix 345) and GNU's "ustar  \0" variant; pax records.

const utf8 = new TextEncoder();

export function bytesOf(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A field of `size` bytes: `text` (or raw bytes), a NUL, then `fill` (garbage) or zeros. */
function cField(content: string | Uint8Array, size: number, fill?: number[]): Uint8Array {
  const out = new Uint8Array(size);
  const raw = typeof content === 'string' ? utf8.encode(content) : content;
  out.set(raw.subarray(0, size));
  if (fill) {
    for (let i = raw.length + 1; i < size; i++)
      out[i] = fill[(i - raw.length - 1) % fill.length] ?? 0;
  }
  return out;
}

export interface RecordOptions {
  /** Bytes repeated after each field's NUL, as the daemon's uninitialised memory leaves. */
  garbage?: number[];
}

/** One 2,560-byte pool record. Raw bytes are written as they are (for invalid UTF-8). */
export function poolRecord(
  key: string | Uint8Array,
  value: string | Uint8Array,
  options: RecordOptions = {},
): Uint8Array {
  return bytesOf(cField(key, 512, options.garbage), cField(value, 2048, options.garbage));
}

export function poolBytes(pairs: [string, string][], options: RecordOptions = {}): Uint8Array {
  return bytesOf(...pairs.map(([k, v]) => poolRecord(k, v, options)));
}

/** The 16 values of a current host's pool 3, in the order hosts send them (§7 dumps). */
export const POOL3: [string, string][] = [
  ['HostName', 'HV-NODE-01'],
  ['HostingSystemEditionId', '8'],
  ['HostingSystemNestedLevel', '0'],
  ['HostingSystemOsMajor', '10'],
  ['HostingSystemOsMinor', '0'],
  ['HostingSystemProcessorArchitecture', '9'],
  ['HostingSystemProcessorIdleStateMax', '0'],
  ['HostingSystemProcessorThrottleMax', '100'],
  ['HostingSystemProcessorThrottleMin', '5'],
  ['HostingSystemSpMajor', '0'],
  ['HostingSystemSpMinor', '0'],
  ['PhysicalHostName', 'HV-NODE-01'],
  ['PhysicalHostNameFullyQualified', 'hv-node-01.corp.example'],
  ['VirtualMachineDynamicMemoryBalancingEnabled', '0'],
  ['VirtualMachineId', '4A3B2C1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D'],
  ['VirtualMachineName', 'web-01'],
];

export interface TarHeaderFields {
  name: string;
  size?: number;
  mode?: number;
  /** seconds since epoch */
  mtime?: number;
  type?: string;
  prefix?: string;
  /** POSIX "ustar\0" + "00", GNU "ustar  \0", or v7 (no magic). */
  format?: 'ustar' | 'gnu' | 'v7';
  /** Write the size in GNU base-256 instead of octal. */
  base256Size?: boolean;
}

function octal(n: number, size: number): Uint8Array {
  // size-1 digits, then NUL (POSIX: "terminated by a space or a NUL").
  return cField(n.toString(8).padStart(size - 1, '0'), size);
}

/** One 512-byte header with a correct checksum. */
export function tarHeader(f: TarHeaderFields): Uint8Array {
  const h = new Uint8Array(512);
  const format = f.format ?? 'ustar';
  h.set(cField(f.name, 100), 0);
  h.set(octal(f.mode ?? 0o644, 8), 100);
  h.set(octal(0, 8), 108);
  h.set(octal(0, 8), 116);
  if (f.base256Size) {
    const size = new Uint8Array(12);
    size[0] = 0x80;
    let n = f.size ?? 0;
    for (let i = 11; i > 0; i--) {
      size[i] = n % 256;
      n = Math.floor(n / 256);
    }
    h.set(size, 124);
  } else h.set(octal(f.size ?? 0, 12), 124);
  h.set(octal(f.mtime ?? 0, 12), 136);
  h[156] = (f.type ?? '0').charCodeAt(0);
  if (format === 'ustar') {
    h.set(utf8.encode('ustar\u000000'), 257);
    h.set(cField(f.prefix ?? '', 155), 345);
  } else if (format === 'gnu') {
    h.set(utf8.encode('ustar  \u0000'), 257);
  }
  h.set(cField('root', 32), 265);
  h.set(cField('root', 32), 297);
  // Checksum: the byte sum with the field as 8 spaces, written as 6 octal digits, NUL, space.
  h.fill(0x20, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  h.set(utf8.encode(sum.toString(8).padStart(6, '0')), 148);
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

/** Data padded with zeros to whole 512-byte blocks. */
export function blocks(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
}

export interface TarFile extends Omit<TarHeaderFields, 'size'> {
  data?: Uint8Array | string;
  /** pax records to put in an 'x' header before this entry. */
  pax?: Record<string, string>;
  /** A GNU 'L' long-name header before this entry. */
  gnuLongName?: string;
}

/** "len key=value\n", where len counts the whole record, its own digits included. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyBytes = utf8.encode(body).length;
  let len = bodyBytes + 1;
  while (String(len).length + bodyBytes !== len) len = String(len).length + bodyBytes;
  return `${len}${body}`;
}

/** A whole archive: each file's header(s) and data, then the two zero blocks. */
export function tarBytes(files: TarFile[], { end = true } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    if (f.pax) {
      const pax = utf8.encode(
        Object.entries(f.pax)
          .map(([k, v]) => paxRecord(k, v))
          .join(''),
      );
      parts.push(tarHeader({ name: 'PaxHeaders/x', size: pax.length, type: 'x' }), blocks(pax));
    }
    if (f.gnuLongName !== undefined) {
      const long = utf8.encode(`${f.gnuLongName}\u0000`);
      parts.push(
        tarHeader({ name: '././@LongLink', size: long.length, type: 'L', format: 'gnu' }),
        blocks(long),
      );
    }
    const data = typeof f.data === 'string' ? utf8.encode(f.data) : (f.data ?? new Uint8Array(0));
    parts.push(tarHeader({ ...f, size: data.length }), blocks(data));
  }
  if (end) parts.push(new Uint8Array(1024));
  return bytesOf(...parts);
}
