// What a first visit downloads: index.html and every script and stylesheet it references,
// gzipped (as a static host would serve them). Lazily imported chunks are not counted.
// Target (issue: the page): ≤ 60 KB for JS + CSS + HTML. Run after `npm run build`. Also the
// service worker's precache (downloaded after load) and the single-file page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(process.cwd(), 'dist');
const html = readFileSync(join(dist, 'index.html'));
const referenced = [...html.toString().matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map(
  (match) => match[1] ?? '',
);
const rows: [string, Buffer][] = [
  ['index.html', html],
  ...referenced.map((path): [string, Buffer] => [path, readFileSync(join(dist, path))]),
];
let raw = 0;
let gzipped = 0;
for (const [name, bytes] of rows) {
  const size = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(
    `${name.padEnd(40)} ${String(bytes.length).padStart(8)} B  gzip ${String(size).padStart(7)} B`,
  );
}
console.log(
  `first visit: ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzipped (target ≤ 60 KB)`,
);

// After the page is interactive the service worker downloads its precache: everything, once.
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = (
  JSON.parse(/__PRECACHE__ = (\{.*?\});/.exec(sw)?.[1] ?? '{"files":[]}') as {
    files: string[];
  }
).files.map((file) => (file === './' ? 'index.html' : file));
const precacheGzipped = precached.reduce(
  (sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  0,
);
console.log(
  `precache after load: ${precached.length} files, ${(precacheGzipped / 1024).toFixed(1)} KB gzipped`,
);
// The whole page as one file, for hosts with no network.
const single = readFileSync(join(dist, 'kvp-analyzer.html'));
console.log(
  `kvp-analyzer.html: ${(single.length / 1024).toFixed(1)} KB raw, ${(gzipSync(single, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`,
);
