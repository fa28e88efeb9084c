// A Linux guest's hv_kvp_daemon pool files (kvp-reference.md §5): the loose files given together,
// or an archive of /var/lib/hyperv, are one guest. pool-set.ts reads them; here they become the
// guest's report — pool 3 is Guest\Parameters, pool 2 Auto (usually empty: the daemon answers
// pool 2 itself, hv_kvp_daemon.c), and every pool is kept with its records in `linux`.
import type { LinuxPools } from '../kvp/linux-pools.ts';
import { assembleSnapshot } from '../kvp/snapshot.ts';
import type { GuestsOrError, InputReader, PoolInput } from './input-reader.ts';
import { itemFacts, type KeyItems } from './item-facts.ts';
import { looksLikePoolFile, poolFromName } from './kvp-pool.ts';
import { poolSetOf, type PoolSet } from './pool-set.ts';
import { isTarOrGzip } from './tar.ts';

/** Pool files are small (128 records of 2,560 bytes at the most the host sends); archives too. */
const POOL_WHOLE_BYTES = 32 * 1024 * 1024;

/** The last part of a path, `/` or `\\` separated. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

/** The report of one guest's pool files; `name` is the report's. */
export function poolGuest(name: string, files: readonly PoolInput[]): GuestsOrError {
  const set: PoolSet = poolSetOf([...files]);
  if (set.pools.length === 0) {
    const why = set.diagnostics.find((d) => d.severity === 'error') ?? set.diagnostics[0];
    return { error: why?.message ?? 'None of the files given is a Hyper-V pool file.' };
  }
  // Named by their own names (".kvp_pool_3"), wherever they were: as evidence names them.
  const linux: LinuxPools = {
    pools: set.pools.map((pool) => ({ ...pool, name: baseName(pool.name) })),
    ignored: set.ignored,
    diagnostics: set.diagnostics,
  };
  const keyOf = (n: 2 | 3): KeyItems | undefined => {
    const pool = linux.pools.find((p) => p.pool === n);
    if (!pool) return undefined;
    return {
      locator: { kind: 'record', file: pool.name },
      items: pool.records
        .filter((r) => r.key !== '')
        .map((r) => ({ name: r.key, data: r.value, at: r.record })),
    };
  };
  const parameters = keyOf(3);
  const auto = keyOf(2);
  const facts = itemFacts(
    { format: 'kvp-pool', encoding: 'binary' },
    // No pool 3 among the files: the key is missing; pool 2 empty is what the daemon leaves.
    { parameters: parameters ?? 'absent', ...(auto && auto.items.length > 0 ? { auto } : {}) },
  );
  const snapshot = assembleSnapshot({ ...facts, linux });
  return {
    guests: [
      {
        name,
        format: 'kvp-pool',
        encoding: 'binary',
        diagnostics: [],
        snapshot,
        source: [],
        partial: false,
        origin: 'file',
      },
    ],
  };
}

/** The name of a report of several pool files given together. */
export function poolGroupName(names: readonly string[]): string {
  const [first = 'pool files'] = names;
  return names.length === 1 ? first : `${first} and ${names.length - 1} more pool files`;
}

export const poolFileReader: InputReader = {
  kind: 'Linux pool file',
  // Records from the first byte; or a file named .kvp_pool_N that is empty (pool 2 and 4
  // usually are) or binary: a name alone never decides (named text is a dump of one).
  accepts: (head) =>
    looksLikePoolFile(head.bytes) ||
    (poolFromName(head.name) !== null && (head.bytes.length === 0 || head.text === '')),
  wholeUpTo: POOL_WHOLE_BYTES,
  readWhole: ({ name, bytes, mtime }) => ({
    poolFiles: [{ name, bytes, ...(mtime === undefined ? {} : { mtime }) }],
    own: false,
  }),
};

export const poolArchiveReader: InputReader = {
  kind: 'archive of pool files',
  accepts: (head) => isTarOrGzip(head.bytes),
  wholeUpTo: POOL_WHOLE_BYTES,
  readWhole: ({ name, bytes, mtime }) => ({
    poolFiles: [{ name, bytes, ...(mtime === undefined ? {} : { mtime }) }],
    own: true,
  }),
};
