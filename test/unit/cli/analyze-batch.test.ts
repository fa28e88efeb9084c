// `kvp-analyzer analyze` on many inputs: files, directories (pool files of one guest, a collector
// file of two VMs), standard input and lists, in each output format; exit codes; --quiet and
// --fail-on; the progress line; and that records are written as the inputs are read. What the
// records should say comes from the library (loadBytes + analyze), never from the CLI itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/analyze-command.ts';
import { loadBytes } from '../../../src/lib/inputs/load.ts';
import { STATUS_SYMBOL } from '../../../src/lib/report/check-groups.ts';
import {
  RULE_PACKS,
  analyze,
  needsAttention,
  rulePack,
  type AnalysisResult,
} from '../../../src/lib/rules/index.ts';
import type { Verdict } from '../../../src/lib/rules/types.ts';
import { collectorText } from '../inputs/helpers.ts';
import { POOL3, poolBytes } from '../inputs/kvp-bytes.ts';
import { ascii, utf16le, vmExport, type HostOptions } from '../kvp/reg-text.ts';
import { fakeIo, type FakeIo } from './fake-io.ts';
import { readCsv } from '../../support/rfc4180.ts';
import { corpusPath } from '../../support/corpus.ts';

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
  /** Outside the directory: given on its own, where a check's line is longer than 80. */
  'no-values.reg': NO_VALUES,
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

/** The text table's rows (their file and the verdicts they list) and the lines under each. */
function readTable(text: string): {
  rows: { file: string; verdicts: string[] }[];
  under: string[][];
} {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  const [vm, verdicts] = [header.indexOf('VM'), header.indexOf('Needs attention')];
  const rows: { file: string; verdicts: string[] }[] = [];
  const under: string[][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') break;
    if (line.startsWith(' '.repeat(verdicts))) rows.at(-1)?.verdicts.push(line.slice(verdicts));
    else if (line.startsWith('    ')) under.at(-1)?.push(line.slice(4));
    else {
      rows.push({ file: line.slice(2, vm).trim(), verdicts: [line.slice(verdicts)] });
      under.push([]);
    }
  }
  return { rows, under };
}

/** A name cut to `width` as a table cell: padded, or cut with … (keeping its end for a file). */
function cell(text: string, width: number, keepEnd = false): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text.padEnd(width);
  return keepEnd
    ? `…${chars.slice(chars.length - width + 1).join('')}`
    : `${chars.slice(0, width - 1).join('')}…`;
}

/** Words in lines of at most `width` characters. */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** What the table of `expected` should read, `width` wide, its File and VM/Host columns so wide. */
function expectedTable(
  expected: typeof FLEET_EXPECTED,
  options: { width: number; file: number; name: number; attention?: (v: Verdict) => boolean },
): string[] {
  const { width, file, name } = options;
  const counts = options.attention ?? needsAttention;
  const verdictsAt = 2 + file + 2 + name + 2 + name + 2;
  const lines = [
    `  ${cell('File', file)}  ${cell('VM', name)}  ${cell('Host', name)}  Needs attention`,
  ];
  for (const row of expected) {
    if ('error' in row) {
      lines.push(`⚠ ${cell(row.file, file, true)}  could not be read`);
      for (const line of wrapped(row.error, width - 4)) lines.push(`    ${line}`);
      continue;
    }
    const needing = row.result.verdicts.filter(counts);
    const texts = needing.map((v) => `${rulePack(v.pack)?.label}: ${v.label}`);
    const oneLine = texts.join('; ');
    const shown =
      texts.length === 0
        ? ['—']
        : oneLine.length <= width - verdictsAt
          ? [oneLine]
          : texts.map((text) => cell(text, width - verdictsAt).trimEnd());
    const mark = needing.some((v) => v.tone === 'bad') ? '✗' : needing.length > 0 ? '!' : '✓';
    lines.push(
      `${mark} ${cell(row.file, file, true)}  ${cell(row.vm, name)}  ${cell(row.host, name)}  ${shown[0]}`,
    );
    for (const more of shown.slice(1)) lines.push(`${' '.repeat(verdictsAt)}${more}`);
    for (const check of row.result.checks) {
      if (check.status !== 'fail' && check.status !== 'warn') continue;
      const tag = `[${check.packs.map((id) => rulePack(id)?.label).join(', ')}: ${check.id}]`;
      const title = cell(check.title, width - 8 - tag.length).trimEnd();
      lines.push(`    ${STATUS_SYMBOL[check.status]} ${title}  ${tag}`);
    }
  }
  return lines;
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

  /** The closing lines of a run of `expected`, as the library counts it. */
  function closing(expected: typeof FLEET_EXPECTED): string[] {
    const guests = expected.flatMap((row) => ('error' in row ? [] : [row.result]));
    const attention = guests.filter((result) => result.verdicts.some(needsAttention)).length;
    return [
      '',
      `${guests.length} guests · ${attention} ${attention === 1 ? 'needs' : 'need'} attention · 2 inputs could not be read.`,
      "Each guest's evidence and fixes: kvp-analyzer analyze <its file>.",
      "Every pack's verdict for every guest: --format csv (or ndjson, json).",
      '',
    ];
  }

  it.each([
    ['not a terminal', undefined, { width: 120, file: 32, name: 16 }],
    ['a terminal 160 wide', 160, { width: 160, file: 32, name: 16 }],
    ['120 wide', 120, { width: 120, file: 32, name: 16 }],
    ['100 wide', 100, { width: 100, file: 24, name: 12 }],
    ['80 wide', 80, { width: 80, file: 16, name: 10 }],
    ['50 wide: laid out as 80', 50, { width: 80, file: 16, name: 10 }],
  ])(
    'text, %s: a row a guest with the verdicts that need attention, the checks that failed or warned under it',
    async (_what, stdoutColumns, layout) => {
      const { io, code } = await run(['fleet', 'missing.reg', 'no-values.reg'], FLEET, {
        stdoutColumns,
      });
      expect(code).toBe(2);
      const expected = [...FLEET_EXPECTED, expectedGuest('no-values.reg', '', '')];
      expect(io.out.split('\n')).toEqual([
        ...expectedTable(expected, layout),
        ...closing(expected),
      ]);
      expect(io.err).toBe('');
    },
  );

  it('text --fail-on: a row lists only the verdicts of those packs, and is marked by them', async () => {
    const { calm } = editedPacks();
    const { io } = await run(['fleet', 'missing.reg', '--fail-on', calm]);
    const counted = (v: Verdict) => v.pack === calm && needsAttention(v);
    const table = expectedTable(FLEET_EXPECTED, {
      width: 120,
      file: 32,
      name: 16,
      attention: counted,
    });
    expect(io.out.split('\n').slice(0, table.length)).toEqual(table);
    expect(
      readTable(io.out).rows.find((row) => row.file === 'fleet/b-edited.reg')?.verdicts,
    ).toEqual(['—']);
  });

  it.each([80, 81, 95, 100, 119, 120, 133, 160, 200])(
    'text %i wide: no line is wider, check lines and errors included, colour or not',
    async (stdoutColumns) => {
      const long = 'a-very-long-directory-name-of-exports/'.repeat(4);
      const files = {
        ...FLEET,
        [`${long}guest-with-a-long-name.reg`]: guestExport(
          [6, 1],
          { major: 6, minor: 4 },
          'v'.repeat(40),
          'h'.repeat(40),
        ),
        'list.txt': 'x'.repeat(70_000),
      };
      for (const isTTY of [false, true]) {
        const { io } = await run(
          [
            'fleet',
            'no-values.reg',
            `${long}guest-with-a-long-name.reg`,
            `${long}missing.reg`,
            '--files-from',
            'list.txt',
          ],
          files,
          { stdoutColumns, isTTY },
        );
        // eslint-disable-next-line no-control-regex
        const lines = io.out.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
        expect(io.out.includes('\u001b[')).toBe(isTTY && !process.env.NO_COLOR);
        // Every guest has its row (the fleet's five and two more); every error its own, and the
        // closing count says them.
        expect(lines.filter((line) => /^[✓!✗] /.test(line))).toHaveLength(7);
        expect(lines.filter((line) => line.includes('could not be read'))).toHaveLength(4);
        const widest = Math.max(...lines.map((line) => Array.from(line).length));
        expect([isTTY, widest <= stdoutColumns]).toEqual([isTTY, true]);
      }
    },
  );

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
    const corpus = corpusPath('kvp');
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
