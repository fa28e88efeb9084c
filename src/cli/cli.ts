import { version } from '../../package.json';
import { analyzeCommand } from './analyze-command.ts';
import type { CliIo, Command } from './io.ts';
import { linkCommand } from './link-command.ts';
import { parseCommand } from './parse-command.ts';

/** Command name → how it is called and what it does (for --help), and its implementation. */
export const commands: Record<string, { usage: string[]; summary: string; run: Command }> = {
  parse: {
    usage: ['parse <file|-> [--json]'],
    summary: 'every key and value of the export, as Windows would import it',
    run: parseCommand,
  },
  analyze: {
    usage: [
      'analyze <file|-> [--json] [--guest-os X] [--host-version X]',
      'analyze --link <url|#v1.…> [--json]',
    ],
    summary: 'the checks and verdicts, as on the page',
    run: analyzeCommand,
  },
  link: {
    usage: ['link <file|-> [--guest-os X] [--host-version X] [--redact]'],
    summary: 'the #v1.… fragment of a link that opens the report on the page',
    run: linkCommand,
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

Exit codes: 0 done (analyze: no verdict needs attention), 1 a verdict needs attention, 2 bad input or usage.
`;

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
  const command = commands[first];
  if (!command) {
    io.stderr(`kvp-analyzer: unknown command '${first}'. Run 'kvp-analyzer --help'.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`kvp-analyzer: ${(error as Error).message}\n`);
    return 2;
  }
}
