// Writes dist/sw.js: the service worker of src/app/offline/service-worker.ts with the list of
// files to precache (every file of the build and of public/) and a cache name derived from their
// bytes, so any change to any of them installs a new cache. A few lines instead of Workbox: the
// page needs one cache-first precache and nothing else, and workbox-build would bring Babel,
// Rollup and about a hundred packages into the build for it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const SOURCE = 'src/app/offline/service-worker.ts';
export const SERVICE_WORKER_FILE = 'sw.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export function precache(): Plugin {
  let publicDir = '';
  let root = '';
  return {
    name: 'kvp-analyzer:precache',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      const add = (name: string, bytes: string | Uint8Array) => {
        // The page is cached as "./": the address people open and the scope's own URL.
        files.push(name === 'index.html' ? './' : name);
        hash.update(name).update('\0').update(bytes).update('\0');
      };
      for (const output of Object.values(bundle)) {
        add(output.fileName, output.type === 'chunk' ? output.code : output.source);
      }
      if (publicDir) {
        for (const path of filesUnder(publicDir)) {
          add(relative(publicDir, path).split('\\').join('/'), readFileSync(path));
        }
      }
      files.sort();
      const precacheList = { cache: `kvp-analyzer-${hash.digest('hex').slice(0, 16)}`, files };
      const source = readFileSync(join(root, SOURCE), 'utf8');
      const { code } = await transformWithOxc(source, SOURCE, { lang: 'ts' });
      this.emitFile({
        type: 'asset',
        fileName: SERVICE_WORKER_FILE,
        source: `const __PRECACHE__ = ${JSON.stringify(precacheList)};\n${code}`,
      });
    },
  };
}
