// `kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]`
// prints the fragment of a shareable link ("#v1.…") for the page, or for `analyze --link`.
// Exit codes: 0 printed · 2 the input cannot be read or the usage is wrong.

import { buildSnapshot, withGiven } from '../lib/kvp/snapshot.ts';
import { encodePermalink } from '../lib/permalink/index.ts';
import { parseWhatIf, type WhatIf } from '../lib/rules/index.ts';
import { readArguments } from './arguments.ts';
import {
  KVP_KEYS,
  WHAT_IF_OPTIONS,
  documentOrExit,
  failWith,
  fileFrom,
  optionsOrExit,
  whatIfFrom,
} from './command-input.ts';
import type { Command } from './io.ts';

const USAGE = `Usage: kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]

Prints the #v1.… fragment of a link that opens this export's analysis on the KVP Analyzer page
(append it to the page's address), or that 'kvp-analyzer analyze --link' reads. The link carries
the analysed values with their names, types and lines, and the what-if — never the file itself.

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
  const doc = await documentOrExit(options.file, io, fail, KVP_KEYS);
  if (typeof doc === 'number') return doc;
  const snapshot = withGiven(buildSnapshot(doc), parseWhatIf(options.whatIf));
  io.stdout(`${await encodePermalink(snapshot, { redact: options.redact })}\n`);
  return 0;
};
