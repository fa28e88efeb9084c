// npm run bench: `kvp-analyzer analyze --json` of a 41 MB UTF-16LE export, as a whole process,
// beside a bare `node -e` that only reads the same file and TextDecoder-decodes it. Target:
// analyze no slower than the bare decode. Also the bare start of the command (`--version`),
// which every run pays. Prints figures; asserts nothing. Needs `npm run build` (npm run bench
// builds first). Run alone: npx tsx test/bench/analyze.bench.ts [sizeMB]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MB,
  bareDecodeArgs,
  cli,
  median,
  runNode,
  show,
  writeLargeExport,
} from './process-figures.ts';

const megabytes = Number(process.argv[2] ?? 41);
const dir = mkdtempSync(join(tmpdir(), 'kvp-bench-'));

try {
  const file = join(dir, 'full-export.reg');
  const bytes = await writeLargeExport(file, megabytes);
  const analyzeMs: number[] = [];
  const decodeMs: number[] = [];
  const startMs: number[] = [];
  for (let round = 0; round < 7; round++) {
    const run = await runNode([cli, 'analyze', file, '--json']);
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`analyze exited ${run.status}: ${run.stderr}`);
    analyzeMs.push(run.ms);
    decodeMs.push((await runNode(bareDecodeArgs(file))).ms);
    startMs.push((await runNode([cli, '--version'])).ms);
  }
  const ratio = median(analyzeMs) / median(decodeMs);
  console.log(`file: ${(bytes / MB).toFixed(1)} MB UTF-16LE, 7 rounds, node ${process.version}`);
  console.log(`  kvp-analyzer analyze --json : ${show(analyzeMs)}`);
  console.log(`  node -e read + TextDecoder  : ${show(decodeMs)}`);
  console.log(`  kvp-analyzer --version      : ${show(startMs)} (the start every run pays)`);
  console.log(
    `  ratio analyze / decode      : ${ratio.toFixed(2)} (target ≤ 1: ${ratio <= 1 ? 'met' : 'not met'})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
