// `npm run bench`: builds once, then runs every *.bench.ts here in turn. Each prints its figures.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  // --expose-gc: benches that report the heap a result keeps collect the garbage first.
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, bench)], {
    cwd: root,
    stdio: 'inherit',
  });
}
