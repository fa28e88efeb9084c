// The commands' arguments, read the same way by each: Node's parseArgs splits them into options
// (`--name`, `--name value`, `--name=value`, `-h`) and positionals (`-` is one: standard input);
// the checks and the messages are ours, in the words of each command's usage.
import { parseArgs } from 'node:util';

/** A mistake in the command line: the command says what is wrong in one line and exits 2. */
export class UsageError extends Error {}

/** An option a command takes: a flag, or one that needs a value (what to say when it is missing). */
export type OptionSpec = { flag: true } | { needs: string };

export interface Arguments {
  /** Flags given, by name without dashes. */
  flags: Set<string>;
  /** Values given, by name without dashes; the last one wins. */
  values: Map<string, string>;
  /** The inputs, in order: paths, and - for standard input. */
  files: string[];
}

/**
 * Reads `argv` against `spec` (`-h`/`--help` are always known). Returns 'help' when asked for;
 * throws UsageError for an unknown option (naming the nearest known one), a flag given a value,
 * or a value missing. Names are looked up among the spec's own entries only: `--constructor` is
 * as unknown as `--nope`.
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
  const read: Arguments = { flags: new Set(), values: new Map(), files: [] };
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      read.files.push(token.value);
      continue;
    }
    if (token.name === 'help') return 'help';
    const kind = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
    if (!kind) {
      const near = nearest(token.name, Object.keys(spec));
      throw new UsageError(
        `unknown option ${token.rawName}${near === undefined ? '' : ` — did you mean --${near}?`}`,
      );
    }
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

/**
 * The one of `known` that `word` most likely misspells: the only one it begins, or the closest
 * within a third of its length in edits (a letter added, dropped, changed, or two swapped).
 */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const begun = known.filter((name) => lower.length >= 2 && name.startsWith(lower));
  if (begun.length === 1) return begun[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(lower.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(lower, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps); short words only. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return Infinity;
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
