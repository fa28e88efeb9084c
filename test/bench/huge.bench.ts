// npm run bench: an export larger than a JavaScript string can hold, read in chunks as they are
// made (the input is never held whole). Prints, for the KVP fast path and for the full chunked
// parse, the time, what the result keeps on the heap and the process's peak memory, beside the
// size of the input: memory grows with the result, not with the input. Asserts nothing.
import { constants } from 'node:buffer';
import { parseRegChunks, scanKvp } from '../../src/lib/reg';
import type { RegDocument } from '../../src/lib/reg';
import { largeExportChunks } from '../support/large-export';

const KVP_SAMPLE = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]',
  '"HostName"="HV-NODE3.contoso.local"',
  '"HostingSystemOsMajor"=dword:0000000a',
  '',
].join('\r\n');

const MB = 1024 * 1024;
// Over 1 GiB of UTF-16LE: more characters than V8's longest string (2^29 − 24).
const SIZE = 1100 * MB;

function counted(): { chunks: Iterable<Uint8Array>; bytes: () => number } {
  let bytes = 0;
  function* chunks() {
    for (const chunk of largeExportChunks(SIZE, KVP_SAMPLE)) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { chunks: chunks(), bytes: () => bytes };
}

function valueCount(doc: RegDocument): number {
  return doc.keys.reduce((n, key) => n + key.values.length, 0);
}

/** Reads the export through `read`; prints time, the heap the result keeps, peak memory so far. */
async function measure(
  label: string,
  read: (chunks: Iterable<Uint8Array>) => Promise<RegDocument>,
) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const input = counted();
  const started = performance.now();
  const doc = await read(input.chunks);
  const ms = performance.now() - started;
  gc?.();
  const kept = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    `${label.padEnd(16)} input ${(input.bytes() / MB).toFixed(0)} MB → ${doc.keys.length} keys, ` +
      `${valueCount(doc)} values in ${(ms / 1000).toFixed(1)} s (the input is made while read, in that time); ` +
      `the result keeps ${(Math.max(0, kept) / MB).toFixed(0)} MB of heap; peak process memory so far ` +
      `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

console.log(
  `the longest string this engine makes: ${constants.MAX_STRING_LENGTH} characters = ${((constants.MAX_STRING_LENGTH * 2) / MB).toFixed(0)} MB of UTF-16`,
);
{
  const input = counted();
  const started = performance.now();
  for (const chunk of input.chunks) void chunk;
  console.log(`making the input alone: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// The small result first, so that its peak memory is not the full parse's.
await measure('scanKvp', (chunks) => scanKvp(chunks));
await measure('parseRegChunks', (chunks) => parseRegChunks(chunks));
