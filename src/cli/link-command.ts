// `kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]
// [--base <page address>]` prints the fragment of a shareable link ("#v1.…") for the page, or
// for `analyze --link`; with --base, the whole link.
// Exit codes: 0 printed · 2 the input cannot be read or the usage is wrong.

import { withGiven } from '../lib/kvp/snapshot.ts';
import { encodePermalink } from '../lib/permalink/index.ts';
import { parseWhatIf, type WhatIf } from '../lib/rules/index.ts';
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

const USAGE = `Usage: kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>]
                         [--redact] [--base <page address>]

Prints the #v1.… fragment of a link that opens this input's analysis on the KVP Analyzer page
(append it to the page's address, or give the address with --base), or that 'kvp-analyzer analyze --link' reads; for a host
collector file, one line per VM: its name, a tab, its fragment. The link carries the analysed
values with their names, types and positions, and the what-if — never the file itself.

Options:
  --guest-os <major.minor>     what if the guest ran this Windows version (e.g. 6.1)
  --host-version <major.minor> what if the host reported this version (e.g. 6.4)
  --redact                     replace host names, the VM name and ID and the guest's
                               name and addresses with placeholders
  --base <page address>        print the whole link: this address (where the page is
                               hosted, e.g. https://example.github.io/kvp-analyzer/), then
                               the fragment
  -h, --help                   show this help

Exit status: 0 the link was printed, 2 the input cannot be read or the usage is wrong.
`;

interface Options {
  file: string;
  redact: boolean;
  whatIf: WhatIf;
  /** The page's address, without a fragment; '' prints the fragment alone. */
  base: string;
}

function parseArgs(argv: string[]): Options | 'help' {
  const args = readArguments(argv, {
    ...WHAT_IF_OPTIONS,
    redact: { flag: true },
    base: { needs: "the page's address" },
  });
  if (args === 'help') return 'help';
  const base = args.values.get('base');
  return {
    file: fileFrom(args),
    redact: args.flags.has('redact'),
    whatIf: whatIfFrom(args),
    base: base === undefined ? '' : pageAddress(base),
  };
}

/** `--base` as the address the fragment is appended to: an http(s) or file URL, its own fragment dropped. */
function pageAddress(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new UsageError(
      `--base takes the page's address, such as https://example.github.io/kvp-analyzer/, not “${base}”`,
    );
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
    throw new UsageError(`--base takes the page's http(s) address, not “${base}”`);
  }
  url.hash = '';
  return url.href;
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
    const whole = `${options.base}${link}`;
    io.stdout(guests.length === 1 ? `${whole}\n` : `${guest.name}\t${whole}\n`);
  }
  for (const error of errors)
    io.stderr(`kvp-analyzer link: ${error.inputs.join(', ')}: ${error.error}\n`);
  return errors.length > 0 ? 2 : 0;
};
