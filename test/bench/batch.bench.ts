// npm run bench: a fleet in one process. 1,000 and 10,000 small exports (different guests and
// hosts, so that the verdicts vary) in a temporary directory; one `kvp-analyzer analyze DIR
// --format ndjson` of them, as a whole process, beside one run on a single export in the same
// bench run. Target: 1,000 exports ≤ 10× one (a loop of one process per file is 1,000×). Prints
// the times, the ratio, and each run's peak memory; asserts nothing. Needs `npm run build`
// (npm run bench builds first). Run alone: npx tsx test/bench/batch.bench.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utf16le, vmExport } from '../unit/kvp/reg-text.ts';
import { cli, median, runNode, show, type Run } from './process-figures.ts';

const ROUNDS = 7;
/** Guest OS, host version: Windows 7 to Server 2022 guests, on 2012 R2 to 2022 hosts. */
const GUESTS: [number, number][] = [
  [6, 1],
  [6, 2],
  [6, 3],
  [10, 0],
];
const HOSTS: ({ major: number; minor: number } | null)[] = [
  { major: 10, minor: 0 },
  { major: 6, minor: 3 },
  { major: 6, minor: 4 },
  null,
];

/** The export of guest `n`: its own name and host, one of the combinations above. */
function guestExport(n: number): Uint8Array {
  const host = `HV${String(n % 37).padStart(2, '0')}`;
  return utf16le(
    vmExport(
      GUESTS[n % GUESTS.length] ?? null,
      HOSTS[Math.floor(n / 4) % HOSTS.length] ?? null,
    ).map((line) =>
      line
        .replace('"my-guest-vm"', `"vm-${n}"`)
        .replace('"THEHOST"', `"${host}"`)
        .replace('"thehost.example.com"', `"${host.toLowerCase()}.example.com"`),
    ),
  );
}

/** Writes `count` exports under `dir`; gives their total size in bytes. */
function writeFleet(dir: string, count: number): number {
  mkdirSync(dir);
  let bytes = 0;
  // A hundred exports a folder, as one might keep them by host.
  for (let n = 0; n < count; n++) {
    const folder = join(dir, `batch-${Math.floor(n / 100)}`);
    if (n % 100 === 0) mkdirSync(folder);
    const file = guestExport(n);
    bytes += file.length;
    writeFileSync(join(folder, `guest-${n}.reg`), file);
  }
  return bytes;
}

async function analyzeRun(path: string): Promise<Run> {
  const run = await runNode([cli, 'analyze', path, '--format', 'ndjson']);
  if (run.status !== 0 && run.status !== 1 && run.status !== 2) {
    throw new Error(`analyze exited ${run.status}: ${run.stderr}`);
  }
  if (run.stderr !== '') throw new Error(`analyze said: ${run.stderr}`);
  return run;
}

const dir = mkdtempSync(join(tmpdir(), 'kvp-bench-batch-'));
try {
  const one = join(dir, 'one.reg');
  writeFileSync(one, guestExport(3));
  const fleetBytes = writeFleet(join(dir, 'fleet-1000'), 1000);
  writeFleet(join(dir, 'fleet-10000'), 10_000);
  const single: Run[] = [];
  const thousand: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    single.push(await analyzeRun(one));
    thousand.push(await analyzeRun(join(dir, 'fleet-1000')));
  }
  const tenThousand = [await analyzeRun(join(dir, 'fleet-10000'))];
  const ms = (runs: Run[]) => runs.map((run) => run.ms);
  const peak = (runs: Run[]) =>
    `peak RSS ${Math.max(...runs.map((run) => run.peakMB)).toFixed(0)} MB`;
  const ratio = median(ms(thousand)) / median(ms(single));
  console.log(
    `small exports (${(fleetBytes / 1000 / 1024).toFixed(1)} KB each on average), ${ROUNDS} rounds, node ${process.version}`,
  );
  console.log(`  analyze one export             : ${show(ms(single))}, ${peak(single)}`);
  console.log(`  analyze DIR of 1,000 (ndjson)  : ${show(ms(thousand))}, ${peak(thousand)}`);
  console.log(
    `  analyze DIR of 10,000 (ndjson) : ${show(ms(tenThousand))} (1 run), ${peak(tenThousand)}`,
  );
  console.log(
    `  ratio 1,000 / one              : ${ratio.toFixed(1)} (target ≤ 10: ${ratio <= 10 ? 'met' : 'not met'}; one process per file: 1,000)`,
  );
  console.log(
    `  ratio 10,000 / 1,000           : ${(median(ms(tenThousand)) / median(ms(thousand))).toFixed(1)} (10 is linear)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
