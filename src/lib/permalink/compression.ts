// deflate-raw through the platform's CompressionStream / DecompressionStream (browsers, Node 20).
// Inflating stops at a cap: a short hostile link can otherwise inflate to a thousand times its size.
import { PayloadError } from './payload-error.ts';

/** No real snapshot comes near this; a link that inflates further is refused. */
export const MAX_INFLATED_BYTES = 1024 * 1024;

function streamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      // A copy: the stream may detach its buffer, and the caller keeps theirs.
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadError(`the data inflates beyond ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return collect(
    streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')),
    Number.POSITIVE_INFINITY,
  );
}

/** Throws PayloadError for anything that is not complete deflate-raw data within the cap. */
export async function inflateRaw(
  bytes: Uint8Array,
  limit: number = MAX_INFLATED_BYTES,
): Promise<Uint8Array> {
  try {
    return await collect(
      streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')),
      limit,
    );
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    throw new PayloadError('the data is not deflate-raw', { cause: error });
  }
}
