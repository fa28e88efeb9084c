// What the commands share in reading their arguments and their input.
import { parseMajorMinor } from '../lib/kvp/os-versions.ts';
import type { WhatIf } from '../lib/kvp/snapshot.ts';
import { scanKvp } from '../lib/reg/index.ts';
import type { RegDocument } from '../lib/reg/types.ts';
import { UsageError, type Arguments, type OptionSpec } from './arguments.ts';
import type { CliIo } from './io.ts';

/** Above this size a file is read as a stream of chunks rather than one buffer. */
const CHUNKED_ABOVE_BYTES = 64 * 1024 * 1024;

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
      throw new UsageError(`--${name} must be major.minor (e.g. 6.1), not “${value}”`);
    }
    if (name === 'guest-os') whatIf.guestOs = value;
    else whatIf.hostVersion = value;
  }
  return whatIf;
}

/** The one input file the command needs. */
export function fileFrom(args: Arguments): string {
  if (args.file === undefined) throw new UsageError('give a .reg file (or - for standard input)');
  return args.file;
}

/** The KVP keys of an export, by the parser's fast path, in chunks when the file is large. */
export async function readKvpDocument(file: string, io: CliIo): Promise<RegDocument> {
  const size = await io.sizeOf(file);
  if (size !== undefined && size > CHUNKED_ABOVE_BYTES) return scanKvp(io.readChunks(file));
  return scanKvp(await io.readInput(file));
}

/**
 * How a command says why it cannot go on: as `{ "error": … }` on standard output with --json,
 * else on standard error; the exit code is 2.
 */
export function failWith(io: CliIo, command: string, json: boolean): (why: string) => number {
  return (why) => {
    if (json) io.stdout(`${JSON.stringify({ error: why }, null, 2)}\n`);
    else io.stderr(`kvp-analyzer ${command}: ${why}\n`);
    return 2;
  };
}
