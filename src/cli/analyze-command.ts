// `kvp-analyzer analyze <file|-> [--json] [--guest-os <major.minor>] [--host-version <major.minor>]`
// `kvp-analyzer analyze --link <url or fragment> [--json] …`: a shared link, as the page opens it.
// Exit codes: 0 no verdict needs attention · 1 one does (its tone is attention or bad) · 2 the
// input cannot be analysed.

import type { KvpSnapshot } from '../lib/kvp/snapshot.ts';
import { PermalinkError, decodePermalink } from '../lib/permalink/index.ts';
import {
  analyze,
  needsAttention,
  toAnalyzeJson,
  type AnalysisResult,
  type WhatIf,
} from '../lib/rules/index.ts';
import { UsageError, readArguments } from './arguments.ts';
import {
  WHAT_IF_OPTIONS,
  failWith,
  fileFrom,
  optionsOrExit,
  resultsOrExit,
  whatIfFrom,
} from './command-input.ts';
import type { Command } from './io.ts';
import { formatReport } from './text-report.ts';

const USAGE = `Usage: kvp-analyzer analyze <file|-> [--json] [--guest-os <major.minor>] [--host-version <major.minor>]
       kvp-analyzer analyze --link <url or #v1.… fragment> [--json]

Explains whether Windows Update offers Hyper-V integration-component updates to the guest whose
Data Exchange (KVP) values the input holds, and whether those values are healthy. The input: an
export of "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" (.reg), reg query or PowerShell output of
it, a Linux guest's pool files (a directory copied from /var/lib/hyperv, or a .tar.gz of it),
the host's items of one VM, or a host collector file (one report per VM, one after another).

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

/** A guest's analysis: what it reads, and whether a check failed. */
interface Analysed {
  label: string;
  result: AnalysisResult;
}

export const analyzeCommand: Command = async (argv, io) => {
  const json = argv.includes('--json');
  const fail = failWith(io, 'analyze', json);
  const options = optionsOrExit(() => parseArgs(argv), USAGE, io, fail, json);
  if (typeof options === 'number') return options;
  const { source } = options;
  const analysed: Analysed[] = [];
  const errors: string[] = [];
  if ('link' in source) {
    let snapshot: KvpSnapshot;
    try {
      // Exactly what the page does with a link: decode, then analyse the snapshot alone.
      snapshot = await decodePermalink(source.link);
    } catch (error) {
      if (!(error instanceof PermalinkError)) throw error;
      return fail(error.message);
    }
    analysed.push({ label: 'a shared link', result: analyze(snapshot, options.whatIf) });
  } else {
    const results = await resultsOrExit(source.file, io, fail);
    if (typeof results === 'number') return results;
    const [only] = results;
    if (results.length === 1 && only && 'error' in only) return fail(only.error);
    for (const result of results) {
      if ('error' in result) {
        errors.push(`${result.inputs.join(', ')}: ${result.error}`);
        continue;
      }
      for (const guest of result.guests) {
        // The report's own name (a VM's in a collector file); the directory's for its pool files.
        const label = result.inputs.length > 1 && results.length === 1 ? source.file : guest.name;
        analysed.push({ label, result: analyze(guest.snapshot, options.whatIf) });
      }
    }
  }
  for (const error of errors) io.stderr(`kvp-analyzer analyze: ${error}\n`);
  if (options.json) {
    // One report: its JSON as ever; several (a collector file's VMs): an array, each named.
    const [first] = analysed;
    const out =
      analysed.length === 1 && first && errors.length === 0
        ? toAnalyzeJson(first.result)
        : analysed.map(({ label, result }) => ({ name: label, ...toAnalyzeJson(result) }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const colour = io.isTTY && !process.env.NO_COLOR;
    io.stdout(analysed.map(({ label, result }) => formatReport(result, label, colour)).join('\n'));
  }
  if (errors.length > 0) return 2;
  // The packs' tones decide: a healthy guest that is not offered a 2014 update exits 0.
  return analysed.some(({ result }) => result.verdicts.some(needsAttention)) ? 1 : 0;
};
