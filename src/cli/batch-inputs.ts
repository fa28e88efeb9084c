// The inputs of `analyze` given many: files, directories (walked down), standard input, one at a
// time and in order, each guest handed on as soon as its input is read — never a list of all of
// them. Which files make one guest is the loader's decision, as for one directory: the files its
// readers take for Linux pool files, those of a directory (or those given on the command line),
// are read together by it once the rest of the directory has been.
import { inputHead } from '../lib/inputs/input-reader.ts';
import type { InputSource } from '../lib/inputs/input-source.ts';
import { loadInputs } from '../lib/inputs/load.ts';
import type { InputResult, LoadedGuest } from '../lib/inputs/loaded-guest.ts';
import { poolFileReader } from '../lib/inputs/pool-files.ts';
import { READERS } from '../lib/inputs/readers.ts';
import { sourceAt } from './command-input.ts';
import type { CliIo } from './io.ts';
import { PathListError } from './path-list.ts';

/** One guest of the run, or an input that gave none; `file` is the path it was given by. */
export type BatchInput = {
  file: string;
  /** Every file of a guest read from several (a directory's pool files). */
  files?: string[];
} & ({ guest: LoadedGuest } | { error: string });

/** What the walk says as it goes, for a progress line. */
export type OnReading = (path: string) => void;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether the loader reads these bytes as a Linux pool file, which makes one guest with the other
 * pool files given with it: the reader its detection picks, asked the same way.
 */
function isLoosePoolFile(bytes: Uint8Array, name: string): boolean {
  const head = inputHead(bytes, name, bytes.length);
  return READERS.find((reader) => reader.accepts(head)) === poolFileReader;
}

function* inputsOf(result: InputResult, file: string): Generator<BatchInput> {
  const files = result.inputs.length > 1 ? { files: result.inputs } : {};
  if ('error' in result) {
    yield { file, ...files, error: result.error };
    return;
  }
  for (const guest of result.guests) yield { file, ...files, guest };
}

class Walk {
  /** Pool files given on the command line or in a list: one guest, read at the end. */
  private readonly loosePools: InputSource[] = [];

  constructor(
    private readonly io: CliIo,
    private readonly onReading: OnReading,
  ) {}

  /** A path as given: a directory, or a file (standard input, a pipe, a device, nothing there). */
  async *given(path: string): AsyncGenerator<BatchInput> {
    const entries =
      path === '-' || (await this.io.sizeOf(path)) !== undefined
        ? undefined
        : await this.io.listDirectory(path);
    if (entries === undefined) {
      yield* this.file(path, this.loosePools);
      return;
    }
    let found = false;
    for await (const input of this.directory(path, entries)) {
      found = true;
      yield input;
    }
    if (!found) yield { file: path, error: `there are no files in ${path}` };
  }

  /** What is left once every path was given: the loose pool files, as one guest. */
  async *end(): AsyncGenerator<BatchInput> {
    yield* this.pools(this.loosePools, undefined);
  }

  private async *directory(path: string, entries: string[]): AsyncGenerator<BatchInput> {
    const pools: InputSource[] = [];
    const base = path.replace(/[\\/]+$/, '');
    for (const entry of [...entries].sort()) {
      const inside = `${base}/${entry}`;
      if ((await this.io.sizeOf(inside)) !== undefined) {
        yield* this.file(inside, pools);
        continue;
      }
      const below = await this.io.listDirectory(inside);
      // Neither a file nor a directory (a socket, a link to nothing): not an input.
      if (below !== undefined) yield* this.directory(inside, below);
    }
    yield* this.pools(pools, path);
  }

  private async *file(path: string, pools: InputSource[]): AsyncGenerator<BatchInput> {
    this.onReading(path);
    let source: InputSource;
    try {
      // Read now when small, so that a missing file is told in CliIo's words.
      source = await sourceAt(path, path, this.io, true);
    } catch (error) {
      yield { file: path, error: messageOf(error) };
      return;
    }
    // Held in memory when small: a pool file (at most 128 records of 2,560 bytes) waits there for
    // the others of its guest; a large file is read in chunks and is never one.
    if (source.bytes && isLoosePoolFile(await source.bytes(), path)) {
      pools.push(source);
      return;
    }
    for (const result of await loadInputs([source])) yield* inputsOf(result, path);
  }

  /** Pool files read together by the loader; named by their directory when they are several. */
  private async *pools(
    sources: InputSource[],
    directory: string | undefined,
  ): AsyncGenerator<BatchInput> {
    if (sources.length === 0) return;
    const results = await loadInputs(sources.splice(0));
    for (const result of results) {
      const [first = ''] = result.inputs;
      yield* inputsOf(result, result.inputs.length > 1 ? (directory ?? first) : first);
    }
  }
}

/**
 * Every guest of the inputs at `paths` (- for standard input), in order; the walk reads the next
 * input only when the caller asks for the next guest. A list of paths that breaks off (see
 * pathsOfList) is one more input that gives no guest, and the run goes on to its end.
 */
export async function* batchInputs(
  paths: AsyncIterable<string>,
  io: CliIo,
  onReading: OnReading = () => {},
): AsyncGenerator<BatchInput> {
  const walk = new Walk(io, onReading);
  const iterator = paths[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (error) {
      if (!(error instanceof PathListError)) throw error;
      yield { file: error.list, error: error.message };
      break;
    }
    if (next.done) break;
    yield* walk.given(next.value);
  }
  yield* walk.end();
}
