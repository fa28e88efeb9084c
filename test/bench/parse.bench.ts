// npm run bench: parser speed on a ≥ 40 MB UTF-16LE export. Prints figures, asserts nothing.
// Targets (task brief): full parse ≤ 4× a bare TextDecoder decode of the same bytes; the KVP fast
// path (scanKvp) ≤ 1×, for a whole buffer and for chunks. The machine may be shared: each figure
// is the median (and min) of several runs after a warm-up. Values work out their second form
// (data from hex bytes, bytes from text) on first read (src/lib/reg/value.ts): the row that
// reads every value shows what that leaves for a caller that wants them all.
import { parseReg, parseRegChunks, scanKvp } from '../../src/lib/reg';
import { largeExportBytes } from '../support/large-export';

const KVP_SAMPLE = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
  '"HostName"="HV-NODE3.contoso.local"',
  '"VirtualMachineName"="web-01"',
  '"HostingSystemOsMajor"=dword:0000000a',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]',
  '"CurrentBuild"="20348"',
  '"UBR"=dword:00000a3c',
  '',
].join('\r\n');

const RUNS = 7;
const CHUNK_BYTES = 1 << 20;

const bytes = largeExportBytes(42 * 1024 * 1024, KVP_SAMPLE);
const mb = bytes.length / (1024 * 1024);
const pieces: Uint8Array[] = [];
for (let i = 0; i < bytes.length; i += CHUNK_BYTES) pieces.push(bytes.subarray(i, i + CHUNK_BYTES));
console.log(
  `export: ${mb.toFixed(1)} MB UTF-16LE with BOM; chunks of ${CHUNK_BYTES >> 20} MB; ${RUNS} runs after a warm-up, node ${process.version}`,
);

interface Timing {
  median: number;
  min: number;
}

async function time(run: () => unknown): Promise<Timing> {
  await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? NaN, min: ms[0] ?? NaN };
}

/** A full parse whose caller then reads every value's bytes and data (what `parse --json` does). */
function parseAndReadAll(): number {
  let seen = 0;
  for (const key of parseReg(bytes).keys) {
    for (const value of key.values) {
      seen += value.bytes.length;
      if (value.data !== null) seen++;
    }
  }
  return seen;
}

const decode = await time(() => new TextDecoder('utf-16le').decode(bytes));
const rows: [string, Timing, number | null][] = [
  ['TextDecoder decode', decode, null],
  ['full parse (parseReg)', await time(() => parseReg(bytes)), 4],
  ['chunked parse (parseRegChunks)', await time(() => parseRegChunks(pieces)), null],
  ['full parse + read every value', await time(parseAndReadAll), null],
  ['scanKvp (buffer)', await time(() => scanKvp(bytes)), 1],
  ['scanKvp (chunks)', await time(() => scanKvp(pieces)), 1],
];
for (const [name, t, target] of rows) {
  const ratio = t.median / decode.median;
  const verdict =
    target === null ? '' : `  target ≤ ${target}×: ${ratio <= target ? 'met' : 'NOT met'}`;
  console.log(
    `${name.padEnd(31)} median ${t.median.toFixed(1).padStart(7)} ms  min ${t.min.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2).padStart(5)}× decode  ${(mb / (t.median / 1000)).toFixed(0).padStart(5)} MB/s${verdict}`,
  );
}
const doc = scanKvp(bytes);
console.log(`KVP keys found: ${doc.keys.map((k) => k.path).join(', ')}`);
