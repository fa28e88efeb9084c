// One Linux hv_kvp_daemon pool file (/var/lib/hyperv/.kvp_pool_N) → its records.
//
// The format (Linux include/uapi/linux/hyperv.h, tools/hv/hv_kvp_daemon.c): no header, magic,
// count or checksum; a bare array of `struct kvp_record { char key[512]; char value[2048]; }`,
// UTF-8 (the kernel converts from the host's UTF-16LE, drivers/hv/hv_kvp.c), each field a C string.
// The daemon copies only the string's bytes into records it did not zero, so the bytes after
// the first NUL can be leftovers of memory (hv_kvp_daemon.c kvp_key_add_or_modify; the go-hvkvp
// testdata pool files hold pointers there): every field ends at its FIRST NUL.
import { decodeUtf8Strict } from '../reg/decode';
import { NoteList, count, quoted, type InputDiagnostic } from './input-diagnostic';

const KEY_BYTES = 512;
const VALUE_BYTES = 2048;
export const RECORD_BYTES = KEY_BYTES + VALUE_BYTES;

export type PoolNumber = 0 | 1 | 2 | 3 | 4;

/** How to collect a guest's pool files, for messages about inputs that are not them. */
export const COLLECT_POOL_FILES =
  'On the Linux guest, run: sudo tar -czf hyperv-kvp.tar.gz -C /var/lib hyperv — then open hyperv-kvp.tar.gz.';

export interface PoolRecord {
  /** 1-based record number */
  record: number;
  key: string;
  value: string;
}

export interface PoolFile {
  /**
   * 0–4 from the name (.kvp_pool_N, also with a path or a suffix such as .bin), else guessed from
   * the content (pool 3 has HostName/HostingSystem* keys; pool 1 CLOUD_INIT|… / PROVISIONING_REPORT
   * keys), else null
   */
  pool: PoolNumber | null;
  poolFrom: 'name' | 'content' | 'unknown';
  name: string;
  size: number;
  /** ms since epoch when known (directory, tar, File.lastModified) */
  mtime?: number;
  /** Permission bits (0o644 for a file hv_kvp_daemon created) when known (tar, directory). */
  mode?: number;
  records: PoolRecord[];
  diagnostics: InputDiagnostic[];
}

/** The last part of a path, `/` or `\\` separated. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** `.kvp_pool_3`, `kvp_pool_3.bin`, `/var/lib/hyperv/.kvp_pool_3`, `x.kvp_pool_3.bin` → 3. */
export function poolFromName(name: string): PoolNumber | null {
  const m = /(?:^|[^A-Za-z0-9])kvp_pool_([0-4])(?![0-9])/.exec(baseName(name));
  return m ? (Number(m[1]) as PoolNumber) : null;
}

/**
 * The pool a file's keys point to: the host's own values (pool 3: HostName, HostingSystem*, the
 * set of every dump in the project's corpus) or cloud-init's Hyper-V reporter (pool 1: keys
 * `CLOUD_INIT|…` and the Azure `PROVISIONING_REPORT`, canonical/cloud-init
 * cloudinit/reporting/handlers.py and cloudinit/sources/azure/kvp.py).
 */
function poolFromKeys(records: PoolRecord[]): PoolNumber | null {
  for (const { key } of records) {
    if (key === 'HostName' || key.startsWith('HostingSystem')) return 3;
    if (key.startsWith('CLOUD_INIT|') || key === 'PROVISIONING_REPORT') return 1;
  }
  return null;
}

// ignoreBOM: a U+FEFF at the start of a key is data, not a byte-order mark.
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

interface Field {
  text: string;
  /** Bytes before the first NUL. */
  length: number;
  terminated: boolean;
  utf8: boolean;
}

/** The C string at the start of bytes[start, end). */
function field(bytes: Uint8Array, start: number, end: number): Field {
  const nul = bytes.subarray(start, end).indexOf(0);
  const stop = nul === -1 ? end : start + nul;
  const strict = decodeUtf8Strict(bytes, start, stop);
  return {
    text: strict ?? utf8Lossy.decode(bytes.subarray(start, stop)),
    length: stop - start,
    terminated: nul !== -1,
    utf8: strict !== null,
  };
}

function isZero(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Reads a pool file. Never throws; whatever is wrong is said in `diagnostics`. */
export function readPoolFile(bytes: Uint8Array, name: string, mtime?: number): PoolFile {
  const base = baseName(name) || 'the pool file';
  const notes = new NoteList();
  const records: PoolRecord[] = [];
  const whole = Math.floor(bytes.length / RECORD_BYTES);
  const exact = new Map<string, number>();
  const folded = new Map<string, { record: number; key: string }>();

  for (let r = 0; r < whole; r++) {
    const at = r * RECORD_BYTES;
    const record = r + 1;
    const where = `record ${record} of ${base}`;
    const key = field(bytes, at, at + KEY_BYTES);
    const value = field(bytes, at + KEY_BYTES, at + RECORD_BYTES);
    records.push({ record, key: key.text, value: value.text });

    if (key.length === 0) {
      if (isZero(bytes, at, at + RECORD_BYTES)) {
        notes.add('records that are all zeros', {
          severity: 'warning',
          at: where,
          message: `Record ${record} is empty: all 2,560 bytes are zero. hv_kvp_daemon never writes such a record; the file may have been padded or damaged.`,
        });
      } else {
        notes.add('records with an empty key', {
          severity: 'warning',
          at: where,
          message: `Record ${record} has an empty key (it starts with a NUL byte), with the value ${quoted(value.text)}. No one can look this value up by name.`,
        });
      }
    }
    for (const [f, part, size] of [
      [key, 'key', KEY_BYTES],
      [value, 'value', VALUE_BYTES],
    ] as const) {
      if (!f.utf8) {
        notes.add(`records whose ${part} is not valid UTF-8`, {
          severity: 'warning',
          at: where,
          message: `The ${part} of record ${record} is not valid UTF-8, which pool files always are; the bytes that cannot be read are shown as �: ${quoted(f.text)}.`,
        });
      }
      if (!f.terminated) {
        notes.add(`records whose ${part} has no terminating NUL`, {
          severity: 'warning',
          at: where,
          message: `The ${part} of record ${record} fills all ${count(size)} bytes of its field with no NUL byte to end it; it was read up to the end of the field. hv_kvp_daemon itself would read past it.`,
        });
      }
    }

    if (key.length === 0) continue;
    // hv_kvp_daemon finds a key with memcmp (exact bytes) and stops at the first match
    // (kvp_get_value, kvp_key_add_or_modify) but enumerates every record to the host by index
    // (kvp_pool_enumerate); of keys that differ by case the host is reported to see only the
    // last (ejsiron/hvkvp README: "Windows will only access the last one").
    const first = exact.get(key.text);
    if (first !== undefined) {
      notes.add('records that repeat a key', {
        severity: 'warning',
        at: where,
        message: `Record ${record} repeats the key ${quoted(key.text)} of record ${first}. hv_kvp_daemon answers lookups with the first of them, but sends both to the host.`,
      });
      continue;
    }
    exact.set(key.text, record);
    const lower = key.text.toLowerCase();
    const same = folded.get(lower);
    if (same) {
      notes.add('records whose key differs from another only by case', {
        severity: 'warning',
        at: where,
        message: `The key ${quoted(key.text)} of record ${record} differs from ${quoted(same.key)} of record ${same.record} only by case. hv_kvp_daemon keeps both (it compares bytes exactly), but Windows names ignore case and Windows is reported to see only the last of them.`,
      });
    } else folded.set(lower, { record, key: key.text });
  }

  const tail = bytes.length - whole * RECORD_BYTES;
  if (bytes.length > 0 && bytes.indexOf(0) === -1) {
    notes.push({
      severity: 'error',
      message: `${base} has no NUL byte, so it is text rather than a pool file: perhaps what cat, tr or strings printed of one, which loses empty values and the record boundaries. ${COLLECT_POOL_FILES}`,
    });
  } else if (bytes.length === 0) {
    notes.push({
      severity: 'warning',
      message: `${base} is empty (0 bytes): the pool holds no records.`,
    });
  } else if (tail > 0) {
    const start = whole * RECORD_BYTES;
    const tailKey = field(bytes, start, Math.min(bytes.length, start + KEY_BYTES));
    const ofKey =
      tailKey.terminated && tailKey.length > 0 ? `, of the key ${quoted(tailKey.text)},` : '';
    notes.push({
      severity: 'warning',
      at: `the end of ${base}`,
      message: `${base} is ${count(bytes.length)} bytes, which is not a whole number of 2,560-byte records: read ${count(whole)} record${whole === 1 ? '' : 's'}; the last ${count(tail)} bytes are part of a record${ofKey} and were not read (hv_kvp_daemon reads only whole records too). The file was probably cut short while it was copied.`,
    });
  }

  const byName = poolFromName(name);
  const byContent = byName === null ? poolFromKeys(records) : null;
  const file: PoolFile = {
    pool: byName ?? byContent,
    poolFrom: byName !== null ? 'name' : byContent !== null ? 'content' : 'unknown',
    name,
    size: bytes.length,
    records,
    diagnostics: notes.list(),
  };
  if (mtime !== undefined) file.mtime = mtime;
  return file;
}

/** Bytes that are text or control characters, never the first byte of a pool key. */
function isKeyByte(b: number): boolean {
  return b >= 0x20 && b !== 0x7f;
}

/** Records looked at by looksLikePoolFile: enough to tell, bounded for a 1 GB file. */
const RECORDS_CHECKED = 64;

/**
 * Whether these bytes are a pool file (for detection from the bytes alone): at least one whole
 * 2,560-byte record (a partial record may follow), and each of the first records a non-empty
 * NUL-terminated UTF-8 key of text characters and a NUL-terminated UTF-8 value.
 */
export function looksLikePoolFile(bytes: Uint8Array): boolean {
  const whole = Math.floor(bytes.length / RECORD_BYTES);
  if (whole === 0) return false;
  // A registry hive (regf), or UTF-16 text ("x\0y\0"), can hold NULs where keys end.
  if (bytes[0] === 0x72 && bytes[1] === 0x65 && bytes[2] === 0x67 && bytes[3] === 0x66) {
    return false;
  }
  if (bytes[1] === 0 && bytes[3] === 0 && bytes[2] !== 0) return false;
  for (let r = 0; r < Math.min(whole, RECORDS_CHECKED); r++) {
    const at = r * RECORD_BYTES;
    const key = field(bytes, at, at + KEY_BYTES);
    const value = field(bytes, at + KEY_BYTES, at + RECORD_BYTES);
    if (!key.terminated || key.length === 0 || !key.utf8 || !value.terminated || !value.utf8) {
      return false;
    }
    for (let i = at; i < at + key.length; i++) if (!isKeyByte(bytes[i] ?? 0)) return false;
  }
  return true;
}
