import {
  closeSync,
  createReadStream,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from './io.ts';
import { ReadLimitError, wholeOrChunks, withLineLimits } from './read-limits.ts';

/** What readInput takes whole from an input of unknown size (the parse command's whole read). */
const WHOLE_INPUT_LIMIT = 256 * 1024 * 1024;
/** Text gathered into one write to standard output. */
const TEXT_BATCH_CHARS = 64 * 1024;

function label(pathOrDash: string): string {
  return pathOrDash === '-' ? 'standard input' : pathOrDash;
}

function describe(error: unknown, pathOrDash: string): Error {
  if (error instanceof ReadLimitError) return error;
  const path = label(pathOrDash);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new Error(`cannot read ${path}: no such file`);
  if (code === 'EISDIR') return new Error(`cannot read ${path}: it is a directory`);
  if (code === 'EACCES') return new Error(`cannot read ${path}: permission denied`);
  return new Error(`cannot read ${path}: ${(error as Error).message}`);
}

/** Bytes of one read of a file into the shared buffer. */
const SHARED_CHUNK_BYTES = 1 << 20;

/**
 * A file's chunks, all read into one buffer: each chunk is overwritten by the next read. Fresh
 * memory costs more than the read itself (the kernel's page faults: ~20 ms of a 41 MB file read
 * whole, ~3 ms read into one reused megabyte).
 */
function* sharedChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SHARED_CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

async function* rawChunks(path: string): AsyncGenerator<Uint8Array> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
  } finally {
    // A reader that stops early (a limit, or the parser has all it needs) closes the file.
    if (path !== '-') stream.destroy();
  }
}

async function* readChunks(path: string, sharedBuffer = false): AsyncGenerator<Uint8Array> {
  try {
    if (sharedBuffer && path !== '-') yield* sharedChunks(path);
    else yield* withLineLimits(rawChunks(path), label(path));
  } catch (error) {
    throw describe(error, path);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // A link that loops or cannot be followed leads to no directory.
    return false;
  }
}

/** The stats of a regular file; undefined for standard input, a directory, or nothing there. */
function regularFile(path: string) {
  if (path === '-') return undefined;
  // statSync: node:fs/promises would be one more module to load at every start.
  const info = statSync(path, { throwIfNoEntry: false });
  return info?.isFile() ? info : undefined;
}

/**
 * Standard output as the commands use it. A reader that goes away (`| head -c1`: EPIPE) or a
 * full disk (ENOSPC) closes it: what follows is dropped, the command learns it from
 * writeStdout and ends with its own exit code — no stack trace, and never exit 1, which means
 * "a check failed". Only a closed pipe is silent; other failures say once why output stopped.
 */
function standardOutput() {
  let closed = false;
  const { stdout, stderr } = process;
  // Standard error may be closed too: nothing can be said then.
  stderr.on('error', () => {});
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code === 'EPIPE') return;
    const why = error.code === 'ENOSPC' ? 'the disk is full' : error.message;
    stderr.write(`kvp-analyzer: the output is incomplete: it could not be written (${why})\n`);
  });
  const isClosed = () => closed || stdout.destroyed;
  const room = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stdout.off('drain', done);
        stdout.off('close', done);
        resolve();
      };
      stdout.on('drain', done);
      stdout.on('close', done);
    });
  return {
    write(text: string): void {
      if (!isClosed()) stdout.write(text);
    },
    async writeAll(parts: Iterable<Uint8Array | string>): Promise<boolean> {
      let batch = '';
      const put = async (part: Uint8Array | string) => {
        // A file or a Linux pipe takes the write at once (writableLength back to 0): waiting for
        // 'drain' would only cost a turn of the event loop per chunk.
        if (!stdout.write(part) && stdout.writableLength > 0 && !isClosed()) await room();
      };
      for (const part of parts) {
        if (isClosed()) return false;
        if (typeof part !== 'string') {
          if (batch !== '') {
            await put(batch);
            batch = '';
          }
          await put(part);
          continue;
        }
        batch += part;
        if (batch.length >= TEXT_BATCH_CHARS) {
          await put(batch);
          batch = '';
        }
      }
      if (batch !== '' && !isClosed()) await put(batch);
      return !isClosed();
    },
  };
}

/** The real process: files, standard streams, and whether stdout is a terminal. */
export function nodeIo(): CliIo {
  const out = standardOutput();
  return {
    stdout: (text) => out.write(text),
    stderr: (text) => process.stderr.write(text),
    writeStdout: (parts) => out.writeAll(parts),
    async readInput(path) {
      try {
        if (regularFile(path) !== undefined) {
          // One synchronous read is the fastest way in for a single file; the view copies nothing.
          const buffer = readFileSync(path);
          return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        }
      } catch (error) {
        throw describe(error, path);
      }
      // Standard input, a pipe or a device: read as a stream, within the read limits (readChunks
      // says what went wrong in its own words).
      const input = await wholeOrChunks(readChunks(path), WHOLE_INPUT_LIMIT);
      if ('whole' in input) return input.whole;
      throw new ReadLimitError(
        `cannot read ${label(path)} at once: it is larger than ${WHOLE_INPUT_LIMIT / 1024 / 1024} MB. Save it to a file and give the file's path.`,
      );
    },
    readChunks,
    sizeOf: async (path) => regularFile(path)?.size,
    mtimeOf: async (path) => regularFile(path)?.mtimeMs,
    async listDirectory(path) {
      if (path === '-') return undefined;
      try {
        return readdirSync(path, { withFileTypes: true })
          .filter((entry) => !(entry.isSymbolicLink() && isDirectory(join(path, entry.name))))
          .map((entry) => entry.name);
      } catch {
        return undefined;
      }
    },
    isTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
  };
}
