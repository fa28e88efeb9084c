// The commands' arguments, read the same way by each: Node's parseArgs splits them into options
// (`--name`, `--name value`, `--name=value`, `-h`) and positionals (`-` is one: standard input);
// the checks and the messages are ours, in the words of each command's usage.
import { parseArgs } from 'node:util';

/** A mistake in the command line: the command prints its usage and exits 2. */
export class UsageError extends Error {}

/** An option a command takes: a flag, or one that needs a value (what to say when it is missing). */
export type OptionSpec = { flag: true } | { needs: string };

export interface Arguments {
  /** Flags given, by name without dashes. */
  flags: Set<string>;
  /** Values given, by name without dashes; the last one wins. */
  values: Map<string, string>;
  /** The input file: a path, or - for standard input. */
  file: string | undefined;
}

/**
 * Reads `argv` against `spec` (`-h`/`--help` are always known). Returns 'help' when asked for;
 * throws UsageError for an unknown option, a flag given a value, a value missing, or more than
 * one file.
 */
export function readArguments(
  argv: string[],
  spec: Readonly<Record<string, OptionSpec>>,
): Arguments | 'help' {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, kind]) => [
      name,
      { type: 'flag' in kind ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  const { tokens } = parseArgs({
    args: argv,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const read: Arguments = { flags: new Set(), values: new Map(), file: undefined };
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (read.file !== undefined) throw new UsageError('give one file (or - for standard input)');
      read.file = token.value;
      continue;
    }
    if (token.name === 'help') return 'help';
    const kind = spec[token.name];
    if (!kind) throw new UsageError(`unknown option ${token.rawName}`);
    if ('flag' in kind) {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      read.flags.add(token.name);
    } else {
      if (token.value === undefined) throw new UsageError(`${token.rawName} needs ${kind.needs}`);
      read.values.set(token.name, token.value);
    }
  }
  return read;
}
