// Link sizes: our schema-encoded deflate-raw link vs lz-string (what the TypeScript playground
// uses) and vs deflate-raw of the JSON, for every page sample, with and without redaction.
// Prints fragment lengths in characters (sizes, not timings). Target: the 16-value sample ≤ 400.
import LZString from 'lz-string';
import { samples } from '../../src/app/samples/index.ts';
import { loadBytes } from '../../src/lib/inputs/load.ts';
import type { KvpSnapshot } from '../../src/lib/kvp/snapshot.ts';
import { toBase64url } from '../../src/lib/permalink/base64url.ts';
import { deflateRaw } from '../../src/lib/permalink/compression.ts';
import { encodePermalink, redactSnapshot } from '../../src/lib/permalink/index.ts';

async function sizes(snapshot: KvpSnapshot): Promise<number[]> {
  const json = JSON.stringify(snapshot);
  return [
    (await encodePermalink(snapshot)).length,
    LZString.compressToEncodedURIComponent(json).length,
    `#${toBase64url(await deflateRaw(new TextEncoder().encode(json)))}`.length,
    json.length,
  ];
}

const header = ['sample', 'redacted', 'ours', 'lz-string', 'deflate(JSON)', 'JSON'];
console.log(header.map((h, i) => (i < 2 ? h.padEnd(i ? 9 : 28) : h.padStart(14))).join(''));
for (const sample of samples) {
  // Read as the page reads the sample's file: a collector file gives one snapshot per VM.
  const guests = loadBytes([{ name: sample.fileName, bytes: await sample.load() }]).flatMap(
    (result) => ('guests' in result ? result.guests : []),
  );
  for (const [index, { snapshot }] of guests.entries()) {
    const label = guests.length > 1 ? `${sample.id} ${index + 1}` : sample.id;
    for (const redacted of [false, true]) {
      const row = await sizes(redacted ? redactSnapshot(snapshot) : snapshot);
      console.log(
        label.padEnd(28) +
          (redacted ? 'yes' : 'no').padEnd(9) +
          row.map((n) => String(n).padStart(14)).join(''),
      );
    }
  }
}
