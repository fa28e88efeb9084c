// `kvp-analyzer analyze <file|-> [--json] [--guest-os <major.minor>] [--host-version <major.minor>]`
// `kvp-analyzer analyze --link <url or fragment> [--json] …`: a shared link, as the page opens it.
// Exit codes: 0 no verdict needs attention · 1 one does (its tone is attention or bad) · 2 the
// input cannot be analysed.

import type { KvpSnapshot } from '../lib/kvp/snapshot.ts';
import { PermalinkError, decodePermalink } from '../lib/permalink/index.ts';
import type { RegDocument } from '../lib/reg/types.ts';
import { analyze, needsAttention, toAnalyzeJson, type WhatIf } from '../lib/rules/index.ts';
import { UsageError, readArguments } from './arguments.ts';
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
import { formatReport } from './text-report.ts';

const USAGE = `Usage: kvp-analyzer analyze <file|-> [--json] [--guest-os <major.minor>] [--host-version <major.minor>]
       kvp-analyzer analyze --link <url or #v1.… fragment> [--json]

Explains whether Windows Update offers Hyper-V integration-component updates to the guest whose
"HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" export this is, and whether its Data Exchange (KVP)
values are healthy.

Options:
  --json                       print the analysis as JSON
  --link <url or fragment>     analyse a shared link (made by the page or 'kvp-analyzer link')
                               instead of a file
  --guest-os <major.minor>     what if the guest ran this Windows version (e.g. 6.1)
  --host-version <major.minor> what if the host reported this version (e.g. 6.4)
  -h, --help                   show this help

Exit status: 0 no verdict needs attention, 1 one does (e.g. Data Exchange is off, the guest is
unsupported, the values look edited), 2 the input cannot be analysed.
`;

/** What to analyse: a file (or - for standard input), or a shared link. */
type Source = { file: string } | { link: string };

interface Options {
  source: Source;
  json: boolean;
  whatIf: WhatIf;
}

function parseArgs(argv: string[]): Options | 'help' {
  const args = readArguments(argv, {
    ...WHAT_IF_OPTIONS,
    json: { flag: true },
    link: { needs: 'a link or its #v1.… fragment' },
  });
  if (args === 'help') return 'help';
  const json = args.flags.has('json');
  const whatIf = whatIfFrom(args);
  const link = args.values.get('link');
  if (link === undefined) return { source: { file: fileFrom(args) }, json, whatIf };
  if (args.file !== undefined) throw new UsageError('give a file or --link, not both');
  return { source: { link }, json, whatIf };
}

export const analyzeCommand: Command = async (argv, io) => {
  const json = argv.includes('--json');
  const fail = failWith(io, 'analyze', json);
  const options = optionsOrExit(() => parseArgs(argv), USAGE, io, fail, json);
  if (typeof options === 'number') return options;
  let input: RegDocument | KvpSnapshot | number;
  const { source } = options;
  if ('link' in source) {
    try {
      // Exactly what the page does with a link: decode, then analyse the snapshot alone.
      input = await decodePermalink(source.link);
    } catch (error) {
      if (!(error instanceof PermalinkError)) throw error;
      return fail(error.message);
    }
  } else {
    input = await documentOrExit(source.file, io, fail, KVP_KEYS);
    if (typeof input === 'number') return input;
  }
  const result = analyze(input, options.whatIf);
  if (options.json) {
    io.stdout(`${JSON.stringify(toAnalyzeJson(result), null, 2)}\n`);
  } else {
    const colour = io.isTTY && !process.env.NO_COLOR;
    const label = 'link' in source ? 'a shared link' : source.file;
    io.stdout(formatReport(result, label, colour));
  }
  // The packs' tones decide: a healthy guest that is not offered a 2014 update exits 0.
  return result.verdicts.some(needsAttention) ? 1 : 0;
};
