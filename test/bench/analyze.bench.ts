// `kvp-analyzer analyze --json` of a ≥ 40 MB UTF-16LE export, as a whole process, beside a bare
// `node -e` that only reads the same file and TextDecoder-decodes it. Target: analyze no slower
// than the bare decode. Prints figures; asserts nothing. Needs `npm run build` (npm run bench
// builds first). Run alone: npx tsx test/bench/analyze.bench.ts [sizeMB]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { text as kvpExport } from '../../src/app/samples/host-6-3.ts';
import { largeExportBytes } from '../support/large-export.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist-cli/kvp-analyzer.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

const megabytes = Number(process.argv[2] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'kvp-bench-'));
const file = join(dir, 'full-export.reg');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function time(argv: string[]): { ms: number; status: number | null } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, argv, { maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr.toString()}`);
  }
  return { ms, status: run.status };
}

try {
  const bytes = largeExportBytes(megabytes * 1024 * 1024, kvpExport);
  writeFileSync(file, bytes);
  const decode = [
    '-e',
    `const b = require('fs').readFileSync(${JSON.stringify(file)}); console.log(new TextDecoder('utf-16le').decode(b).length);`,
  ];
  const analyzeMs: number[] = [];
  const decodeMs: number[] = [];
  for (let round = 0; round < 5; round++) {
    analyzeMs.push(time([cli, 'analyze', file, '--json']).ms);
    decodeMs.push(time(decode).ms);
  }
  const show = (xs: number[]) =>
    `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms`;
  const ratio = median(analyzeMs) / median(decodeMs);
  console.log(
    `file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB UTF-16LE, 5 rounds, node ${process.version}`,
  );
  console.log(`  kvp-analyzer analyze --json : ${show(analyzeMs)}`);
  console.log(`  node -e read + TextDecoder  : ${show(decodeMs)}`);
  console.log(
    `  ratio analyze / decode      : ${ratio.toFixed(2)} (target ≤ 1: ${ratio <= 1 ? 'met' : 'not met'})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
