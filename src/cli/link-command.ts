// `kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]`
// prints the fragment of a shareable link ("#v1.…") for the page, or for `analyze --link`.
// Exit codes: 0 printed · 2 the input cannot be read or the usage is wrong.

import { withGiven } from '../lib/kvp/snapshot.ts';
import { encodePermalink } from '../lib/permalink/index.ts';
import { parseWhatIf, type WhatIf } from '../lib/rules/index.ts';
import { readArguments } from './arguments.ts';
import {
  WHAT_IF_OPTIONS,
  failWith,
  fileFrom,
  optionsOrExit,
  resultsOrExit,
  whatIfFrom,
} from './command-input.ts';
import type { Command } from './io.ts';

const USAGE = `Usage: kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]

Prints the #v1.… fragment of a link that opens this input's analysis on the KVP Analyzer page
(append it to the page's address), or that 'kvp-analyzer analyze --link' reads; for a host
collector file, one line per VM: its name, a tab, its fragment. The link carries the analysed
values with their names, types and positions, and the what-if — never the file itself.

Options:
  --guest-os <major.minor>     what if the guest ran this Windows version (e.g. 6.1)
  --host-version <major.minor> what if the host reported this version (e.g. 6.4)
  --redact                     replace host names, the VM name and ID and the guest's
                               name and addresses with placeholders
  -h, --help                   show this help

Exit status: 0 the link was printed, 2 the input cannot be read or the usage is wrong.
`;

interface Options {
  file: string;
  redact: boolean;
  whatIf: WhatIf;
}

function parseArgs(argv: string[]): Options | 'help' {
  const args = readArguments(argv, { ...WHAT_IF_OPTIONS, redact: { flag: true } });
  if (args === 'help') return 'help';
  return { file: fileFrom(args), redact: args.flags.has('redact'), whatIf: whatIfFrom(args) };
}

export const linkCommand: Command = async (argv, io) => {
  const fail = failWith(io, 'link', false);
  const options = optionsOrExit(() => parseArgs(argv), USAGE, io, fail, false);
  if (typeof options === 'number') return options;
  const results = await resultsOrExit(options.file, io, fail);
  if (typeof results === 'number') return results;
  const guests = results.flatMap((result) => ('error' in result ? [] : result.guests));
  const errors = results.flatMap((result) => ('error' in result ? [result] : []));
  const [only] = results;
  if (results.length === 1 && only && 'error' in only) return fail(only.error);
  const given = parseWhatIf(options.whatIf);
  // One report: its fragment alone; several (a collector file's VMs): each after its name.
  for (const guest of guests) {
    const link = await encodePermalink(withGiven(guest.snapshot, given), {
      redact: options.redact,
    });
    io.stdout(guests.length === 1 ? `${link}\n` : `${guest.name}\t${link}\n`);
  }
  for (const error of errors)
    io.stderr(`kvp-analyzer link: ${error.inputs.join(', ')}: ${error.error}\n`);
  return errors.length > 0 ? 2 : 0;
};
