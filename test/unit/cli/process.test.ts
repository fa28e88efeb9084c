// The built command line as a real process, for what the fake io cannot show: a reader that goes
// away (EPIPE), devices and pipes read within the limits, standard input. Built once into a
// temporary folder, so that the test runs what the source says now.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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

  it('says once why a file cannot be read', () => {
    const missing = join(dir, 'nope.reg');
    const result = run(['analyze', missing]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kvp-analyzer analyze: cannot read ${missing}: no such file\n`);
  });

  it('streams: each record is out before the next path comes (--files-from - on a slow pipe), 2,000 times', async () => {
    const file = join(dir, 'one.reg');
    writeFileSync(file, largeExportBytes(2 * 1024, kvpSample));
    const inputs = 2000;
    const child = spawn(process.execPath, [
      cli,
      'analyze',
      '--files-from',
      '-',
      '--format',
      'ndjson',
    ]);
    let given = 0;
    let records = 0;
    /** At each record: the paths given so far. */
    const givenAt: number[] = [];
    let pending = '';
    const giveNext = () => {
      if (given === inputs) {
        child.stdin.end();
        return;
      }
      given++;
      child.stdin.write(`${file}\n`);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let end: number;
      while ((end = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        records++;
        givenAt.push(given);
        if (JSON.parse(line).file !== file) throw new Error(`not a record of ${file}: ${line}`);
        // The next path only once this record is out: a command that gathered its records
        // before writing them would wait here for ever.
        giveNext();
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    giveNext();
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(records).toBe(inputs);
    expect(givenAt.every((count, i) => count === i + 1)).toBe(true);
  }, 120_000);

  it('walks a directory down, and a link back up does not make it go round; an empty one is an error', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a.reg'), largeExportBytes(2 * 1024, kvpSample));
    writeFileSync(join(tree, 'sub', 'b.reg'), largeExportBytes(2 * 1024, kvpSample));
    symlinkSync('..', join(tree, 'sub', 'up'));
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'nothing', 'here'), { recursive: true });
    const result = run(['analyze', tree, empty, '--format', 'ndjson']);
    expect(result.status).toBe(2);
    const records = result.stdout
      .toString()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((record) => [record.file, record.error])).toEqual([
      [join(tree, 'a.reg'), undefined],
      [join(tree, 'sub', 'b.reg'), undefined],
      [empty, `there are no files in ${empty}`],
    ]);
    expect(result.stderr).toBe(`kvp-analyzer analyze: there are no files in ${empty}\n`);
  });
});
