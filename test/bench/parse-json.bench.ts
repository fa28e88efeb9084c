// npm run bench: `kvp-analyzer parse --json` as a whole process, standard output to /dev/null.
// - a 41 MB export beside a bare `node -e` that reads and TextDecoder-decodes the same file
//   (target ≤ 4×), compact and --pretty;
// - a 600 MB export: time and peak memory (target ≤ 1.5 GB);
// - a 2 GB export, on a file path: it finishes; time and peak memory.
// The exports are streamed to temporary files as they are made, and deleted after. Prints
// figures; asserts nothing. Run alone: npx tsx test/bench/parse-json.bench.ts [maxMB]
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

const largest = Number(process.argv[2] ?? 2048);
const dir = mkdtempSync(join(tmpdir(), 'kvp-bench-json-'));

async function ok(args: string[]) {
  const run = await runNode(args);
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run;
}

try {
  console.log(`node ${process.version}; standard output to /dev/null`);
  const file = join(dir, 'export-41.reg');
  const bytes = await writeLargeExport(file, 41);
  const json: number[] = [];
  const pretty: number[] = [];
  const decode: number[] = [];
  for (let round = 0; round < 5; round++) {
    json.push((await ok([cli, 'parse', file, '--json'])).ms);
    pretty.push((await ok([cli, 'parse', file, '--json', '--pretty'])).ms);
    decode.push((await ok(bareDecodeArgs(file))).ms);
  }
  const ratio = median(json) / median(decode);
  console.log(`${(bytes / MB).toFixed(1)} MB UTF-16LE export, 5 rounds:`);
  console.log(`  parse --json             : ${show(json)}`);
  console.log(`  parse --json --pretty    : ${show(pretty)}`);
  console.log(`  node -e read + decode    : ${show(decode)}`);
  console.log(
    `  ratio parse --json / decode: ${ratio.toFixed(2)} (target ≤ 4: ${ratio <= 4 ? 'met' : 'not met'})`,
  );
  rmSync(file);

  for (const size of [600, 2048].filter((s) => s <= largest)) {
    const big = join(dir, `export-${size}.reg`);
    const made = await writeLargeExport(big, size);
    const run = await ok([cli, 'parse', big, '--json']);
    const target =
      size === 600 ? ` (target ≤ 1536 MB: ${run.peakMB <= 1536 ? 'met' : 'not met'})` : '';
    console.log(
      `${(made / MB).toFixed(0)} MB export: parse --json finished in ${(run.ms / 1000).toFixed(1)} s, peak memory ${run.peakMB.toFixed(0)} MB${target}`,
    );
    rmSync(big);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
