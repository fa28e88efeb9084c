// An input as the loader reads it, wherever it comes from: a dropped File (the page's worker), a
// path or standard input (the command line), bytes in memory (a sample, a paste).

export interface InputSource {
  /** The file's name as the user knows it. */
  name: string;
  /** Bytes, when known before reading. */
  size?: number;
  /** Last modified, in milliseconds since 1970, when known (pool files' age matters). */
  mtime?: number;
  /** The bytes in chunks, from the first; may be called again to read the input once more. */
  chunks(): AsyncIterable<Uint8Array>;
  /** All the bytes at once, where that is cheaper or the only way (standard input, memory). */
  bytes?(): Promise<Uint8Array>;
}

/** Bytes already in memory. */
export function memorySource(name: string, bytes: Uint8Array, mtime?: number): InputSource {
  return {
    name,
    size: bytes.length,
    ...(mtime === undefined ? {} : { mtime }),
    async *chunks() {
      yield bytes;
    },
    bytes: () => Promise.resolve(bytes),
  };
}

/** What the loader needs of a File (the page's, and Node's): its name, size, time and stream. */
export interface FileLike {
  name: string;
  size: number;
  lastModified: number;
  stream(): ReadableStream<Uint8Array>;
}

/** A dropped or picked file, read from its stream in chunks (never copied into one buffer). */
export function fileSource(file: FileLike): InputSource {
  return {
    name: file.name,
    size: file.size,
    mtime: file.lastModified,
    async *chunks() {
      const reader = file.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        // Stopped early (detection reads only the first bytes): let the file go.
        void reader.cancel().catch(() => undefined);
      }
    },
  };
}
