// Whole-process figures for the CLI benches: wall time and the peak memory (maxRSS) of one
// `node …` run, its standard input through a pipe, its standard output to /dev/null (as
// `> /dev/null`). Shared by the *.bench.ts files; asserts nothing.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { text as kvpSample } from '../../src/app/samples/host-6-3.ts';
import { largeExportChunks } from '../support/large-export.ts';

export const root = resolve(import.meta.dirname, '../..');
/** The built command line; KVP_BENCH_CLI names another build (an older one, to compare). */
export const cli = process.env.KVP_BENCH_CLI ?? join(root, 'dist-cli/kvp-analyzer.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

export const MB = 1024 * 1024;

// Prints the process's peak resident memory on its way out, where the parent reads it.
const REPORT_PEAK =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxRSS='+process.resourceUsage().maxRSS+'\\n'))";

export interface Run {
  ms: number;
  /** Peak resident memory in MB. */
  peakMB: number;
  status: number | null;
  stderr: string;
}

/**
 * Runs `node args…` once. `stdin`: a file fed to the process through a pipe (so that it is not
 * a regular file to the process).
 */
export function runNode(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', REPORT_PEAK, ...args], {
      stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (stdin && child.stdin) {
      const input = createReadStream(stdin, { highWaterMark: MB });
      input.pipe(child.stdin);
      // The process may stop reading early (a limit): that is its answer, not an error here.
      child.stdin.on('error', () => input.destroy());
    }
    child.on('error', fail);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const peak = /maxRSS=(\d+)/.exec(stderr);
      done({
        ms,
        peakMB: peak ? Number(peak[1]) / 1024 : NaN,
        status,
        stderr: stderr.replace(/\n?maxRSS=\d+\n$/, ''),
      });
    });
  });
}

/** Writes a large export of at least `megabytes` MB to `file` as it is made (never held whole). */
export async function writeLargeExport(file: string, megabytes: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (const chunk of largeExportChunks(megabytes * MB, kvpSample, 4 * MB)) {
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, e) => out.end((error?: Error | null) => (error ? e(error) : r())));
  return bytes;
}

/** A bare `node -e` that reads `file` and TextDecoder-decodes it as UTF-16LE: the yardstick. */
export function bareDecodeArgs(file: string): string[] {
  return [
    '-e',
    `const b = require('fs').readFileSync(${JSON.stringify(file)}); console.log(new TextDecoder('utf-16le').decode(b).length);`,
  ];
}

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export const show = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms`;
