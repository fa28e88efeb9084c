// What the commands share in reading their arguments and their input.
import { parseMajorMinor } from '../lib/kvp/os-versions.ts';
import type { WhatIf } from '../lib/kvp/snapshot.ts';
import { memorySource, onceSource, type InputSource } from '../lib/inputs/input-source.ts';
import { loadInputs } from '../lib/inputs/load.ts';
import type { InputResult } from '../lib/inputs/loaded-guest.ts';
import { parseReg, parseRegChunks } from '../lib/reg/index.ts';
import { whyNotAnExport } from '../lib/reg/not-an-export.ts';
import type { RegDocument } from '../lib/reg/types.ts';
import { UsageError, type Arguments, type OptionSpec } from './arguments.ts';
import type { CliIo } from './io.ts';
import { wholeOrChunks } from './read-limits.ts';

/** --guest-os and --host-version, which analyze and link take. */
export const WHAT_IF_OPTIONS = {
  'guest-os': { needs: 'a value such as 6.1' },
  'host-version': { needs: 'a value such as 6.1' },
} as const satisfies Record<string, OptionSpec>;

/** The what-if of --guest-os and --host-version, each checked to be major.minor. */
export function whatIfFrom(args: Arguments): WhatIf {
  const whatIf: WhatIf = {};
  for (const name of ['guest-os', 'host-version'] as const) {
    const value = args.values.get(name);
    if (value === undefined) continue;
    if (!parseMajorMinor(value)) {
      throw new UsageError(
        `--${name} takes a Windows version number, major.minor — such as 6.1 (Windows 7, Server 2008 R2) or 10.0 — not “${value}”`,
      );
    }
    if (name === 'guest-os') whatIf.guestOs = value;
    else whatIf.hostVersion = value;
  }
  return whatIf;
}

/** The one input file the command needs. */
export function fileFrom(args: Arguments): string {
  const [file, ...more] = args.files;
  if (file === undefined) throw new UsageError('give a .reg file (or - for standard input)');
  if (more.length > 0) throw new UsageError('give one file (or - for standard input)');
  return file;
}

/** Files up to this size are read as one read would read them (see CHUNKED_FILE_BYTES); larger
 * ones in chunks, within the read limits. At least every reader's wholeUpTo: a pipe past it is
 * streamed once, never read whole again. */
const WHOLE_READ_BYTES = 64 * 1024 * 1024;

/**
 * Regular files larger than this (and up to WHOLE_READ_BYTES) are read in chunks of one shared
 * buffer (CliIo.readChunks), not whole: what the loader does not keep whole (an export past 2 MB
 * is scanned in chunks) then takes no fresh memory, which costs more than the read itself.
 */
const CHUNKED_FILE_BYTES = 2 * 1024 * 1024;

/**
 * A file (or - for standard input) as the loader reads it: small ones in one piece (the fastest
 * way in), large ones in chunks. `now`: read a small one here, so that a missing file is told in
 * CliIo's words; else only when the loader comes to it.
 */
export async function sourceAt(
  path: string,
  name: string,
  io: CliIo,
  now: boolean,
): Promise<InputSource> {
  const size = await io.sizeOf(path);
  const mtime = await io.mtimeOf(path);
  const known = {
    name,
    ...(size === undefined ? {} : { size }),
    ...(mtime === undefined ? {} : { mtime }),
  };
  // Standard input, a pipe or a device is read once, in chunks past what is read whole.
  if (size === undefined) return onceSource(name, io.readChunks(path), WHOLE_READ_BYTES);
  if (size > WHOLE_READ_BYTES) return { ...known, chunks: () => io.readChunks(path) };
  if (size > CHUNKED_FILE_BYTES) return { ...known, chunks: () => io.readChunks(path, true) };
  if (now) return memorySource(name, await io.readInput(path), mtime);
  return { ...known, chunks: () => io.readChunks(path), bytes: () => io.readInput(path) };
}

/**
 * The reports of the input at `path` (or - for standard input), read by the loader as the page
 * reads them: a file of any kind, or a directory's files (a copy of /var/lib/hyperv is one Linux
 * guest). One result per input, an error or its reports (one per VM of a collector file). Throws
 * only when the input itself cannot be read, with CliIo's message ("cannot read x: no such file").
 */
export async function readInputsAt(path: string, io: CliIo): Promise<InputResult[]> {
  const entries = await io.listDirectory(path);
  if (!entries) return loadInputs([await sourceAt(path, path, io, true)]);
  const sources: InputSource[] = [];
  for (const entry of [...entries].sort()) {
    const file = `${path.replace(/[\\/]$/, '')}/${entry}`;
    // Regular files only: subdirectories are not read.
    if ((await io.sizeOf(file)) !== undefined) sources.push(await sourceAt(file, entry, io, false));
  }
  return loadInputs(sources);
}

/** The results of readInputsAt, or the exit code after `fail` says why the input cannot be read. */
export async function resultsOrExit(
  path: string,
  io: CliIo,
  fail: Fail,
): Promise<InputResult[] | number> {
  try {
    return await readInputsAt(path, io);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** How a command reads an export: whole, or as a stream of chunks above `chunkedAbove` bytes. */
export interface ExportReader {
  chunkedAbove: number;
  whole(bytes: Uint8Array): RegDocument;
  chunks(chunks: AsyncIterable<Uint8Array>): Promise<RegDocument>;
}

/** Every key and value (parse); in chunks once the file could not be one string. */
export const WHOLE_EXPORT: ExportReader = {
  chunkedAbove: 256 * 1024 * 1024,
  whole: parseReg,
  chunks: parseRegChunks,
};

/** A command's way to say why it stops (see failWith); gives the exit code, 2. */
export interface Fail {
  (why: string): number;
  /** The command's name, for the pointer to its --help. */
  command: string;
}

/**
 * How a command says why it cannot go on: as `{ "error": … }` on standard output with --json,
 * else on standard error; the exit code is 2.
 */
export function failWith(io: CliIo, command: string, json: boolean): Fail {
  const fail = (why: string) => {
    if (json) io.stdout(`${JSON.stringify({ error: why }, null, 2)}\n`);
    else io.stderr(`kvp-analyzer ${command}: ${why}\n`);
    return 2;
  };
  return Object.assign(fail, { command });
}

/**
 * A command's options from `read` (its argument reader), or the exit code when it stops here:
 * 0 after printing `usage` for --help, 2 after a usage error, told by `fail` in one line that
 * points at --help (the JSON answer says only what is wrong).
 */
export function optionsOrExit<T extends object>(
  read: () => T | 'help',
  usage: string,
  io: CliIo,
  fail: Fail,
  json: boolean,
): T | number {
  let options: T | 'help';
  try {
    options = read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(
      json ? error.message : `${error.message} (see 'kvp-analyzer ${fail.command} --help')`,
    );
  }
  if (options !== 'help') return options;
  io.stdout(usage);
  return 0;
}

/**
 * The document of the export at `file` (or - for standard input), or the exit code after `fail`
 * says why there is none: it cannot be read, or it is not a registry export.
 */
export async function documentOrExit(
  file: string,
  io: CliIo,
  fail: Fail,
  reader: ExportReader,
): Promise<RegDocument | number> {
  let doc: RegDocument;
  try {
    const size = await io.sizeOf(file);
    if (size === undefined) {
      // Standard input, a pipe or a device: read as a regular file of its size would be.
      const input = await wholeOrChunks(io.readChunks(file), reader.chunkedAbove);
      doc = 'whole' in input ? reader.whole(input.whole) : await reader.chunks(input.chunks);
    } else {
      doc =
        size > reader.chunkedAbove
          ? await reader.chunks(io.readChunks(file))
          : reader.whole(await io.readInput(file));
    }
  } catch (error) {
    // CliIo's messages already name the file ("cannot read x.reg: no such file").
    return fail(error instanceof Error ? error.message : String(error));
  }
  const notAnExport = whyNotAnExport(doc);
  return notAnExport ? fail(notAnExport) : doc;
}
