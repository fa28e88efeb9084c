// The pool files of ONE Linux guest, given together (several files, a directory, or a tar or
// tar.gz of /var/lib/hyperv) → each pool once, by number, with what was left out and why.
import { count, quoted, type InputDiagnostic } from './input-diagnostic';
import {
  COLLECT_POOL_FILES,
  looksLikePoolFile,
  poolFromName,
  readPoolFile,
  type PoolFile,
  type PoolNumber,
} from './kvp-pool';
import { isTarOrGzip, readTar } from './tar';

export interface PoolSet {
  /** By pool number, each at most once. */
  pools: PoolFile[];
  ignored: { name: string; why: string }[];
  diagnostics: InputDiagnostic[];
}

export interface GivenFile {
  name: string;
  bytes: Uint8Array;
  /** ms since epoch */
  mtime?: number;
  /** Permission bits, when known. */
  mode?: number;
}

/** hv_kvp_daemon creates all five (`for (i = 0; i < KVP_POOL_COUNT; i++)` in kvp_file_init). */
const ALL_POOLS: PoolNumber[] = [0, 1, 2, 3, 4];

function listed(numbers: number[]): string {
  const words = numbers.map(String);
  return words.length === 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Reads the files of one guest. Never throws. */
export function poolSetOf(files: GivenFile[]): PoolSet {
  const diagnostics: InputDiagnostic[] = [];
  const ignored: PoolSet['ignored'] = [];
  // In the order given (an archive's entries in its order); `skip` says why one is not read.
  const candidates: (GivenFile & { skip?: string })[] = [];
  for (const file of files) {
    if (!isTarOrGzip(file.bytes)) {
      candidates.push(file);
      continue;
    }
    const tar = readTar(file.bytes);
    for (const d of tar.diagnostics) {
      diagnostics.push({ ...d, at: d.at ? `${d.at} in ${file.name}` : file.name });
    }
    for (const entry of tar.entries) {
      const name = entry.name || file.name.replace(/\.gz$/i, '');
      if (entry.type === 'directory') continue;
      const inner: GivenFile & { skip?: string } = { name, bytes: entry.bytes };
      if (entry.type === 'other')
        inner.skip = 'not a regular file (a link or a device), so not read';
      else if (isTarOrGzip(entry.bytes)) inner.skip = 'an archive inside the archive, not opened';
      if (entry.mtime) inner.mtime = entry.mtime;
      if (entry.mode) inner.mode = entry.mode;
      candidates.push(inner);
    }
  }

  const byPool = new Map<PoolNumber, PoolFile>();
  for (const file of candidates) {
    if (file.skip) {
      ignored.push({ name: file.name, why: file.skip });
      continue;
    }
    const named = poolFromName(file.name) !== null;
    if (!named && !looksLikePoolFile(file.bytes)) {
      ignored.push({
        name: file.name,
        why:
          file.bytes.length === 0
            ? 'an empty file whose name is not .kvp_pool_0 … .kvp_pool_4'
            : 'not a pool file: its name is not .kvp_pool_0 … .kvp_pool_4 and it does not hold 2,560-byte records',
      });
      continue;
    }
    if (named && file.bytes.length > 0 && file.bytes.indexOf(0) === -1) {
      ignored.push({
        name: file.name,
        why: 'text, not a pool file (it has no NUL byte): perhaps a cat, tr or strings dump of one',
      });
      continue;
    }
    const pool = readPoolFile(file.bytes, file.name, file.mtime);
    if (file.mode !== undefined) pool.mode = file.mode;
    if (pool.pool === null) {
      ignored.push({
        name: file.name,
        why: 'it holds pool records, but neither its name nor its keys tell which pool (name it .kvp_pool_N)',
      });
      continue;
    }
    const first = byPool.get(pool.pool);
    // A file named for its pool wins over one whose pool was guessed from its keys.
    const keepNew = first !== undefined && first.poolFrom === 'content' && pool.poolFrom === 'name';
    if (first === undefined || keepNew) byPool.set(pool.pool, pool);
    if (first !== undefined) {
      const [kept, dropped] = keepNew ? [pool, first] : [first, pool];
      ignored.push({
        name: dropped.name,
        why: `a second file for pool ${pool.pool} (${kept.name} was read)`,
      });
      diagnostics.push({
        severity: 'warning',
        at: dropped.name,
        message: `Two files are pool ${pool.pool}: ${quoted(kept.name)} was read and ${quoted(dropped.name)} was not. Files given together are read as one guest's /var/lib/hyperv; give each guest's files on their own.`,
      });
    }
  }

  const pools = ALL_POOLS.flatMap((n) => {
    const p = byPool.get(n);
    return p ? [p] : [];
  });
  if (pools.length === 0) {
    diagnostics.push({
      severity: 'error',
      message: `None of the ${count(candidates.length)} file${candidates.length === 1 ? '' : 's'} given is a Hyper-V pool file (.kvp_pool_0 … .kvp_pool_4). ${COLLECT_POOL_FILES}`,
    });
  } else {
    const missing = ALL_POOLS.filter((n) => !byPool.has(n));
    if (missing.length > 0) {
      diagnostics.push({
        severity: 'info',
        message: `No file for pool ${listed(missing)} among the files given; hv_kvp_daemon creates all five, .kvp_pool_0 to .kvp_pool_4, in /var/lib/hyperv.`,
      });
    }
  }
  return { pools, ignored, diagnostics };
}
