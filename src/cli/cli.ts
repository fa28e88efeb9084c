import { version } from '../../package.json';
import type { CliIo, Command } from './io.ts';

const usage = `kvp-analyzer ${version} — explains a Hyper-V guest's Data Exchange (KVP) values

Usage:
  kvp-analyzer <command> [options]

Commands:
  (none yet: parse, analyze and link are on the way)

Options:
  -h, --help     show this help
  -v, --version  print the version
`;

/** Command name → implementation. Each command gets the arguments after its name. */
export const commands: Record<string, Command> = {};

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
    return await command(rest, io);
  } catch (error) {
    io.stderr(`kvp-analyzer: ${(error as Error).message}\n`);
    return 2;
  }
}
