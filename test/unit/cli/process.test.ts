// The built command line as a real process, for what the fake io cannot show: a reader that goes
// away (EPIPE), devices and pipes read within the limits, standard input. Built once into a
// temporary folder, so that the test runs what the source says now.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The 2014 sample: its 6.4 host values look edited, a verdict that needs attention (exit 1).
import { text as kvpSample } from '../../../src/app/samples/offered.ts';
import { largeExportBytes } from '../../support/large-export.ts';

const root = resolve(import.meta.dirname, '../../..');
let dir = '';
let cli = '';
let big = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvp-cli-process-'));
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'cli', '--outDir', dir],
    { cwd: root, stdio: 'ignore' },
  );
  cli = join(dir, 'kvp-analyzer.js');
  big = join(dir, 'big.reg');
  writeFileSync(big, largeExportBytes(1024 * 1024, kvpSample));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI; `input` goes to its standard input. */
function run(args: string[], input?: Uint8Array | string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

/** Runs the CLI with its standard output closed after the first `bytes` bytes (`| head -c`). */
function runClosingAfter(args: string[], bytes: number) {
  return new Promise<{ status: number | null; stderr: string; got: number }>((done) => {
    const child = spawn(process.execPath, [cli, ...args]);
    let got = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got >= bytes) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stderr, got }));
  });
}

// Each test starts one or two processes: generous time for a busy machine.
describe('kvp-analyzer as a process', { timeout: 30_000 }, () => {
  it.each([
    [['parse', 'BIG', '--json'], 0],
    [['parse', 'BIG'], 0],
    [['analyze', 'BIG'], 1],
  ])(
    '%j with its output closed early ends quietly with its own exit code',
    async (args, status) => {
      const result = await runClosingAfter(
        args.map((a) => (a === 'BIG' ? big : a)),
        1,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(status);
    },
  );

  it.each([
    [['parse', 'BIG', '--json'], 0],
    [['analyze', 'BIG'], 1],
  ])('%j on a full disk says the output is incomplete, with its own exit code', (args, status) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(
        process.execPath,
        [cli, ...args.map((a) => (a === 'BIG' ? big : a))],
        {
          stdio: ['ignore', full, 'pipe'],
        },
      );
      expect(result.stderr.toString()).toBe(
        'kvp-analyzer: the output is incomplete: it could not be written (the disk is full)\n',
      );
      expect(result.status).toBe(status);
    } finally {
      closeSync(full);
    }
  });

  it('reads standard input as it reads the same file', () => {
    const bytes = largeExportBytes(256 * 1024, kvpSample);
    const file = join(dir, 'small.reg');
    writeFileSync(file, bytes);
    const fromFile = run(['parse', file, '--json']);
    const fromStdin = run(['parse', '-', '--json'], bytes);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout.equals(fromFile.stdout)).toBe(true);
    expect(run(['analyze', '-', '--json'], bytes).stdout.toString()).toBe(
      run(['analyze', file, '--json']).stdout.toString(),
    );
  });

  it.each([
    [['analyze', '/dev/zero'], 'analyze', '/dev/zero'],
    [['parse', '-'], 'parse', 'standard input'],
  ])('%j: a first line past 1 MB is refused with a sentence', (args, command, what) => {
    const result = run(args, args.includes('-') ? 'x'.repeat(1024 * 1024 + 1) : undefined);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `kvp-analyzer ${command}: cannot read ${what}: it is not a registry export — its first line is longer than 1 MB, and an export starts with the line "Windows Registry Editor Version 5.00" or "REGEDIT4". Check that this is the file you meant.\n`,
    );
  });
});
