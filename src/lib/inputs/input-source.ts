// An input as the loader reads it, wherever it comes from: a dropped File (the page's worker), a
// path or standard input (the command line), bytes in memory (a sample, a paste).

export interface InputSource {
  /** The file's name as the user knows it. */
  name: string;
  /** Bytes, when known before reading. */
  size?: number;
  /** When the size is not known (a pipe): bytes already seen, so at least this many. */
  atLeast?: number;
  /** Last modified, in milliseconds since 1970, when known (pool files' age matters). */
  mtime?: number;
  /**
   * The bytes in chunks, from the first; may be called again to read the input once more. A
   * chunk's bytes may be overwritten once the next chunk is asked for (a file read into one
   * reused buffer): whoever keeps bytes past that copies them.
   */
  chunks(): AsyncIterable<Uint8Array>;
  /** All the bytes at once, where that is cheaper or the only way (standard input, memory). */
  bytes?(): Promise<Uint8Array>;
}

/** The first `length` bytes of `parts`, in one array. */
export function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    const take = part.subarray(0, length - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
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

/**
 * A stream that can be read only once (standard input, a pipe, a device): its first bytes, up to
 * `wholeUpTo`, are read here. A stream that ends there is bytes in memory; a longer one keeps
 * those bytes to give them again, then the rest as it comes — once: the loader reads a large
 * input's first bytes, then all of it in chunks, and never again.
 */
export async function onceSource(
  name: string,
  stream: AsyncIterable<Uint8Array>,
  wholeUpTo: number,
): Promise<InputSource> {
  const live = stream[Symbol.asyncIterator]();
  let first: Uint8Array[] = [];
  let seen = 0;
  while (seen <= wholeUpTo) {
    const next = await live.next();
    if (next.done) return memorySource(name, concatBytes(first, seen));
    first.push(next.value);
    seen += next.value.length;
  }
  let streamed = false;
  return {
    name,
    atLeast: seen,
    async *chunks() {
      if (streamed) throw new Error(`${name} can be read only once`);
      for (let i = 0; i < first.length; i++) yield first[i] as Uint8Array;
      streamed = true;
      // From here on its first bytes are not needed again: let them go as they pass.
      first = [];
      for (;;) {
        const next = await live.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
}
