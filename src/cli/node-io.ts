import { createReadStream, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { CliIo } from './io.ts';

/** Reads all of standard input. */
async function readStdin(): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const part of process.stdin) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

function describe(error: unknown, pathOrDash: string): Error {
  const path = pathOrDash === '-' ? 'standard input' : pathOrDash;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new Error(`cannot read ${path}: no such file`);
  if (code === 'EISDIR') return new Error(`cannot read ${path}: it is a directory`);
  if (code === 'EACCES') return new Error(`cannot read ${path}: permission denied`);
  return new Error(`cannot read ${path}: ${(error as Error).message}`);
}

/** The stats of a regular file; undefined for standard input, a directory, or nothing there. */
async function fileStats(path: string) {
  if (path === '-') return undefined;
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The real process: files, standard streams, and whether stdout is a terminal. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    async readInput(path) {
      try {
        if (path === '-') return await readStdin();
        // One synchronous read is the fastest way in for a single file; the view copies nothing.
        const buffer = readFileSync(path);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        throw describe(error, path);
      }
    },
    async *readChunks(path) {
      const stream =
        path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
      try {
        for await (const chunk of stream) {
          const buffer = chunk as Buffer;
          yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        }
      } catch (error) {
        throw describe(error, path);
      }
    },
    sizeOf: async (path) => (await fileStats(path))?.size,
    mtimeOf: async (path) => (await fileStats(path))?.mtimeMs,
    async listDirectory(path) {
      if (path === '-') return undefined;
      try {
        return await readdir(path);
      } catch {
        return undefined;
      }
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
}
