// npm run bench: exports read from standard input (a pipe, so of unknown size) against the same
// file by path: time and peak memory. Standard input is read in chunks within the same limits as
// a file, so the memory is the same. A 1 GB UTF-16LE export through `analyze` (the KVP keys), and
// 600 MB of UTF-8 through `parse --json` (one string of it would pass V8's longest). Prints
// figures; asserts nothing. Run alone: npx tsx test/bench/stdin.bench.ts
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text as kvpSample } from '../../src/app/samples/host-6-3.ts';
import { largeExportChunks } from '../support/large-export.ts';
import { MB, cli, runNode, writeLargeExport } from './process-figures.ts';

const dir = mkdtempSync(join(tmpdir(), 'kvp-bench-stdin-'));

/** The same large export as UTF-8 without a BOM (its text is ASCII). */
async function writeUtf8Export(file: string, megabytes: number): Promise<number> {
  const out = createWriteStream(file);
  const utf16 = new TextDecoder('utf-16le');
  const utf8 = new TextEncoder();
  let bytes = 0;
  // Each UTF-16 chunk is whole characters: the chunks are made from whole strings.
  for (const chunk of largeExportChunks(megabytes * 2 * MB, kvpSample, 4 * MB)) {
    const encoded = utf8.encode(utf16.decode(chunk));
    bytes += encoded.length;
    if (!out.write(encoded)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  return bytes;
}

async function row(label: string, args: string[], stdin?: string) {
  const run = await runNode(args, stdin);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${label} exited ${run.status}: ${run.stderr}`);
  console.log(
    `  ${label.padEnd(34)} ${(run.ms / 1000).toFixed(1).padStart(5)} s, peak memory ${run.peakMB.toFixed(0).padStart(5)} MB`,
  );
}

try {
  console.log(`node ${process.version}; standard output to /dev/null`);
  const file = join(dir, 'export-1g.reg');
  const bytes = await writeLargeExport(file, 1024);
  console.log(`${(bytes / MB).toFixed(0)} MB UTF-16LE export:`);
  await row('analyze <file> --json', [cli, 'analyze', file, '--json']);
  await row('analyze - --json  (standard input)', [cli, 'analyze', '-', '--json'], file);
  rmSync(file);

  const utf8 = join(dir, 'export-600-utf8.reg');
  const utf8Bytes = await writeUtf8Export(utf8, 600);
  console.log(`${(utf8Bytes / MB).toFixed(0)} MB UTF-8 export:`);
  await row('analyze - --json  (standard input)', [cli, 'analyze', '-', '--json'], utf8);
  await row('parse <file> --json', [cli, 'parse', utf8, '--json']);
  await row('parse - --json  (standard input)', [cli, 'parse', '-', '--json'], utf8);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
