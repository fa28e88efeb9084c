// Chunks as the command line reads a file (node-io.ts): all in one buffer, each overwritten by
// the next, and the buffer scribbled over once the input ends — a reader that keeps a chunk
// without copying it reads the wrong bytes.

/** `bytes` in chunks of `size` that share one buffer. */
export function* sharedBufferChunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    buffer.fill(0xaa).set(piece);
    yield buffer.subarray(0, piece.length);
  }
  buffer.fill(0xaa);
}
