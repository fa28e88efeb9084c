// `kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>] [--redact]
// [--base <page address>]` prints the fragment of a shareable link ("#v1.…") for the page, or
// for `analyze --link`; with --base, the whole link.
// Exit codes: 0 printed · 2 the input cannot be read or the usage is wrong.

import { buildSnapshot, withGiven } from '../lib/kvp/snapshot.ts';
import { encodePermalink } from '../lib/permalink/index.ts';
import { parseWhatIf, type WhatIf } from '../lib/rules/index.ts';
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

const USAGE = `Usage: kvp-analyzer link <file|-> [--guest-os <major.minor>] [--host-version <major.minor>]
                         [--redact] [--base <page address>]

Prints the #v1.… fragment of a link that opens this export's analysis on the KVP Analyzer page
(append it to the page's address, or give the address with --base), or that
'kvp-analyzer analyze --link' reads. The link carries the analysed values with their names,
types and lines, and the what-if — never the file itself.

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
  const doc = await documentOrExit(options.file, io, fail, KVP_KEYS);
  if (typeof doc === 'number') return doc;
  const snapshot = withGiven(buildSnapshot(doc), parseWhatIf(options.whatIf));
  io.stdout(`${options.base}${await encodePermalink(snapshot, { redact: options.redact })}\n`);
  return 0;
};
