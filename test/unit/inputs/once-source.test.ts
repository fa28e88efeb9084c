// A stream read once (standard input, a pipe): small, it is bytes in memory; past what is read
// whole, its first bytes are given again and the rest streamed once, as the loader reads.
import { describe, expect, it } from 'vitest';
import { onceSource } from '../../../src/lib/inputs/input-source.ts';

/** `count` chunks of `size` bytes (chunk i filled with i % 256), counting the pulls. */
function counted(count: number, size: number) {
  const pulls = { n: 0 };
  async function* stream() {
    for (let i = 0; i < count; i++) {
      pulls.n++;
      yield new Uint8Array(size).fill(i % 256);
    }
  }
  return { stream: stream(), pulls };
}

async function collect(chunks: AsyncIterable<Uint8Array>, stopAfter = Infinity): Promise<number[]> {
  const firsts: number[] = [];
  for await (const chunk of chunks) {
    firsts.push(chunk[0] as number);
    if (firsts.length >= stopAfter) break;
  }
  return firsts;
}

describe('onceSource', () => {
  it('gives a stream that ends within the limit as bytes in memory, of known size', async () => {
    const { stream } = counted(3, 10);
    const source = await onceSource('-', stream, 100);
    expect(source.size).toBe(30);
    expect(source.atLeast).toBeUndefined();
    const bytes = await source.bytes?.();
    expect([...(bytes ?? [])]).toEqual([
      ...Array(10).fill(0),
      ...Array(10).fill(1),
      ...Array(10).fill(2),
    ]);
  });

  it('past the limit: the first bytes again, then all of it in order, each chunk pulled once', async () => {
    const { stream, pulls } = counted(50, 10);
    const source = await onceSource('standard input', stream, 100);
    expect(source.size).toBeUndefined();
    expect(source.bytes).toBeUndefined();
    // It read what the limit allows and one chunk more: 110 bytes are more than 100.
    expect(source.atLeast).toBe(110);
    expect(pulls.n).toBe(11);

    // The loader's detection reads the first bytes and stops.
    expect(await collect(source.chunks(), 2)).toEqual([0, 1]);
    expect(pulls.n).toBe(11);
    // Then the whole input, in chunks.
    expect(await collect(source.chunks())).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(pulls.n).toBe(50);
    // A third read cannot be given: the stream is spent.
    await expect(collect(source.chunks())).rejects.toThrow('standard input can be read only once');
  });
});
