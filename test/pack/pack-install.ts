// `npm run test:pack` (part of `npm test`): the package as a user gets it. Packs it (npm pack
// runs `prepare`, which builds dist-cli), installs the tarball into an empty project without
// the network, and runs the installed `kvp-analyzer` from another folder: its version, and the
// analysis of a fixture. Fails (exit 1) on any difference; prints what it checked.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
};
const dir = mkdtempSync(join(tmpdir(), 'kvp-pack-'));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });

function check(what: string, ok: boolean, detail = ''): void {
  if (!ok) {
    console.error(`test:pack: FAILED — ${what}${detail ? `\n${detail}` : ''}`);
    process.exitCode = 1;
    throw new Error(what);
  }
  console.log(`test:pack: ok — ${what}`);
}

try {
  // The `prepare` build prints first; the JSON report is the rest.
  const output = npm(['pack', '--json', '--pack-destination', dir], root);
  const packed = JSON.parse(output.slice(output.search(/^\[/m))) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(dir, packed[0]?.filename ?? '');
  const files = (packed[0]?.files ?? []).map((f) => f.path).sort();
  check(
    `the tarball holds the command line, package.json and README only (${files.join(', ')})`,
    files.includes('dist-cli/kvp-analyzer.js') &&
      files.every(
        (f) => f.startsWith('dist-cli/') || ['package.json', 'README.md', 'LICENSE'].includes(f),
      ),
  );

  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    '{ "name": "uses-kvp-analyzer", "private": true }\n',
  );
  npm(['install', '--offline', tarball], project);
  const installed = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
  check(
    `installing it brings no dependencies (${installed.join(', ')})`,
    installed.join() === 'kvp-analyzer',
  );

  // From a folder below the project, as a user in any folder of it would run it.
  const elsewhere = join(project, 'some', 'folder');
  mkdirSync(elsewhere, { recursive: true });
  const npx = (args: string[]) =>
    spawnSync('npx', ['kvp-analyzer', ...args], {
      cwd: elsewhere,
      encoding: 'utf8',
      // Found in the project's node_modules/.bin: never fetched.
      env: { ...process.env, npm_config_offline: 'true' },
    });
  const shown = npx(['--version']);
  check(
    `npx kvp-analyzer --version prints ${version}`,
    shown.stdout === `${version}\n`,
    shown.stderr,
  );
  const fixture = join(root, 'test/fixtures/vm-regedit5-utf16.reg');
  const report = npx(['analyze', fixture, '--json']);
  const json = report.status === 0 || report.status === 1 ? JSON.parse(report.stdout) : null;
  check(
    `npx kvp-analyzer analyze <fixture> --json gives the verdicts (exit ${report.status})`,
    Array.isArray(json?.verdicts) && json.verdicts.length > 0,
    report.stderr,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
