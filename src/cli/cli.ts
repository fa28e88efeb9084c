import { version } from '../../package.json';
import { nearest } from './arguments.ts';
import type { CliIo, Command } from './io.ts';

/**
 * Command name → how it is called and what it does (for --help), and its implementation, loaded
 * when the command runs: every start pays for parsing the code it loads, and a fleet script
 * starts the command once per file.
 */
export const commands: Record<
  string,
  { usage: string[]; summary: string; load: () => Promise<Command> }
> = {
  parse: {
    usage: ['parse <file|-> [--json [--pretty]]'],
    summary: 'every key and value of the export, as Windows would import it',
    load: async () => (await import('./parse-command.ts')).parseCommand,
  },
  analyze: {
    usage: [
      'analyze <file|directory|-> … [--files-from LIST] [--format text|json|ndjson|csv]',
      '        [--fail-on PACK,…] [--quiet] [--guest-os X] [--host-version X]',
      'analyze --link <url|#v1.…> [--json]',
    ],
    summary:
      'the checks and verdicts, as on the page, of one guest or a fleet (also spelt analyse)',
    load: async () => (await import('./analyze-command.ts')).analyzeCommand,
  },
  link: {
    usage: ['link <file|-> [--guest-os X] [--host-version X] [--redact] [--base URL]'],
    summary: 'the #v1.… fragment of a link that opens the report on the page',
    load: async () => (await import('./link-command.ts')).linkCommand,
  },
};

const usage = `kvp-analyzer ${version} — explains a Hyper-V guest's Data Exchange (KVP) values

Usage:
  kvp-analyzer <command> [options]

Commands:
${Object.values(commands)
  .map((command) => [...command.usage.map((line) => `  ${line}`), `      ${command.summary}`])
  .flat()
  .join('\n')}

Options:
  -h, --help     show this help
  -v, --version  print the version

Exit codes: 0 done (analyze: no verdict needs attention), 1 a verdict needs attention (its tone
is attention or bad; --fail-on narrows it to chosen packs), 2 an input could not be analysed or
the usage is wrong. The same for one input or many; when some inputs could not be read and
others need attention, analyze exits 2.
`;

/** Other spellings of the commands: the page writes "analyse". */
const ALIASES: Readonly<Record<string, string>> = { analyse: 'analyze' };

/** The command `name` stands for, looked up among own entries only ("toString" is none). */
function commandNamed(name: string) {
  const canonical = Object.hasOwn(ALIASES, name) ? (ALIASES[name] as string) : name;
  return Object.hasOwn(commands, canonical) ? commands[canonical] : undefined;
}

/** argv (without node and script) → exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(usage);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command = commandNamed(first);
  if (!command) {
    const near = nearest(first, [...Object.keys(commands), ...Object.keys(ALIASES)]);
    const guess = near === undefined ? '' : ` Did you mean '${ALIASES[near] ?? near}'?`;
    io.stderr(`kvp-analyzer: unknown command '${first}'.${guess} Run 'kvp-analyzer --help'.\n`);
    return 2;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    io.stderr(`kvp-analyzer: ${(error as Error).message}\n`);
    return 2;
  }
}
