import type { CliIo } from '../../../src/cli/io.ts';

/** A CliIo over in-memory files, capturing what a command prints. */
export interface FakeIo extends CliIo {
  out: string;
  err: string;
  /** Whether the command read its input in chunks. */
  chunked: boolean;
  /** The chunks writeStdout was given, as they came (strings and bytes). */
  written: (string | Uint8Array)[];
}

export interface FakeIoOptions {
  isTTY?: boolean;
  /** The size sizeOf() reports, to make a small file look large; null: unknown (a pipe). */
  size?: number | null;
  /** Standard output closes (as `| head -c N` does) once this many bytes were written. */
  closesAfter?: number;
  /** What mtimeOf() reports for each file. */
  mtimes?: Record<string, number>;
  /** Standard error is a terminal this wide (a progress line may be drawn). */
  stderrColumns?: number;
  /** Standard output is a terminal this wide (the batch table fits it). */
  stdoutColumns?: number;
}

export function fakeIo(
  files: Record<string, Uint8Array | string> = {},
  options: FakeIoOptions = {},
): FakeIo {
  const bytesOf = (path: string): Uint8Array => {
    const file = files[path];
    if (file === undefined) throw new Error(`cannot read ${path}: no such file`);
    return typeof file === 'string' ? new TextEncoder().encode(file) : file;
  };
  const utf8 = new TextDecoder();
  let outBytes = 0;
  let closed = false;
  /** What standard output takes of `part` before it closes. */
  const put = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? new TextEncoder().encode(part) : part;
    const room = (options.closesAfter ?? Infinity) - outBytes;
    const taken = room >= bytes.length ? bytes : bytes.subarray(0, room);
    outBytes += taken.length;
    io.out += utf8.decode(taken, { stream: true });
    if (taken.length < bytes.length) closed = true;
  };
  const io: FakeIo = {
    out: '',
    err: '',
    chunked: false,
    written: [],
    isTTY: options.isTTY ?? false,
    stderrColumns: options.stderrColumns,
    stdoutColumns: options.stdoutColumns,
    stdout: (text) => {
      if (!closed) put(text);
    },
    writeStdout: async (parts) => {
      for (const part of parts) {
        if (closed) return false;
        io.written.push(part);
        put(part);
      }
      return !closed;
    },
    stderr: (text) => {
      io.err += text;
    },
    readInput: async (path) => bytesOf(path),
    async *readChunks(path) {
      io.chunked = true;
      const bytes = bytesOf(path);
      // Odd-sized chunks, so that readers meet split code units and lines.
      for (let start = 0; start < bytes.length; start += 999) {
        yield bytes.subarray(start, start + 999);
      }
    },
    sizeOf: async (path) =>
      files[path] === undefined || options.size === null
        ? undefined
        : (options.size ?? bytesOf(path).length),
    mtimeOf: async (path) => options.mtimes?.[path],
    // A directory is any path that files are named under ("dir/.kvp_pool_3", "dir/sub/x.reg"):
    // it lists its files and its subdirectories.
    listDirectory: async (path) => {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const names = new Set(
        Object.keys(files)
          .filter((name) => name.startsWith(prefix))
          .map((name) => name.slice(prefix.length).split('/')[0] as string),
      );
      return names.size > 0 ? [...names] : undefined;
    },
  };
  return io;
}
