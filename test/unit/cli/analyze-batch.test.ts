// `kvp-analyzer analyze` on many inputs: files, directories (pool files of one guest, a collector
// file of two VMs), standard input and lists, in each output format; exit codes; --quiet and
// --fail-on; the progress line; and that records are written as the inputs are read. What the
// records should say comes from the library (loadBytes + analyze), never from the CLI itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze-command.ts';
import { loadBytes } from '../../../src/lib/inputs/load.ts';
import { STATUS_SYMBOL } from '../../../src/lib/report/check-groups.ts';
import {
  RULE_PACKS,
  analyze,
  needsAttention,
  notApplicable,
  rulePack,
  type AnalysisResult,
} from '../../../src/lib/rules/index.ts';
import { collectorText } from '../inputs/helpers.ts';
import { POOL3, poolBytes } from '../inputs/kvp-bytes.ts';
import { ascii, utf16le, vmExport, type HostOptions } from '../kvp/reg-text.ts';
import { fakeIo, type FakeIo } from './fake-io.ts';
import { readCsv } from '../../support/rfc4180.ts';

/** A regedit export of guest `vm` on host `host` (names written as they are, and agreeing). */
function guestExport(
  guest: [number, number] | null,
  host: HostOptions | null,
  vm: string,
  hostName: string,
): Uint8Array {
  return utf16le(
    vmExport(guest, host).map((line) =>
      line
        .replace('"my-guest-vm"', `"${vm}"`)
        .replace('"THEHOST"', `"${hostName}"`)
        .replace('"thehost.example.com"', `"${hostName.toLowerCase()}.example.com"`),
    ),
  );
}

/** A Windows Server 2022 guest on a 10.0 host, all 16 values: nothing needs attention. */
const HEALTHY = guestExport([10, 0], {}, 'web-01', 'HV01');
/** A 6.4 host: the values look edited, a verdict that needs attention. */
const EDITED = guestExport([6, 1], { major: 6, minor: 4 }, 'app-02', 'HV02');
/** No Guest\Parameters at all. */
const NO_VALUES = utf16le(vmExport([6, 1], null));
const COLLECTOR = new TextEncoder().encode(
  collectorText(['sql-01', 'sql-02'], [{ name: 'OSMajorVersion', data: '10' }]),
);
const NOT_AN_INPUT = ascii(['hello world']);

const FLEET: Record<string, Uint8Array> = {
  'fleet/a-healthy.reg': HEALTHY,
  'fleet/b-edited.reg': EDITED,
  'fleet/c-hosts.json': COLLECTOR,
  'fleet/linux/.kvp_pool_0': new Uint8Array(),
  'fleet/linux/.kvp_pool_3': poolBytes(POOL3),
  'fleet/z-notes.txt': NOT_AN_INPUT,
};

/** What a record says, in every format's terms. */
type Row =
  { file: string; vm: string; host: string; outcomes: string[] } | { file: string; error: string };

function outcomesOf(result: AnalysisResult): string[] {
  return RULE_PACKS.map((pack) => result.verdicts.find((v) => v.pack === pack.id)?.outcome ?? '');
}

/** The library's reading of files given together: one analysis per guest, or the error. */
type Analysed = { result: AnalysisResult } | { error: string };

function library(names: string[]): Analysed[] {
  return loadBytes(names.map((name) => ({ name, bytes: FLEET[name] as Uint8Array }))).flatMap(
    (loaded): Analysed[] =>
      'error' in loaded
        ? [{ error: loaded.error }]
        : loaded.guests.map((guest) => ({ result: analyze(guest.snapshot) })),
  );
}

function expectedGuest(file: string, vm: string, host: string, names = [file]) {
  const [only] = library(names);
  if (!only || 'error' in only) throw new Error(`${file} did not load`);
  return { file, vm, host, outcomes: outcomesOf(only.result), result: only.result };
}

const collector = library(['fleet/c-hosts.json']);
const [notAnInput] = library(['fleet/z-notes.txt']);
/** `analyze fleet missing.reg`: the directory walked in name order, its subdirectory in place. */
const FLEET_EXPECTED = [
  expectedGuest('fleet/a-healthy.reg', 'web-01', 'HV01'),
  expectedGuest('fleet/b-edited.reg', 'app-02', 'HV02'),
  ...collector.map((guest, i) => {
    if ('error' in guest) throw new Error('the collector file did not load');
    const vm = `sql-0${i + 1}`;
    return {
      file: 'fleet/c-hosts.json',
      vm,
      host: 'HV01',
      outcomes: outcomesOf(guest.result),
      result: guest.result,
    };
  }),
  expectedGuest('fleet/linux', 'web-01', 'HV-NODE-01', [
    'fleet/linux/.kvp_pool_0',
    'fleet/linux/.kvp_pool_3',
  ]),
  { file: 'fleet/z-notes.txt', error: notAnInput && 'error' in notAnInput ? notAnInput.error : '' },
  { file: 'missing.reg', error: 'cannot read missing.reg: no such file' },
];

const rowsOf = (expected: typeof FLEET_EXPECTED): Row[] =>
  expected.map((row) =>
    'error' in row
      ? { file: row.file, error: row.error }
      : { file: row.file, vm: row.vm, host: row.host, outcomes: row.outcomes },
  );

interface RecordJson {
  file: string;
  files?: string[];
  vm?: string;
  host?: string;
  error?: string;
  verdicts?: { pack: string; outcome: string }[];
}

function rowOfJson(record: RecordJson): Row {
  if (record.error !== undefined) return { file: record.file, error: record.error };
  return {
    file: record.file,
    vm: record.vm ?? '',
    host: record.host ?? '',
    outcomes: RULE_PACKS.map(
      (pack) => record.verdicts?.find((v) => v.pack === pack.id)?.outcome ?? '',
    ),
  };
}

/** The text table read back by its header's column positions; the lines under each row kept. */
function readTable(text: string): { rows: Row[]; under: string[][]; marks: string[] } {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  const starts = ['VM', 'Host', ...RULE_PACKS.map((pack) => pack.label)].map((label) =>
    header.indexOf(label),
  );
  const cells = (line: string) =>
    [2, ...starts].map((start, i) => line.slice(start, starts[i] ?? undefined).trim());
  const rows: Row[] = [];
  const under: string[][] = [];
  const marks: string[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') break;
    if (line.startsWith('    ')) {
      under[under.length - 1]?.push(line.slice(4));
      continue;
    }
    marks.push(line.slice(0, 1));
    under.push([]);
    const [file = '', vm = '', host = '', ...outcomes] = cells(line);
    if (line.startsWith('⚠')) rows.push({ file: line.slice(2, 34).trim(), error: '' });
    else rows.push({ file, vm, host, outcomes });
  }
  return { rows, under, marks };
}

/** The records of an NDJSON output. */
function ndjsonRecords(out: string): RecordJson[] {
  return out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

async function run(
  argv: string[],
  files: Record<string, Uint8Array | string> = FLEET,
  options = {},
) {
  const io = fakeIo(files, options);
  const code = await analyzeCommand(argv, io);
  return { io, code };
}

describe('kvp-analyzer analyze: many inputs, every format', () => {
  it('--json: one array, a record per guest, each naming its file, VM and host', async () => {
    const { io, code } = await run(['fleet', 'missing.reg', '--json']);
    expect(code).toBe(2);
    expect(io.out.startsWith('[\n')).toBe(true);
    expect(io.out.endsWith('\n]\n')).toBe(true);
    const records: RecordJson[] = JSON.parse(io.out);
    expect(records.map(rowOfJson)).toEqual(rowsOf(FLEET_EXPECTED));
    // The pool files of the directory are one guest, named by the directory, each file listed.
    expect(records[4]).toMatchObject({
      file: 'fleet/linux',
      files: ['fleet/linux/.kvp_pool_0', 'fleet/linux/.kvp_pool_3'],
    });
    // Each guest's record holds its whole analysis, as one file's --json does.
    expect(Object.keys(records[0] ?? {})).toEqual([
      'file',
      'vm',
      'host',
      'input',
      'snapshot',
      'checks',
      'verdicts',
    ]);
  });

  it('--format ndjson: one record a line', async () => {
    const { io, code } = await run(['fleet', 'missing.reg', '--format', 'ndjson']);
    expect(code).toBe(2);
    const lines = io.out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => rowOfJson(JSON.parse(line)))).toEqual(rowsOf(FLEET_EXPECTED));
    // Scripts read standard output; the inputs that gave no guest are said on standard error too.
    expect(io.err).toBe(
      `kvp-analyzer analyze: fleet/z-notes.txt: ${(FLEET_EXPECTED[5] as { error: string }).error}\n` +
        'kvp-analyzer analyze: cannot read missing.reg: no such file\n',
    );
  });

  it('--format csv: a header, a row a guest, every pack a column; read back by RFC 4180', async () => {
    const { io, code } = await run(['fleet', 'missing.reg', '--format=csv']);
    expect(code).toBe(2);
    const [header, ...records] = readCsv(io.out);
    expect(header).toEqual(['file', 'vm', 'host', ...RULE_PACKS.map((pack) => pack.id), 'error']);
    const rows = records.map((cells): Row => {
      const [file = '', vm = '', host = '', ...rest] = cells;
      const error = rest.pop() ?? '';
      return error === '' ? { file, vm, host, outcomes: rest } : { file, error };
    });
    expect(rows).toEqual(rowsOf(FLEET_EXPECTED));
    expect(records.every((cells) => cells.length === (header ?? []).length)).toBe(true);
  });

  it('text: a table with every pack’s outcome, and under each row the checks that failed or warned', async () => {
    const { io, code } = await run(['fleet', 'missing.reg']);
    expect(code).toBe(2);
    const { rows, under, marks } = readTable(io.out);
    expect(rows).toEqual(
      FLEET_EXPECTED.map((row) =>
        'error' in row
          ? { file: row.file, error: '' }
          : {
              file: row.file,
              vm: row.vm,
              host: row.host,
              // A pack that does not apply shows the report's – for it.
              outcomes: RULE_PACKS.map((pack) => {
                const verdict = row.result.verdicts.find((v) => v.pack === pack.id);
                return verdict && notApplicable(verdict) ? '–' : (verdict?.outcome ?? '');
              }),
            },
      ),
    );
    expect(marks).toEqual(
      FLEET_EXPECTED.map((row) => {
        if ('error' in row) return '⚠';
        const needing = row.result.verdicts.filter(needsAttention);
        return needing.some((v) => v.tone === 'bad') ? '✗' : needing.length > 0 ? '!' : '✓';
      }),
    );
    expect(under).toEqual(
      FLEET_EXPECTED.map((row) =>
        'error' in row
          ? [row.error]
          : row.result.checks
              .filter((check) => check.status === 'fail' || check.status === 'warn')
              .map(
                (check) =>
                  `${STATUS_SYMBOL[check.status]} ${check.title}  [${check.packs.map((id) => rulePack(id)?.label).join(', ')}: ${check.id}]`,
              ),
      ),
    );
    const guests = FLEET_EXPECTED.flatMap((row) => ('error' in row ? [] : [row.result]));
    const attention = guests.filter((result) => result.verdicts.some(needsAttention)).length;
    expect(
      io.out.endsWith(
        `\n\n${guests.length} guests · ${attention} ${attention === 1 ? 'needs' : 'need'} attention · 2 inputs could not be read. Each guest's evidence and fixes: kvp-analyzer analyze <its file>.\n`,
      ),
    ).toBe(true);
    expect(io.err).toBe('');
  });

  it('one input keeps the one-guest form; several get records, even from one collector file', async () => {
    const one = await run(['fleet/a-healthy.reg', '--json']);
    expect(Object.keys(JSON.parse(one.io.out))).toEqual([
      'input',
      'snapshot',
      'checks',
      'verdicts',
    ]);
    const listed = await run(['--files-from', 'list', '--json'], {
      ...FLEET,
      list: 'fleet/a-healthy.reg\n',
    });
    expect(listed.io.out).toBe(one.io.out);
    const text = await run(['fleet/linux']);
    expect(text.io.out).toMatch(/^KVP analysis of fleet\/linux\n\(kvp-pool, binary\)\n/);
    const vms = await run(['fleet/c-hosts.json', '--json']);
    expect(JSON.parse(vms.io.out).map((r: RecordJson) => [r.file, r.vm])).toEqual([
      ['fleet/c-hosts.json', 'sql-01'],
      ['fleet/c-hosts.json', 'sql-02'],
    ]);
    // ndjson and csv have one form: records, for one input as for many.
    const ndjson = await run(['fleet/a-healthy.reg', '--format', 'ndjson']);
    expect(rowOfJson(JSON.parse(ndjson.io.out))).toEqual(rowsOf(FLEET_EXPECTED)[0]);
  });
});

/** The packs whose verdict on EDITED needs attention, and one whose verdict does not. */
function editedPacks(): { attention: string[]; calm: string } {
  const [edited] = library(['fleet/b-edited.reg']);
  if (!edited || 'error' in edited) throw new Error('EDITED did not load');
  const attention = edited.result.verdicts.filter(needsAttention).map((v) => v.pack);
  const calm = edited.result.verdicts.find((v) => !needsAttention(v))?.pack;
  if (attention.length === 0 || calm === undefined) throw new Error('EDITED no longer mixes tones');
  return { attention, calm };
}

describe('kvp-analyzer analyze: exit codes from the packs’ tones, for one input or many', () => {
  const { attention, calm } = editedPacks();
  const inputs = {
    ...FLEET,
    'healthy.reg': HEALTHY,
    'edited.reg': EDITED,
    'no-values.reg': NO_VALUES,
  };
  it.each([
    ['healthy', ['healthy.reg'], 0],
    ['needs attention', ['edited.reg'], 1],
    ['no values at all', ['no-values.reg'], 1],
    ['cannot be read', ['missing.reg'], 2],
    ['not an input', ['fleet/z-notes.txt'], 2],
    ['healthy, twice', ['healthy.reg', 'healthy.reg'], 0],
    ['healthy and needs attention', ['healthy.reg', 'edited.reg'], 1],
    ['needs attention, then cannot be read: 2 wins', ['edited.reg', 'missing.reg'], 2],
    ['cannot be read, then needs attention: 2 wins', ['missing.reg', 'edited.reg'], 2],
    ['healthy and cannot be read', ['healthy.reg', 'missing.reg'], 2],
    ['--fail-on a pack that needs attention', ['edited.reg', '--fail-on', attention.join(',')], 1],
    ['--fail-on one that does not', ['edited.reg', '--fail-on', calm], 0],
    ['--fail-on, many inputs', ['healthy.reg', 'edited.reg', `--fail-on=${calm}`], 0],
    ['--fail-on does not hide an input that cannot be read', ['missing.reg', '--fail-on', calm], 2],
  ])('%s: %j → exit %i, in every format', async (_what, argv, expected) => {
    for (const format of ['text', 'json', 'ndjson', 'csv']) {
      const { code } = await run([...argv, '--format', format], inputs);
      expect([format, code]).toEqual([format, expected]);
    }
  });

  it.each([
    [
      ['x.reg', '--fail-on', 'kvp-integrty'],
      /^--fail-on: there is no pack “kvp-integrty” — did you mean kvp-integrity\? \(the packs: /,
    ],
    [['x.reg', '--fail-on', ','], /^--fail-on needs pack ids, such as /],
    [['x.reg', '--format', 'xml'], /^--format takes text, json, ndjson or csv, not “xml”$/],
    [['x.reg', '--formt', 'csv'], /^unknown option --formt — did you mean --format\?$/],
    [['x.reg', '--quite'], /^unknown option --quite — did you mean --quiet\?$/],
    [['x.reg', '--files-form', 'l'], /^unknown option --files-form — did you mean --files-from\?$/],
    [['-', '-'], /^give - once: standard input can be read only once$/],
    [
      ['-', '--files-from', '-'],
      /^--files-from - reads the list from standard input: it cannot be an input as well$/,
    ],
    [['--files-from'], /^--files-from needs a file that lists the inputs/],
    [
      [],
      /^give the files or directories to analyse \(- for standard input, or --files-from a list\)$/,
    ],
  ])('the usage %j: exit 2, one line saying what is wrong', async (argv, message) => {
    const { io, code } = await run(argv);
    expect(code).toBe(2);
    expect(io.out).toBe('');
    expect(io.err.split('\n')).toHaveLength(2);
    const [line = ''] = io.err.split('\n');
    expect(line.startsWith('kvp-analyzer analyze: ')).toBe(true);
    expect(
      line
        .slice('kvp-analyzer analyze: '.length)
        .replace(/ \(see 'kvp-analyzer analyze --help'\)$/, ''),
    ).toMatch(message);
  });

  it.each([
    [['x.reg', '--format', 'json', '--fail-on', 'nope'], /^--fail-on: there is no pack “nope”/],
    [
      ['x.reg', '--json', '--format', 'csv'],
      /^--json is --format json: give --json or --format csv, not both$/,
    ],
  ])('a usage error of %j, with JSON asked for, is told as JSON', async (argv, message) => {
    const { io, code } = await run(argv);
    expect(code).toBe(2);
    expect(JSON.parse(io.out).error).toMatch(message);
  });

  it('--help documents the formats, --fail-on, --quiet and that 2 wins', async () => {
    const { io, code } = await run(['--help']);
    expect(code).toBe(0);
    for (const words of [
      '--format <format>',
      'ndjson',
      '--fail-on <pack,…>',
      '--quiet',
      '--files-from <list|->',
      'the status is 2',
    ]) {
      expect(io.out).toContain(words);
    }
    for (const pack of RULE_PACKS) expect(io.out).toContain(pack.id);
  });
});

describe('kvp-analyzer analyze --quiet: only what needs attention, and the errors', () => {
  const inputs = { ...FLEET, 'healthy.reg': HEALTHY, 'edited.reg': EDITED };
  const [edited] = library(['fleet/b-edited.reg']);
  if (!edited || 'error' in edited) throw new Error('EDITED did not load');
  const needing = edited.result.verdicts.filter(needsAttention).map((v) => v.pack);

  it('ndjson: the records of guests that need attention, and of inputs that cannot be read', async () => {
    const { io, code } = await run(
      ['healthy.reg', 'edited.reg', 'missing.reg', '--quiet', '--format', 'ndjson'],
      inputs,
    );
    expect(code).toBe(2);
    expect(ndjsonRecords(io.out).map((r) => r.file)).toEqual(['edited.reg', 'missing.reg']);
  });

  it('text: their rows, each with only the checks of the packs that need attention; no closing count', async () => {
    const { io, code } = await run(['healthy.reg', 'edited.reg', '--quiet'], inputs);
    expect(code).toBe(1);
    const { rows, under } = readTable(io.out);
    expect(rows.map((row) => row.file)).toEqual(['edited.reg']);
    const expected = edited.result.checks.filter(
      (check) =>
        (check.status === 'fail' || check.status === 'warn') &&
        check.packs.some((p) => needing.includes(p)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(under[0]?.map((line) => /: ([^\]]+)\]$/.exec(line)?.[1])).toEqual(
      expected.map((check) => check.id),
    );
    expect(io.out).not.toContain('guests ·');
  });

  it('nothing needs attention: nothing is printed, exit 0', async () => {
    for (const format of ['text', 'json', 'ndjson']) {
      const { io, code } = await run(
        ['healthy.reg', 'healthy.reg', '--quiet', '--format', format],
        inputs,
      );
      expect([format, code, io.out.replace(/^\[\]\n$/, '')]).toEqual([format, 0, '']);
    }
  });

  it('one guest: its report with only the verdicts and checks that need attention', async () => {
    const { io, code } = await run(['edited.reg', '--quiet'], inputs);
    expect(code).toBe(1);
    const verdictLines = io.out
      .split('\n')
      .filter((line) => /^ {2}\S.*: /.test(line) && !line.includes('['));
    expect(verdictLines.map((line) => line.trim().split(':')[0])).toEqual(
      edited.result.verdicts.filter(needsAttention).map((v) => rulePack(v.pack)?.label),
    );
    expect(io.out).not.toContain('Passed (');
    const healthy = await run(['healthy.reg', '--quiet'], inputs);
    expect([healthy.code, healthy.io.out]).toEqual([0, '']);
  });
});

describe('kvp-analyzer analyze: where the inputs come from', () => {
  it('--files-from: a path a line, blank lines and # comments skipped, CRLF and spaces around dropped', async () => {
    const list =
      '# the fleet\r\n\r\n  fleet/b-edited.reg  \r\nfleet/linux\r\n   # not this\r\nmissing.reg';
    const { io, code } = await run(
      ['fleet/a-healthy.reg', '--files-from', 'list.txt', '--format', 'ndjson'],
      {
        ...FLEET,
        'list.txt': list,
      },
    );
    expect(code).toBe(2);
    expect(ndjsonRecords(io.out).map((r) => r.file)).toEqual([
      'fleet/a-healthy.reg',
      'fleet/b-edited.reg',
      'fleet/linux',
      'missing.reg',
    ]);
  });

  it('--files-from -: the list on standard input; - alone: one input on standard input', async () => {
    const listed = await run(['--files-from', '-', '--format', 'ndjson'], {
      ...FLEET,
      '-': 'fleet/a-healthy.reg\nfleet/b-edited.reg\n',
    });
    expect(ndjsonRecords(listed.io.out).map((r) => r.file)).toEqual([
      'fleet/a-healthy.reg',
      'fleet/b-edited.reg',
    ]);
    const piped = await run(['fleet/a-healthy.reg', '-', '--format', 'ndjson'], {
      ...FLEET,
      '-': EDITED,
    });
    const records = ndjsonRecords(piped.io.out);
    expect(records.map(rowOfJson)).toEqual([
      rowsOf(FLEET_EXPECTED)[0],
      { ...rowsOf(FLEET_EXPECTED)[1], file: '-' },
    ]);
  });

  it.each([
    ['missing', {}, 'cannot read nope.txt: no such file'],
    ['empty of paths', { 'nope.txt': '# nothing yet\n\n' }, 'nope.txt lists no files'],
    [
      'not a list',
      { 'nope.txt': 'x'.repeat(70_000) },
      'line 1 of nope.txt is longer than 65,536 characters: it is not a path. Give a list of paths, one a line.',
    ],
  ])(
    'a list %s: a record with its error, after the inputs given; exit 2',
    async (_what, files, error) => {
      const { io, code } = await run(
        ['fleet/a-healthy.reg', '--files-from', 'nope.txt', '--format', 'ndjson'],
        {
          ...FLEET,
          ...files,
        },
      );
      expect(code).toBe(2);
      const records = ndjsonRecords(io.out);
      expect(records.map((r) => r.file)).toEqual(['fleet/a-healthy.reg', 'nope.txt']);
      expect(records[1]).toEqual({ file: 'nope.txt', error });
    },
  );

  it('pool files named together are one guest, after the other inputs; an empty directory is an error', async () => {
    const { io } = await run(
      [
        'fleet/linux/.kvp_pool_0',
        'fleet/a-healthy.reg',
        'fleet/linux/.kvp_pool_3',
        '--format',
        'ndjson',
      ],
      { ...FLEET },
    );
    const records = ndjsonRecords(io.out);
    expect(records.map((r) => [r.file, r.files])).toEqual([
      ['fleet/a-healthy.reg', undefined],
      ['fleet/linux/.kvp_pool_0', ['fleet/linux/.kvp_pool_0', 'fleet/linux/.kvp_pool_3']],
    ]);
    expect(records[1]?.verdicts).toEqual(
      JSON.parse((await run(['fleet/linux', '--json'])).io.out).verdicts,
    );
  });
});

describe('kvp-analyzer analyze: a directory as the loader reads it', () => {
  it('the corpus of real samples: the guests and errors of loadBytes on its files together', async () => {
    const corpus = resolve(process.cwd(), '../shared/corpus/kvp');
    const names = readdirSync(corpus).sort();
    const files = Object.fromEntries(
      names.map((name) => [`kvp/${name}`, new Uint8Array(readFileSync(join(corpus, name)))]),
    );
    const together = loadBytes(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
    // Pool files whose names do not say their pool are among them: one guest with the others.
    expect(together.some((result) => result.inputs.length > 1)).toBe(true);
    const expected = together
      .flatMap((result): object[] =>
        'error' in result
          ? [{ error: result.error }]
          : result.guests.map((guest) => ({ outcomes: outcomesOf(analyze(guest.snapshot)) })),
      )
      .map((row) => JSON.stringify(row))
      .sort();
    const { io } = await run(['kvp', '--format', 'ndjson'], files);
    const got = ndjsonRecords(io.out)
      .map((record) => {
        const row = rowOfJson(record);
        return JSON.stringify('error' in row ? { error: row.error } : { outcomes: row.outcomes });
      })
      .sort();
    expect(got).toEqual(expected);
  });
});

describe('kvp-analyzer analyze: names from the inputs are data', () => {
  const hostile = {
    '=HYPERLINK("http://x.example")': guestExport([10, 0], {}, '+SUM(1,2)', '@host'),
    'a,"quoted" name.reg': guestExport([10, 0], {}, '-x', 'tab\there'),
    'esc.reg': guestExport([10, 0], {}, 'vm\u001b[2Jgone', 'host\u202eevil'),
  };
  const names = Object.keys(hostile);

  it("CSV: quoted by RFC 4180, and a cell a spreadsheet would run as a formula starts with '", async () => {
    const { io } = await run([...names, '--format', 'csv'], hostile);
    expect(io.out).toContain('"\'=HYPERLINK(""http://x.example"")"');
    const rows = readCsv(io.out).slice(1);
    expect(rows.map((cells) => cells.slice(0, 3))).toEqual([
      ['\'=HYPERLINK("http://x.example")', "'+SUM(1,2)", "'@host"],
      ['a,"quoted" name.reg', "'-x", 'tab\there'],
      ['esc.reg', 'vm\u001b[2Jgone', 'host\u202eevil'],
    ]);
  });

  it('text: control and bidi characters written out, never sent to the terminal', async () => {
    const { io } = await run([...names], hostile);
    for (const raw of ['\u001b', '\u202e', '\t']) expect(io.out).not.toContain(raw);
    expect(io.out).toContain('vm\\x1b[2Jgone');
    expect(io.out).toContain('host⟨U+202E⟩evil');
    expect(io.out).toContain('tab\\there');
  });
});

// 2,000 analyses: generous time for a busy machine.
describe('kvp-analyzer analyze: as the inputs are read', { timeout: 60_000 }, () => {
  /** A directory of `count` exports whose reads and writes are counted as they happen. */
  function countedFleet(count: number, options = {}) {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < count; i++) {
      files[`many/${String(i).padStart(5, '0')}.reg`] = i % 3 === 0 ? EDITED : HEALTHY;
    }
    const io: FakeIo = fakeIo(files, options);
    let reads = 0;
    let records = 0;
    /** At each write: inputs read, less records written before it. */
    const ahead: number[] = [];
    const readInput = io.readInput.bind(io);
    io.readInput = (path) => {
      reads++;
      return readInput(path);
    };
    const writeStdout = io.writeStdout.bind(io);
    io.writeStdout = (parts) => {
      const text = [...parts].join('');
      ahead.push(reads - records);
      records += text.split('\n').filter((line) => line.startsWith('{')).length;
      return writeStdout([text]);
    };
    return { io, ahead, count: () => ({ reads, records }) };
  }

  it.each([
    ['ndjson', 1],
    ['json', 2],
  ])(
    '--format %s of 2,000 inputs: a record written as soon as its input is read (at most %i ahead)',
    async (format, most) => {
      const fleet = countedFleet(2000);
      expect(await analyzeCommand(['many', '--format', format], fleet.io)).toBe(1);
      expect(fleet.count()).toEqual({ reads: 2000, records: 2000 });
      expect(Math.max(...fleet.ahead)).toBe(most);
    },
  );

  it('a progress line on standard error when it is a terminal: written over in place, erased at the end', async () => {
    const fleet = countedFleet(3, { stderrColumns: 40 });
    await analyzeCommand(['many', '--format', 'ndjson'], fleet.io);
    const drawn = fleet.io.err.split('\r\u001b[K');
    expect(drawn[0]).toBe('');
    expect(drawn[1]).toBe('kvp-analyzer: 0 read — many/00000.reg');
    expect(drawn.at(-1)).toBe('');
    expect(drawn.every((line) => line.length < 40)).toBe(true);
    const plain = countedFleet(3);
    await analyzeCommand(['many', '--format', 'ndjson'], plain.io);
    expect(plain.io.err).toBe('');
  });

  it('stops reading once standard output is closed', async () => {
    const fleet = countedFleet(50, { closesAfter: 10 });
    expect(await analyzeCommand(['many', '--format', 'ndjson'], fleet.io)).toBe(1);
    expect(fleet.count().reads).toBe(1);
  });
});
