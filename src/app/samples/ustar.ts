// A POSIX ustar archive (POSIX.1-2017 "pax — ustar Interchange Format"): each entry a 512-byte
// header (name 0, mode 100, uid 108, gid 116, size 124, mtime 136, chksum 148, typeflag 156,
// magic 257 "ustar\0", version 263 "00", uname 265, gname 297), its data padded to whole
// 512-byte blocks, and two zero blocks at the end. Enough to write what
// `tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv` holds: one directory and its small files.

export interface UstarEntry {
  /** The path inside the archive, at most 100 bytes (no prefix field needed here). */
  name: string;
  type: 'file' | 'directory';
  /** Permission bits, e.g. 0o644. */
  mode: number;
  /** Seconds since 1970. */
  mtime: number;
  bytes?: Uint8Array;
}

const BLOCK = 512;
const ascii = new TextEncoder();

/** An octal number in `size - 1` digits and a NUL, as GNU tar writes them. */
function octal(header: Uint8Array, at: number, size: number, value: number): void {
  header.set(ascii.encode(value.toString(8).padStart(size - 1, '0')), at);
}

function header(entry: UstarEntry, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const name = ascii.encode(entry.name);
  if (name.length > 100) throw new Error(`a ustar name is at most 100 bytes: ${entry.name}`);
  h.set(name, 0);
  octal(h, 100, 8, entry.mode);
  octal(h, 108, 8, 0); // uid root
  octal(h, 116, 8, 0); // gid root
  octal(h, 124, 12, size);
  octal(h, 136, 12, entry.mtime);
  h[156] = entry.type === 'directory' ? 0x35 : 0x30; // '5' directory, '0' regular file
  h.set(ascii.encode('ustar\u000000'), 257);
  h.set(ascii.encode('root'), 265);
  h.set(ascii.encode('root'), 297);
  // The checksum: the unsigned sum of the header's bytes with its own field read as 8 spaces,
  // written as six octal digits, a NUL and a space.
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(ascii.encode(`${sum.toString(8).padStart(6, '0')}\u0000 `), 148);
  return h;
}

/** The archive's bytes. */
export function ustar(entries: readonly UstarEntry[]): Uint8Array {
  let length = 2 * BLOCK;
  for (const entry of entries) {
    length += BLOCK + Math.ceil((entry.bytes?.length ?? 0) / BLOCK) * BLOCK;
  }
  const out = new Uint8Array(length); // zeros: the padding and the end marker come free
  let at = 0;
  for (const entry of entries) {
    const data = entry.type === 'file' ? (entry.bytes ?? new Uint8Array(0)) : new Uint8Array(0);
    out.set(header(entry, data.length), at);
    out.set(data, at + BLOCK);
    at += BLOCK + Math.ceil(data.length / BLOCK) * BLOCK;
  }
  return out;
}
