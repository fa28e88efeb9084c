// `kvp-analyzer analyze <file|directory|-> … [--files-from LIST] [--format …] [--fail-on …]
// [--quiet]`: every guest of the inputs, in one process, each written as soon as it is read.
// `kvp-analyzer analyze --link <url or fragment>`: a shared link, as the page opens it.
// Exit codes: 0 no verdict needs attention · 1 one does (its tone is attention or bad) · 2 an
// input cannot be analysed, or the usage is wrong.

import { PermalinkError, decodePermalink } from '../lib/permalink/index.ts';
import {
  errorRecord,
  guestRecord,
  type FleetRecord,
  type GuestRecord,
} from '../lib/report/fleet-record.ts';
import { RULE_PACKS, analyze, toAnalyzeJson, type WhatIf } from '../lib/rules/index.ts';
import { UsageError, readArguments } from './arguments.ts';
import { Attention, failOnPacks } from './attention.ts';
import { batchInputs, type BatchInput } from './batch-inputs.ts';
import {
  OUTPUT_FORMATS,
  csv,
  jsonArray,
  ndjson,
  type BatchFormat,
  type OutputFormat,
  type RunCounts,
} from './batch-formats.ts';
import { textTable } from './batch-table.ts';
import {
  WHAT_IF_OPTIONS,
  failWith,
  optionsOrExit,
  whatIfFrom,
  type Fail,
} from './command-input.ts';
import type { CliIo, Command } from './io.ts';
import { pathsOfList } from './path-list.ts';
import { ProgressLine } from './progress-line.ts';
import { formatReport } from './text-report.ts';

/** The pack ids, comma-separated, in lines of at most `width` characters indented by `indent`. */
function packList(indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, pack] of RULE_PACKS.entries()) {
    const word = `${pack.id}${i < RULE_PACKS.length - 1 ? ',' : ''}`;
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => `${' '.repeat(indent)}${text}`).join('\n');
}

const USAGE = `Usage: kvp-analyzer analyze <file|directory|-> … [--files-from <list|->]
                            [--format text|json|ndjson|csv] [--fail-on <pack,…>] [--quiet]
                            [--guest-os <major.minor>] [--host-version <major.minor>]
       kvp-analyzer analyze --link <url or #v1.… fragment> [--json]

Explains, for each guest whose Data Exchange (KVP) values the inputs hold, how it gets its
Hyper-V integration components, whether it is supported, and whether those values are healthy.
An input: an export of "HKLM\\SOFTWARE\\Microsoft\\Virtual Machine" (.reg), reg query or
PowerShell output of it, a Linux guest's pool files (a directory copied from /var/lib/hyperv,
or a .tar.gz of it), the host's items of one VM, or a host collector file (one guest per VM).

Give any number of files and directories (each read all the way down; a directory's Linux pool
files are one guest, and so are pool files named together), - for standard input, or a list of
them. All are read in one process, and each guest is written as soon as it has been read.

Options:
  --files-from <list|->        also read the files and directories the list names, one a line
                               (blank lines and lines starting with # are skipped); - reads the
                               list from standard input, as it comes
  --format <format>            text (the default), json, ndjson or csv
  --json                       the same as --format json
  --fail-on <pack,…>           only these packs' verdicts decide the exit status and what
                               --quiet prints; the packs:
${packList(31, 96)}
  --quiet                      print only the guests and checks that need attention, and the
                               inputs that could not be read
  --link <url or fragment>     analyse a shared link (made by the page or 'kvp-analyzer link')
                               instead of files
  --guest-os <major.minor>     what if the guest ran this Windows version (e.g. 6.1)
  --host-version <major.minor> what if the host reported this version (e.g. 6.4)
  -h, --help                   show this help

Output: one guest gets its report (json: its analysis, one object). Several — or a collector
file of several VMs — get, in text, a table as wide as the terminal: a row a guest with its
file, VM, host and the verdicts that need attention, and under it the checks that failed or
warned; in json, one array of records; in ndjson, one record a line; in csv, a header and a row
a guest: file, vm, host, a column per pack with its outcome, error. Each record names its file, and the VM and host when the input tells them. An input that
could not be read is a record with its error, and the run goes on.

Exit status: 0 no verdict needs attention; 1 a verdict needs attention (its tone is attention or
bad: e.g. Data Exchange is off, the guest is unsupported, the values look edited); 2 an input
could not be analysed, or the usage is wrong. The same for one input or many: when some inputs
could not be read and others need attention, the status is 2.
`;

/** What to analyse: files, directories and lists of them; or a shared link. */
type Source = { paths: string[]; list: string | undefined } | { link: string };

interface Options {
  source: Source;
  format: OutputFormat;
  whatIf: WhatIf;
  attention: Attention;
  quiet: boolean;
}

function formatFrom(value: string | undefined, json: boolean): OutputFormat {
  if (value === undefined) return json ? 'json' : 'text';
  const format = OUTPUT_FORMATS.find((name) => name === value);
  if (format === undefined) {
    throw new UsageError(`--format takes text, json, ndjson or csv, not “${value}”`);
  }
  if (json && format !== 'json') {
    throw new UsageError(`--json is --format json: give --json or --format ${format}, not both`);
  }
  return format;
}

function sourceFrom(paths: string[], list: string | undefined, link: string | undefined): Source {
  if (link !== undefined) {
    if (paths.length > 0 || list !== undefined) {
      throw new UsageError('give files or --link, not both');
    }
    return { link };
  }
  if (paths.length === 0 && list === undefined) {
    throw new UsageError(
      'give the files or directories to analyse (- for standard input, or --files-from a list)',
    );
  }
  const stdin = paths.filter((path) => path === '-').length + (list === '-' ? 1 : 0);
  if (stdin > 1) {
    throw new UsageError(
      list === '-'
        ? '--files-from - reads the list from standard input: it cannot be an input as well'
        : 'give - once: standard input can be read only once',
    );
  }
  return { paths, list };
}

function parseArgs(argv: string[]): Options | 'help' {
  const args = readArguments(argv, {
    ...WHAT_IF_OPTIONS,
    json: { flag: true },
    format: { needs: 'text, json, ndjson or csv' },
    'files-from': { needs: 'a file that lists the inputs, one a line (or - for standard input)' },
    'fail-on': { needs: 'pack ids, such as kvp-integrity' },
    quiet: { flag: true },
    link: { needs: 'a link or its #v1.… fragment' },
  });
  if (args === 'help') return 'help';
  const failOn = args.values.get('fail-on');
  return {
    format: formatFrom(args.values.get('format'), args.flags.has('json')),
    whatIf: whatIfFrom(args),
    attention: new Attention(failOn === undefined ? undefined : failOnPacks(failOn)),
    quiet: args.flags.has('quiet'),
    source: sourceFrom(args.files, args.values.get('files-from'), args.values.get('link')),
  };
}

/** Whether the command line asks for JSON: then even a usage error is told as JSON. */
function asksForJson(argv: readonly string[]): boolean {
  return argv.some(
    (arg, i) =>
      arg === '--json' || arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'),
  );
}

/** The paths given, then those of the list, as the list is read. */
async function* pathsGiven(paths: string[], list: string | undefined, io: CliIo) {
  yield* paths;
  if (list !== undefined) yield* pathsOfList(io.readChunks(list), list);
}

/** The input's guest analysed (the what-if already checked), or its error as it is. */
function recordOf(input: BatchInput, whatIf: WhatIf): FleetRecord {
  if ('error' in input) return errorRecord(input, input.error);
  const { name, snapshot } = input.guest;
  return guestRecord(input, name, snapshot, analyze(snapshot, whatIf));
}

/** The shared link's one guest, analysed exactly as the page does: decode, then analyse. */
async function linkRecord(link: string, whatIf: WhatIf): Promise<FleetRecord> {
  try {
    const snapshot = await decodePermalink(link);
    return guestRecord({ file: link }, 'a shared link', snapshot, analyze(snapshot, whatIf));
  } catch (error) {
    if (!(error instanceof PermalinkError)) throw error;
    return errorRecord({ file: link }, error.message);
  }
}

function batchFormat(options: Options, colour: boolean, columns: number | undefined): BatchFormat {
  const { attention, quiet } = options;
  switch (options.format) {
    case 'json':
      return jsonArray();
    case 'ndjson':
      return ndjson();
    case 'csv':
      return csv();
    case 'text':
      return textTable({
        colour,
        columns,
        attention,
        quiet,
        // Every check that failed or warned; with --quiet, those that need attention.
        failures: (result) =>
          quiet
            ? attention.checks(result)
            : result.checks.filter((check) => check.status === 'fail' || check.status === 'warn'),
      });
  }
}

/** One guest's output as it has always been: its report, or its analysis as one JSON object. */
function writeOne(record: GuestRecord, options: Options, io: CliIo, colour: boolean): void {
  const { attention } = options;
  if (options.quiet && !attention.needed(record.result)) return;
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(toAnalyzeJson(record.result), null, 2)}\n`);
    return;
  }
  // A guest read from several files (a directory's pool files) is named as it was given.
  const label = record.files ? record.file : record.name;
  io.stdout(formatReport(record.result, label, colour, options.quiet ? attention : undefined));
}

/**
 * Writes every record as it comes, and gives the exit code. Text and JSON keep the one-guest
 * form when the run has one record only: the first is held until a second one shows the run is
 * a batch.
 */
async function writeRecords(
  records: AsyncIterable<FleetRecord>,
  options: Options,
  io: CliIo,
  fail: Fail,
  progress: ProgressLine,
  counts: RunCounts,
): Promise<number> {
  const colour = io.isTTY && !process.env.NO_COLOR;
  const oneGuestForm = options.format === 'text' || options.format === 'json';
  let held: FleetRecord | undefined;
  let format: BatchFormat | undefined;
  let open = true;
  const write = async (text: string) => {
    if (text === '') return;
    // The progress line and the output may share a terminal.
    if (io.isTTY) progress.clear();
    open = await io.writeStdout([text]);
  };
  const put = async (record: FleetRecord) => {
    if ('error' in record) {
      // Said on standard error too, where a script sees it; most messages name the file already.
      const where = record.error.includes(record.file) ? '' : `${record.file}: `;
      if (options.format !== 'text') {
        progress.clear();
        io.stderr(`kvp-analyzer analyze: ${where}${record.error}\n`);
      }
    } else if (options.quiet && !options.attention.needed(record.result)) {
      return;
    }
    await write((format as BatchFormat).record(record));
  };
  for await (const record of records) {
    if ('error' in record) counts.errors++;
    else {
      counts.guests++;
      if (options.attention.needed(record.result)) counts.attention++;
    }
    if (oneGuestForm && format === undefined && held === undefined) {
      held = record;
      continue;
    }
    if (format === undefined) {
      format = batchFormat(options, colour, io.stdoutColumns);
      await write(format.head());
      if (held !== undefined) await put(held);
      held = undefined;
    }
    if (open) await put(record);
    if (!open) break;
  }
  progress.clear();
  const code = counts.errors > 0 ? 2 : counts.attention > 0 ? 1 : 0;
  if (held !== undefined) {
    if ('error' in held) return fail(held.error);
    writeOne(held, options, io, colour);
  } else if (format !== undefined && open) {
    await write(format.tail(counts));
  }
  return code;
}

export const analyzeCommand: Command = async (argv, io) => {
  const json = asksForJson(argv);
  const fail = failWith(io, 'analyze', json);
  const options = optionsOrExit(() => parseArgs(argv), USAGE, io, fail, json);
  if (typeof options === 'number') return options;
  const progress = new ProgressLine(io);
  const { source, whatIf } = options;
  // Counted as the records are written; the progress line shows them as the inputs are read.
  const counts: RunCounts = { guests: 0, attention: 0, errors: 0 };
  async function* records(): AsyncGenerator<FleetRecord> {
    if ('link' in source) {
      yield await linkRecord(source.link, whatIf);
      return;
    }
    const paths = pathsGiven(source.paths, source.list, io);
    for await (const input of batchInputs(paths, io, (path) => progress.reading(path, counts))) {
      yield recordOf(input, whatIf);
    }
  }
  return writeRecords(records(), options, io, fail, progress, counts);
};
