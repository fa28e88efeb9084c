// The table of issue #11: every defect it reproduced (1–8), each case with the generator of its
// input, the bounded outcome expected (a result, or a typed error with its sentence), who makes
// the page or CLI side hold, and — where a library entry decides it — the assertion, which
// counts work and never times it.
import { Inflate } from 'fflate';
import { expect } from 'vitest';
import { runCli } from '../../../src/cli/cli.ts';
import { renderTree } from '../../../src/cli/parse-command.ts';
import { formatReport } from '../../../src/cli/text-report.ts';
import { PARAMETERS_CATALOGUE } from '../../../src/lib/kvp/catalogue.ts';
import { imitatedName } from '../../../src/lib/kvp/look-alike-names.ts';
import {
  assembleSnapshot,
  buildSnapshot,
  type KvpSnapshot,
} from '../../../src/lib/kvp/snapshot.ts';
import { BinaryReader } from '../../../src/lib/permalink/binary-reader.ts';
import {
  LinkTooLargeError,
  PermalinkError,
  decodePermalink,
  encodePermalink,
  redactSnapshot,
} from '../../../src/lib/permalink/index.ts';
import { encodeFactsV1 } from '../../../src/lib/permalink/schema-v1.ts';
import { foldOps, parseReg, scanKvp, type FoldMeter } from '../../../src/lib/reg/index.ts';
import { RegLineParser } from '../../../src/lib/reg/line-parser.ts';
import { toMarkdown } from '../../../src/lib/report/markdown.ts';
import { analyze } from '../../../src/lib/rules/index.ts';
import { showInvisible } from '../../../src/lib/text/index.ts';
import { wrappedHex } from '../../support/regedit-hex.ts';
import { utf16leBytes } from '../../support/utf16.ts';
import { fakeIo } from '../cli/fake-io.ts';
import {
  PARAMETERS,
  deletionsAfterKeptKeys,
  deletionsThatMayContinue,
  factsWith,
  hugeLines,
  hugeValue,
  keyDeletions,
  linkOfPayload,
  manyValues,
  oneByteValues,
  regExport,
  rewrites,
} from './inputs.ts';
import { calls, stringWork, typedArrayWork } from './work.ts';

export interface HostileCase {
  /** The numbered defect of issue #11. */
  defect: number;
  case: string;
  /** The generator (inputs.ts) and its size. */
  input: string;
  /** The bounded outcome: a result, or a typed error and its sentence. */
  outcome: string;
  /** Who makes it hold where the page or the CLI shows it. */
  owners: string[];
  /** The library-level assertion, counting work; absent where only the page or CLI decides. */
  check?: () => Promise<void>;
}

/** The refusal decodePermalink gives `link` (it must give one). */
async function refusal(link: string): Promise<PermalinkError> {
  const error = await decodePermalink(link).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PermalinkError);
  return error as PermalinkError;
}

/** encodePermalink refuses `snapshot` with LinkTooLargeError and `message`. */
async function expectNoLink(snapshot: KvpSnapshot, message: string): Promise<LinkTooLargeError> {
  const error = await encodePermalink(snapshot).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LinkTooLargeError);
  expect((error as Error).message).toBe(message);
  return error as LinkTooLargeError;
}

/** SGR colour codes (ESC [ … m), the only controls the text report writes itself. */
const COLOUR_CODE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Text with no control character but line breaks and the report's own colour codes. */
function expectNoControls(text: string): void {
  const uncoloured = text.replace(COLOUR_CODE, '');
  for (const char of uncoloured) {
    const code = char.charCodeAt(0);
    const control = (code < 0x20 && code !== 10) || (code >= 0x7f && code <= 0x9f);
    const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    if (control || bidi) throw new Error(`U+${code.toString(16)} reached the terminal`);
  }
}

/**
 * A payload whose one DWORD is `data`, which may be past what the encoder writes: its one-byte
 * varint replaced by the varint of `data`.
 */
export function withDword(data: number): Uint8Array {
  const payload = (n: number) =>
    encodeFactsV1(factsWith([{ name: 'HostingSystemOsMajor', type: 4, data: n, line: 4 }]));
  const [one, two] = [payload(1), payload(2)];
  const at = one.findIndex((byte, i) => byte !== two[i]);
  const varint: number[] = [];
  for (let rest = data; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) {
      varint.push(rest);
      break;
    }
    varint.push((rest % 128) | 0x80);
  }
  return Uint8Array.from([...one.slice(0, at), ...varint, ...one.slice(at + 1)]);
}

const ESC_NAME = 'x\u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007';
const FORGED = '\n  ✓ All checks passed';

export const HOSTILE_CASES: HostileCase[] = [
  // 1 · A 3.4 KB link crashes the tab.
  {
    defect: 1,
    case: 'a 3.4 KB link of 349,500 one-byte values',
    input: 'linkOfPayload(encodeFactsV1(factsWith(oneByteValues(349_500))))',
    outcome:
      "PermalinkError 'too-large': “This link is larger than KVP Analyzer makes them: Guest\\Parameters holds 349,500 values, and a link carries at most 1,000 per key (…). Ask for the exported .reg file instead.” — refused by the count, before a value is read",
    owners: ['hostile (decoder)', 'page (shows the message)'],
    async check() {
      const link = await linkOfPayload(encodeFactsV1(factsWith(oneByteValues(349_500))));
      expect(link.length).toBeLessThan(4000);
      const { value: error, calls: varints } = await calls(BinaryReader.prototype, 'varint', () =>
        refusal(link),
      );
      expect(error.kind).toBe('too-large');
      expect(error.message).toBe(
        'This link is larger than KVP Analyzer makes them: Guest\\Parameters holds 349,500 values, and a link carries at most 1,000 per key (a Hyper-V host writes 16 into Guest\\Parameters). Ask for the exported .reg file instead.',
      );
      // The header, the key's path, line and count: no value was read.
      expect(varints).toBeLessThanOrEqual(4);
    },
  },
  {
    defect: 1,
    case: 'a link of 1,000 values, the most a key holds',
    input: 'encodePermalink(assembleSnapshot(factsWith(1,000 DWORD values v0 … v999)))',
    outcome: 'a snapshot of exactly those 1,000 values (what the page shows is bounded)',
    owners: ['hostile', 'page (renders 1,000 rows)'],
    async check() {
      const values = Array.from({ length: 1000 }, (_, i) => ({
        name: `v${i}`,
        type: 4,
        data: i,
        line: 4 + i,
      }));
      const snapshot = assembleSnapshot(factsWith(values));
      const decoded = await decodePermalink(await encodePermalink(snapshot));
      expect(decoded.parameters.values).toHaveLength(1000);
      expect(decoded).toStrictEqual(snapshot);
    },
  },
  // 2 · Quadratic folds.
  {
    defect: 2,
    case: '20,000 key deletions (1.5 MB)',
    input: 'keyDeletions(20_000)',
    outcome:
      'the document: 20,001 keys, the 20,000 subkeys deleted, Guest\\Parameters present — in a few fold steps per op and characters lowercased proportional to the file',
    owners: ['hostile (fold)', 'readers (parsed off the main thread, with Cancel)'],
    async check() {
      const bytes = keyDeletions(20_000);
      expect(bytes.length).toBeGreaterThan(1_500_000);
      const { value: doc, chars } = await stringWork(() => parseReg(bytes));
      expect(doc.keys).toHaveLength(20_001);
      expect(doc.keys.filter((k) => k.deleted)).toHaveLength(20_000);
      expect(doc.keys[0]?.values.map((v) => v.name)).toEqual(['HostName']);
      // The quadratic fold lowercased every path on every deletion: 2 × 10⁸ paths.
      expect(chars).toBeLessThanOrEqual(bytes.length);
      const meter: FoldMeter = { steps: 0 };
      foldOps(doc.ops, [], meter);
      expect(meter.steps).toBeLessThanOrEqual(10 * doc.ops.length);
      expect(scanKvp(bytes).keys.filter((k) => k.deleted)).toHaveLength(20_000);
    },
  },
  {
    defect: 2,
    case: '40,000 rewrites of one value',
    input: 'rewrites(40_000)',
    outcome:
      'HostName = "host-40000" with 39,999 overwritten lines, in about one fold step per op; its link is refused: LinkTooLargeError “… it names more than 10,000 values, earlier writes and look-alike keys, the most a link carries. Share the exported .reg file instead.”',
    owners: ['hostile (fold, link limits)', 'page (Share says so)'],
    async check() {
      const doc = parseReg(rewrites(40_000));
      const meter: FoldMeter = { steps: 0 };
      const [key] = foldOps(doc.ops, [], meter);
      const value = key?.values[0];
      expect([value?.data, value?.overwritten.length, key?.values.length]).toEqual([
        'host-40000',
        39_999,
        1,
      ]);
      expect(value?.overwritten.slice(0, 2)).toEqual([4, 5]);
      // The quadratic fold copied the earlier lines on every rewrite: 8 × 10⁸ of them.
      expect(meter.steps).toBeLessThanOrEqual(2 * doc.ops.length);
      await expectNoLink(
        buildSnapshot(doc),
        'This analysis is too large for a link: it names more than 10,000 values, earlier writes and look-alike keys, the most a link carries. Share the exported .reg file instead.',
      );
    },
  },
  {
    defect: 2,
    case: '20,000 kept keys, then 20,000 deletions of keys the scan skips',
    input: 'deletionsAfterKeptKeys(20_000)',
    outcome:
      'scanKvp keeps the 20,001 kept keys and none of the deletions, comparing characters in proportion to the file (it compared every kept path on each deletion)',
    owners: ['hostile (KvpOpFilter)'],
    async check() {
      const bytes = deletionsAfterKeptKeys(20_000);
      const { value: doc, chars } = await stringWork(() => scanKvp(bytes));
      expect(doc.keys).toHaveLength(20_001);
      expect(doc.ops.some((op) => op.op === 'deleteKey')).toBe(false);
      // A few passes over each path (it was 20,000 comparisons for each deletion).
      expect(chars).toBeLessThanOrEqual(4 * bytes.length);
    },
  },
  {
    defect: 2,
    case: "20,000 '[-key]\\' lines, each of which may continue a hex value",
    input: 'deletionsThatMayContinue(20_000)',
    outcome:
      'scanKvp gives the full parse’s keys, replaying each line once (it replayed every earlier line for each one: 97 s), whole and in 64 KB chunks',
    owners: ['hostile (kvp-scan look-back)'],
    async check() {
      const bytes = deletionsThatMayContinue(20_000);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += 65_536)
        chunks.push(bytes.subarray(at, at + 65_536));
      for (const scan of [() => scanKvp(bytes), () => scanKvp(chunks)]) {
        const { value: doc, calls: lines } = await calls(RegLineParser.prototype, 'line', scan);
        expect(doc.keys.map((k) => [k.path, k.values.length])).toEqual([[PARAMETERS, 1]]);
        expect(lines).toBeLessThanOrEqual(2 * 20_005);
      }
    },
  },
  {
    defect: 2,
    case: 'the page’s main thread during a 1.5 MB parse',
    input: 'keyDeletions(20_000), dropped on the page',
    outcome: 'no long task; Cancel works (files of any size are parsed off the main thread)',
    owners: ['readers (worker for every file)', 'page (e2e)'],
  },
  // 3 · One huge value.
  {
    defect: 3,
    case: '`link` of a snapshot with a 128 MB REG_SZ',
    input: "assembleSnapshot(factsWith([HostName = 'h'.repeat(2 ** 27)]))",
    outcome:
      'LinkTooLargeError: “This analysis is too large for a link: it takes more than 1,048,576 bytes (1 MiB) uncompressed, the most a link carries. Share the exported .reg file instead.” — the value is never encoded',
    owners: ['hostile (BinaryWriter)', 'cli (prints it, exit 2)', 'page (Share says so)'],
    async check() {
      const huge = 'h'.repeat(2 ** 27);
      const snapshot = assembleSnapshot(
        factsWith([{ name: 'HostName', type: 1, data: huge, line: 4 }]),
      );
      const longest = { chars: 0 };
      const encode = TextEncoder.prototype.encode;
      TextEncoder.prototype.encode = function (this: TextEncoder, text?: string) {
        longest.chars = Math.max(longest.chars, text?.length ?? 0);
        return encode.call(this, text);
      };
      try {
        const error = await expectNoLink(
          snapshot,
          'This analysis is too large for a link: it takes more than 1,048,576 bytes (1 MiB) uncompressed, the most a link carries. Share the exported .reg file instead.',
        );
        expect(error.limit).toEqual({ kind: 'bytes' });
      } finally {
        TextEncoder.prototype.encode = encode;
      }
      expect(longest.chars).toBeLessThan(1024);
    },
  },
  {
    defect: 3,
    case: 'a 16 M-character REG_SZ in a file',
    input: 'hugeValue(2 ** 24)',
    outcome: 'the value read whole, by parseReg and scanKvp alike',
    owners: ['hostile (library)', 'cli (parse prints it; a 200 MB value)'],
    async check() {
      const bytes = hugeValue(2 ** 24);
      for (const doc of [parseReg(bytes), scanKvp(bytes)]) {
        expect((doc.keys[0]?.values[0]?.data as string).length).toBe(2 ** 24);
      }
    },
  },
  {
    defect: 3,
    case: 'a 4 M-character line in a skipped key and one in Guest\\Parameters, read in 64 KB chunks',
    input: 'hugeLines(2 ** 22), in 64 KB pieces',
    outcome:
      'both lines carried from piece to piece by appending, and searched on from where the last piece stopped: bytes copied and units searched in proportion to the file (each piece copied and searched the whole line again: 200 MB took 92 s)',
    owners: ['hostile (kvp-scan carry)'],
    async check() {
      const bytes = hugeLines(2 ** 22);
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += 65_536)
        pieces.push(bytes.subarray(at, at + 65_536));
      const { value: doc, copied, searched } = await typedArrayWork(() => scanKvp(pieces));
      expect(doc.keys.map((k) => [k.path, (k.values[0]?.data as string).length])).toEqual([
        [PARAMETERS, 2 ** 22],
      ]);
      // Doubling a buffer copies at most twice what it holds; the old carry copied ~64× the file.
      expect(copied).toBeLessThan(4 * bytes.length);
      expect(searched).toBeLessThan(4 * (bytes.length / 2));
    },
  },
  {
    defect: 3,
    case: '`parse --json` of a 64 MB value; `parse` of a 200 MB value',
    input: 'hugeValue(32 * 2 ** 20), hugeValue(100 * 2 ** 20)',
    outcome: 'the JSON and the text written in pieces, never one string past V8’s longest',
    owners: ['cli (streaming JSON writer, string-data.ts)'],
  },
  {
    defect: 3,
    case: 'a 200 MB REG_BINARY value in the snapshot',
    input: 'a file with "HostName"=hex:… of 200 MB (too large for a unit test)',
    outcome:
      'a snapshot whose hex text is bounded (today commaHex builds 600 M characters, past V8’s longest string)',
    owners: ['lead (snapshot.ts)', 'page (the tab does not crash)'],
  },
  // 4 · Spreads into calls.
  {
    defect: 4,
    case: '`analyze` text output of a key with 150,000 values',
    input: 'manyValues(150_000)',
    outcome:
      'the report, naming the first unknown values and counting the rest (push(...lines) overflowed the stack)',
    owners: ['hostile (text-report.ts)', 'lead (evidence bounded per result)'],
    async check() {
      const result = analyze(parseReg(manyValues(150_000)));
      const text = formatReport(result, 'vm.reg', false);
      expect(text).toContain('Not written by any known host: Value0, Value1,');
      expect(text).toContain('and 149,991 more.');
      expect(text).toContain('    · …: 149,951 more — not listed here');
      expect(text.split('\n').filter((line) => line.startsWith('    · Value')).length).toBe(49);
    },
  },
  {
    defect: 4,
    case: 'the page’s worker on a key with 100,000 values',
    input: 'manyValues(100_000), dropped on the page',
    outcome: 'the report (Math.max(...wanted) in parse-worker.ts overflowed the stack)',
    owners: ['readers (src/workers/parse-worker.ts)', 'page (e2e)'],
    async check() {
      // The library side: the scan the worker runs reads them all.
      expect(scanKvp(manyValues(100_000)).keys[0]?.values).toHaveLength(100_002);
    },
  },
  {
    defect: 4,
    case: 'Copy as Markdown of a value with 200,000 runs of backticks',
    input: "'x`'.repeat(200_000) as HostName",
    outcome: 'the Markdown, the value in a code span fenced by two backticks',
    owners: ['hostile (markdown.ts)', 'page (Copy as Markdown)'],
    async check() {
      const hostName = 'x`'.repeat(200_000);
      const markdown = toMarkdown(
        analyze(parseReg(regExport([`[${PARAMETERS}]`, `"HostName"="${hostName}"`]))),
        'vm.reg',
      );
      expect(markdown).toContain(`\`\`"${hostName}" (REG_SZ)\`\``);
    },
  },
  // 5 · Unbounded reads.
  {
    defect: 5,
    case: '`analyze /dev/zero`: an input that never ends',
    input: 'endless 1 MiB chunks of zero bytes',
    outcome:
      'scanKvp answers “not a registry export” after reading little more than a header’s worth (it read on, holding everything)',
    owners: ['readers (stream-decoder / text-reader)', 'cli (non-regular files in chunks)'],
    async check() {
      let read = 0;
      const zeros = (function* () {
        const chunk = new Uint8Array(1 << 20);
        while (read < 64 << 20) {
          read += chunk.length;
          yield chunk;
        }
      })();
      const doc = await scanKvp(zeros);
      expect(doc.format).toBe('none');
      expect(read).toBeLessThanOrEqual(4 << 20);
    },
  },
  {
    defect: 5,
    case: 'a 1.45 GB export on standard input; 600 MB of UTF-8 on standard input',
    input: 'test/bench/stdin.bench.ts (cli)',
    outcome:
      'read in chunks with the limits of a file: memory as by path, never “Invalid string length”',
    owners: ['cli'],
  },
  {
    defect: 5,
    case: 'a 600 MB UTF-8 export dropped on the page',
    input: 'largeExport in UTF-8, 600 MB (e2e)',
    outcome:
      'read in chunks in the worker (no new Uint8Array(file.size)); past the longest string a sentence saying which limit, never “not a registry export … but it is ""”',
    owners: ['readers'],
  },
  // 6 · The inflate cap and values on one line.
  {
    defect: 6,
    case: 'a deflate bomb: 64 MiB of zeros in a 65 KB link',
    input: 'linkOfPayload(new Uint8Array(64 * 2 ** 20))',
    outcome:
      "PermalinkError 'too-large' (“… it takes more than 1,048,576 bytes (1 MiB) uncompressed …”), after inflating at most the cap and one piece",
    owners: ['hostile (compression.ts)', 'page (shows the message)'],
    async check() {
      const link = await linkOfPayload(new Uint8Array(64 * 2 ** 20));
      let pushed = 0;
      const push = Inflate.prototype.push;
      Inflate.prototype.push = function (this: Inflate, chunk: Uint8Array, final?: boolean) {
        pushed += chunk.length;
        push.call(this, chunk, final);
      };
      try {
        expect((await refusal(link)).kind).toBe('too-large');
      } finally {
        Inflate.prototype.push = push;
      }
      // Zeros deflate about 1,000 to 1: the cap is passed within the first few KB of the link.
      expect(link.length).toBeGreaterThan(80_000);
      expect(pushed).toBeLessThanOrEqual(4096);
    },
  },
  {
    defect: 6,
    case: 'two values on one line in a 47-character link',
    input: 'factsWith([HostName line 4, VirtualMachineName line 4])',
    outcome: "PermalinkError 'damaged' (no file writes two values on one line)",
    owners: ['hostile (decoder)', 'page (values keyed so that any accepted link renders)'],
    async check() {
      const link = await linkOfPayload(
        encodeFactsV1(
          factsWith([
            { name: 'HostName', type: 1, data: 'a', line: 4 },
            { name: 'VirtualMachineName', type: 1, data: 'b', line: 4 },
          ]),
        ),
      );
      expect(link.length).toBeLessThanOrEqual(47);
      const error = await refusal(link);
      expect(error.kind).toBe('damaged');
      expect((error.cause as Error).message).toBe('two values of one key on one line');
    },
  },
  // 7 · Terminal injection.
  {
    defect: 7,
    case: 'escape sequences in a file’s key path, value names and data (`parse`)',
    input: `regExport with ${JSON.stringify(ESC_NAME)} as a path and a name, and with a forged line as hex(1) data`,
    outcome: 'every control written out (\\x1b …): no screen cleared, no OSC 8 link',
    owners: ['hostile (forTerminal in renderTree)'],
    async check() {
      // A REG_SZ written as hex(1) can hold any character, line breaks included.
      const data = wrappedHex('hex(1):', utf16leBytes(`${ESC_NAME}${FORGED}\0`));
      const doc = parseReg(
        regExport([`[HKEY_CURRENT_USER\\${ESC_NAME}]`, `"${ESC_NAME}"=${data}`]),
      );
      const text = [...renderTree(doc)].join('');
      expectNoControls(text);
      expect(text).toContain('\\x1b[2J');
      expect(text).not.toContain(FORGED);
    },
  },
  {
    defect: 7,
    case: 'escape sequences in a link, in the echoed file name, and a forged line (`analyze`)',
    input: `a link whose HostName is ${JSON.stringify(ESC_NAME + FORGED)}; the file name ${JSON.stringify(ESC_NAME)}`,
    outcome: 'the report with the data written out and only its own colour codes',
    owners: ['hostile (forTerminal in text-report.ts)'],
    async check() {
      const snapshot = assembleSnapshot(
        factsWith([{ name: `Host${FORGED}`, type: 1, data: ESC_NAME + FORGED, line: 4 }]),
      );
      const opened = await decodePermalink(await encodePermalink(snapshot));
      for (const colour of [false, true]) {
        const text = formatReport(analyze(opened), `${ESC_NAME}.reg`, colour);
        expectNoControls(text);
        expect(text).not.toContain(FORGED);
        expect(text).toContain('KVP analysis of x\\x1b[2J');
      }
    },
  },
  // 8 · Smaller.
  {
    defect: 8,
    case: 'Share of a snapshot over the link limit',
    input: 'buildSnapshot(parseReg(manyValues(150_000)))',
    outcome:
      'LinkTooLargeError: “This analysis is too large for a link: Guest\\Parameters holds 150,002 values, and a link carries at most 1,000 per key (a Hyper-V host writes 16 into Guest\\Parameters). Share the exported .reg file instead.” — never a link of 0 characters',
    owners: ['hostile (encoder)', 'page (ShareDialog shows it)'],
    async check() {
      await expectNoLink(
        buildSnapshot(parseReg(manyValues(150_000))),
        'This analysis is too large for a link: Guest\\Parameters holds 150,002 values, and a link carries at most 1,000 per key (a Hyper-V host writes 16 into Guest\\Parameters). Share the exported .reg file instead.',
      );
    },
  },
  {
    defect: 8,
    case: 'a closed standard output (`| head -c1`, a full disk)',
    input: 'kvp-analyzer analyze x.reg | head -c1',
    outcome: 'ends quietly with the run’s own exit code (no EPIPE stack trace, no exit 1)',
    owners: ['cli (node-io.ts)'],
  },
  {
    defect: 8,
    case: '`kvp-analyzer toString x.reg`',
    input: "runCli(['toString', 'x.reg'])",
    outcome: "exit 2, “unknown command 'toString'” (commands looked up among own entries only)",
    owners: ['cli (cli.ts, arguments.ts: --constructor=1 too)'],
    async check() {
      const io = fakeIo({ 'x.reg': regExport([]) });
      expect(await runCli(['toString', 'x.reg'], io)).toBe(2);
      expect(io.err).toContain("unknown command 'toString'");
    },
  },
  {
    defect: 8,
    case: 'names with U+200B, U+202E or a Cyrillic о',
    input: "'Host\\u200BName', '\\u202EHostName', 'H\\u043EstName' in Guest\\Parameters",
    outcome:
      'shown as Host⟨U+200B⟩Name and ⟨U+202E⟩HostName; each found to imitate HostName, saying what differs',
    owners: ['hostile (showInvisible, imitatedName)', 'page (shows them)', 'lead (integrity rule)'],
    async check() {
      const known = PARAMETERS_CATALOGUE.map((entry) => entry.name);
      const names = buildSnapshot(
        parseReg(
          regExport([
            `[${PARAMETERS}]`,
            '"Host\u200BName"="a"',
            '"\u202EHostName"="b"',
            '"H\u043EstName"="c"',
          ]),
        ),
      ).parameters.values.map((v) => v.name);
      expect(names.map(showInvisible)).toEqual([
        'Host⟨U+200B⟩Name',
        '⟨U+202E⟩HostName',
        'H\u043EstName',
      ]);
      expect(names.map((name) => imitatedName(name, known))).toEqual([
        { imitates: 'HostName', differences: ['invisible U+200B'] },
        { imitates: 'HostName', differences: ['invisible U+202E'] },
        { imitates: 'HostName', differences: ['"о" (U+043E, Cyrillic) for "o"'] },
      ]);
    },
  },
  {
    defect: 8,
    case: 'links no file could produce: duplicate names, a "DWORD" of 2^53',
    input: 'linkOfPayload(encodeFactsV1(factsWith([…]))), the 2^53 written by hand',
    outcome: "PermalinkError 'damaged'; no rule reads one of two duplicates",
    owners: ['hostile (decoder)'],
    async check() {
      const duplicate = await linkOfPayload(
        encodeFactsV1(
          factsWith([
            { name: 'HostingSystemOsMajor', type: 4, data: 6, line: 4 },
            { name: 'hostingsystemosmajor', type: 4, data: 10, line: 5 },
          ]),
        ),
      );
      const big = withDword(2 ** 53);
      for (const [link, why] of [
        [duplicate, 'two values of one key with one name'],
        [await linkOfPayload(big), 'a number is too large'],
      ] as const) {
        const error = await refusal(link);
        expect(error.kind).toBe('damaged');
        expect((error.cause as Error).message).toBe(why);
      }
    },
  },
  {
    defect: 8,
    case: '`--redact` with near-miss names of the identifying values',
    input: "'HostName ', 'H\\u043EstName', 'VirtualMachineName\\u200B', 'NetworkAddressIPv4 '",
    outcome: 'their data replaced by placeholders, as under the real names',
    owners: ['hostile (redact.ts)'],
    async check() {
      const snapshot = buildSnapshot(
        parseReg(
          regExport([
            `[${PARAMETERS}]`,
            '"HostName "="hv-node7.contoso.local"',
            '"H\u043EstName"="hv-node7"',
            '"VirtualMachineName\u200B"="payroll-db"',
            '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]',
            '"NetworkAddressIPv4 "="10.1.2.3"',
          ]),
        ),
      );
      const before = JSON.stringify(snapshot);
      const after = JSON.stringify(redactSnapshot(snapshot));
      for (const secret of ['hv-node7', 'contoso', 'payroll-db', '10.1.2.3']) {
        expect(before).toContain(secret);
        expect(after).not.toContain(secret);
      }
    },
  },
  {
    defect: 8,
    case: 'the page’s worker under the page’s Content-Security-Policy',
    input: 'the built page, its worker fetching another origin (e2e)',
    outcome:
      'the request refused by the CSP (a blob worker inherits it, or the service worker sets the header)',
    owners: ['page (vite.config.ts, start-worker.ts, e2e)'],
  },
];
