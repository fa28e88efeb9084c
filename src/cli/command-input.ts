// What the commands share in reading their arguments and their input.
import { parseMajorMinor } from '../lib/kvp/os-versions.ts';
import type { WhatIf } from '../lib/kvp/snapshot.ts';
import { scanKvp } from '../lib/reg/index.ts';
import type { RegDocument } from '../lib/reg/types.ts';
import type { CliIo } from './io.ts';

/** Above this size a file is read as a stream of chunks rather than one buffer. */
const CHUNKED_ABOVE_BYTES = 64 * 1024 * 1024;

/** A mistake in the command line: the command prints its usage and exits 2. */
export class UsageError extends Error {}

/**
 * Reads `--guest-os X`, `--guest-os=X` and the same for --host-version at `argv[i]` into
 * `whatIf`; returns the index of the last argument it used, or undefined when it is neither.
 */
export function takeWhatIf(argv: string[], i: number, whatIf: WhatIf): number | undefined {
  const match = /^--(guest-os|host-version)(?:=(.*))?$/.exec(argv[i] ?? '');
  if (!match) return undefined;
  const next = match[2] === undefined ? i + 1 : i;
  const value = match[2] ?? argv[next];
  if (value === undefined) throw new UsageError(`--${match[1]} needs a value such as 6.1`);
  if (!parseMajorMinor(value)) {
    throw new UsageError(`--${match[1]} must be major.minor (e.g. 6.1), not “${value}”`);
  }
  if (match[1] === 'guest-os') whatIf.guestOs = value;
  else whatIf.hostVersion = value;
  return next;
}

/** The KVP keys of an export, by the parser's fast path, in chunks when the file is large. */
export async function readKvpDocument(file: string, io: CliIo): Promise<RegDocument> {
  const size = await io.sizeOf(file);
  if (size !== undefined && size > CHUNKED_ABOVE_BYTES) return scanKvp(io.readChunks(file));
  return scanKvp(await io.readInput(file));
}
