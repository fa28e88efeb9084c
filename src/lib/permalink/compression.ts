// deflate-raw (RFC 1951): CompressionStream to write, fflate's streaming Inflate to read.
// Inflating is bounded as it goes: a short hostile link can inflate to a thousand times its size,
// and DecompressionStream queues its output before a reader can count it (a 2 M character link
// took Chromium's heap to 1.5 GB before it was refused).
import { Inflate } from 'fflate';
import { LinkLimitError, MAX_INFLATED_BYTES } from './link-limits.ts';
import { PayloadError } from './payload-error.ts';

/**
 * Compressed bytes handed to the inflater at a time. A deflate bit can stand for at most about
 * 130 bytes (a 258-byte match in 2 bits), so one piece inflates to at most ~264 KB past the cap.
 */
const INFLATE_PIECE = 256;

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new ReadableStream<BufferSource>({
    start(controller) {
      // A copy: the stream may detach its buffer, and the caller keeps theirs.
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  }).pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Throws PayloadError for anything that is not complete deflate-raw data, LinkLimitError when it
 * inflates past MAX_INFLATED_BYTES; never holds more than that and one piece's output. As zlib
 * does, bytes after the end of the compressed data are not read.
 */
export function inflateRaw(bytes: Uint8Array): Uint8Array {
  const limit = MAX_INFLATED_BYTES;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  for (let at = 0; at < bytes.length || at === 0; at += INFLATE_PIECE) {
    const end = Math.min(bytes.length, at + INFLATE_PIECE);
    try {
      inflater.push(bytes.subarray(at, end), end === bytes.length);
    } catch (error) {
      throw new PayloadError('the data is not deflate-raw', { cause: error });
    }
    if (total > limit) throw new LinkLimitError({ kind: 'bytes' });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
