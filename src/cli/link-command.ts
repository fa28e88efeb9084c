// `kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]`
// prints the fragment of a shareable link ("#v1.…") for the page, or for `analyze --link`.
// Exit codes: 0 printed · 2 the input cannot be read or the usage is wrong.

import { buildSnapshot, withGiven } from '../lib/kvp/snapshot.ts';
import { encodePermalink } from '../lib/permalink/index.ts';
import type { RegDocument } from '../lib/reg/types.ts';
import { parseWhatIf, type WhatIf } from '../lib/rules/index.ts';
import { UsageError, readKvpDocument, takeWhatIf } from './command-input.ts';
import { whyNotAnExport } from '../lib/reg/not-an-export.ts';
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
  let file: string | undefined;
  let redact = false;
  const whatIf: WhatIf = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--redact') {
      redact = true;
      continue;
    }
    const last = takeWhatIf(argv, i, whatIf);
    if (last !== undefined) {
      i = last;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    if (file !== undefined) throw new UsageError('give one file (or - for standard input)');
    file = arg;
  }
  if (file === undefined) throw new UsageError('give a .reg file (or - for standard input)');
  return { file, redact, whatIf };
}

export const linkCommand: Command = async (argv, io) => {
  const fail = (why: string): number => {
    io.stderr(`kvp-analyzer link: ${why}\n`);
    return 2;
  };
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(USAGE);
    return fail(error.message);
  }
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let doc: RegDocument;
  try {
    doc = await readKvpDocument(options.file, io);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const notAnExport = whyNotAnExport(doc);
  if (notAnExport) return fail(notAnExport);
  const snapshot = withGiven(buildSnapshot(doc), parseWhatIf(options.whatIf));
  io.stdout(`${await encodePermalink(snapshot, { redact: options.redact })}\n`);
  return 0;
};
