// The loader: inputs in, reports out — the one way the page, its worker and the command line
// read anything. Each input is detected from its first bytes (readers.ts), read whole when small
// and in chunks when large; an input no reader takes, or one too large for its reader, gets a
// sentence that says why. One input's error never stops the others.
import { REG_EXPORT } from './commands.ts';
import {
  HEAD_BYTES,
  inputHead,
  type InputReader,
  type PoolInput,
  type ReaderResult,
} from './input-reader.ts';
import { concatBytes, type InputSource } from './input-source.ts';
import type { InputResult } from './loaded-guest.ts';
import { poolGroupName, poolGuest } from './pool-files.ts';
import { READERS } from './readers.ts';
import { describeUnrecognized } from './unrecognized.ts';

export interface LoadOptions {
  /** Keep the inputs' text for a source view (the page); the command line does without. */
  source?: boolean;
  /** Bytes read so far, over all inputs, as reading goes on. */
  onProgress?: (bytes: number) => void;
}

/** An input already in memory. */
export interface WholeInput {
  name: string;
  bytes: Uint8Array;
  mtime?: number;
}

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

function tooLarge(name: string, reader: InputReader, size: number | null): string {
  const is = size === null ? `larger than ${megabytes(reader.wholeUpTo)}` : megabytes(size);
  return `${name} is ${is}; KVP Analyzer reads ${reader.kind} of up to ${megabytes(reader.wholeUpTo)}. Collect only the Virtual Machine key, for example with: ${REG_EXPORT}`;
}

function readerOf(head: ReturnType<typeof inputHead>): InputReader | undefined {
  return READERS.find((candidate) => candidate.accepts(head));
}

/** One input in memory, read by the reader its bytes call for. */
function readWholeInput(input: WholeInput, options: LoadOptions): ReaderResult {
  const head = inputHead(input.bytes, input.name, input.bytes.length);
  const reader = readerOf(head);
  if (!reader) return { error: describeUnrecognized(head) };
  if (input.bytes.length > reader.wholeUpTo && !reader.readChunks) {
    return { error: tooLarge(input.name, reader, input.bytes.length) };
  }
  return reader.readWhole({ ...input, head, source: options.source ?? false });
}

function failure(name: string, error: unknown): ReaderResult {
  // An input that cannot be read (a file removed meanwhile), or a bug: said, never thrown.
  return {
    error: `Could not read ${name}: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/**
 * The results of inputs in order, pool files grouped: an archive's are one guest, and the loose
 * ones given together are one guest too, in the place of the first of them.
 */
class Results {
  private readonly results: (InputResult | 'loose pools')[] = [];
  private readonly loose: PoolInput[] = [];

  add(name: string, result: ReaderResult): void {
    if ('poolFiles' in result) {
      if (result.own) {
        this.results.push({ inputs: [name], ...poolGuest(name, result.poolFiles) });
      } else {
        if (this.loose.length === 0) this.results.push('loose pools');
        for (const item of result.poolFiles) this.loose.push(item);
      }
    } else {
      this.results.push({ inputs: [name], ...result });
    }
  }

  list(): InputResult[] {
    const names = this.loose.map((file) => file.name);
    return this.results.map((result) =>
      result === 'loose pools'
        ? { inputs: names, ...poolGuest(poolGroupName(names), this.loose) }
        : result,
    );
  }
}

/** Inputs already in memory (samples, tests): read at once, one result per input or pool set. */
export function loadBytes(inputs: readonly WholeInput[], options: LoadOptions = {}): InputResult[] {
  const results = new Results();
  for (const input of inputs) {
    let result: ReaderResult;
    try {
      result = readWholeInput(input, options);
    } catch (error) {
      result = failure(input.name, error);
    }
    results.add(input.name, result);
  }
  return results.list();
}

// Both keep copies of the chunks: a chunk may be overwritten by the next (InputSource.chunks).

/** The first `count` bytes (all, when fewer); the rest is not read. */
async function firstBytes(chunks: AsyncIterable<Uint8Array>, count: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const part = chunk.slice(0, count - total);
    parts.push(part);
    total += part.length;
    if (total >= count) break;
  }
  return concatBytes(parts, total);
}

/**
 * All the bytes, or null as soon as they pass `limit`; copied once into a buffer of the `size`
 * expected (grown by doubling should the input be longer).
 */
async function allBytes(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  size = 0,
): Promise<Uint8Array | null> {
  let out = new Uint8Array(Math.min(size, limit));
  let total = 0;
  for await (const chunk of chunks) {
    const end = total + chunk.length;
    if (end > limit) return null;
    if (end > out.length) {
      const grown = new Uint8Array(Math.min(limit, Math.max(end, 2 * out.length)));
      grown.set(out.subarray(0, total));
      out = grown;
    }
    out.set(chunk, total);
    total = end;
  }
  return total === out.length ? out : out.slice(0, total);
}

/** Counts the bytes that pass, for progress. */
class Progress {
  private done = 0;
  constructor(private readonly report?: (bytes: number) => void) {}

  add(bytes: number): void {
    this.done += bytes;
    this.report?.(this.done);
  }

  async *counted(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of chunks) {
      this.add(chunk.length);
      yield chunk;
    }
  }
}

async function readSource(
  source: InputSource,
  options: LoadOptions,
  progress: Progress,
): Promise<ReaderResult> {
  const { name, mtime } = source;
  if (source.bytes) {
    const bytes = await source.bytes();
    progress.add(bytes.length);
    return readWholeInput({ name, bytes, ...(mtime === undefined ? {} : { mtime }) }, options);
  }
  const head = inputHead(await firstBytes(source.chunks(), HEAD_BYTES), name, source.size);
  const reader = readerOf(head);
  if (!reader) return { error: describeUnrecognized(head) };
  const input = {
    head,
    name,
    ...(mtime === undefined ? {} : { mtime }),
    source: options.source ?? false,
  };
  const chunks = () => progress.counted(source.chunks());
  // Small, or of unknown size: whole, unless it turns out to be too large after all.
  const known = source.size ?? source.atLeast;
  const bytes =
    known !== undefined && known > reader.wholeUpTo
      ? null
      : await allBytes(chunks(), reader.wholeUpTo, source.size);
  if (bytes) return reader.readWhole({ ...input, bytes });
  if (!reader.readChunks) return { error: tooLarge(name, reader, source.size ?? null) };
  return reader.readChunks({ ...input, chunks });
}

/** Reads every input, in order: one result per input or pool set; files of any size, in chunks. */
export async function loadInputs(
  sources: readonly InputSource[],
  options: LoadOptions = {},
): Promise<InputResult[]> {
  const progress = new Progress(options.onProgress);
  const results = new Results();
  for (const source of sources) {
    let result: ReaderResult;
    try {
      result = await readSource(source, options, progress);
    } catch (error) {
      result = failure(source.name, error);
    }
    results.add(source.name, result);
  }
  return results.list();
}
