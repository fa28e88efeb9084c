// dist/kvp-analyzer.html: the whole page in one file, for hosts with no network that open it
// from disk (file://). A second build of the page with every lazy chunk inlined into the one
// script; this plugin then puts that script, the stylesheet, the icon and the parse worker's code
// into index.html and writes nothing else. The policy is kept: the two inline elements are
// allowed by their hashes (never 'unsafe-inline'), the worker by `worker-src blob:`.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import { INLINE_WORKER_ID } from '../app/state/inline-worker.ts';
import { contentSecurityPolicy } from './csp.ts';

export const SINGLE_FILE = 'kvp-analyzer.html';
export const SINGLE_FILE_MODE = 'single';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Text safe inside <script> or <style>: nothing in it may end the element early. */
function inlinable(code: string, what: string): string {
  // "<!--" then "<script" would make the parser read a later "</script>" as text (HTML, "script
  // data double escaped state"); Svelte's "<!---->" alone is harmless.
  if (/<!--/.test(code) && /<script/i.test(code)) {
    throw new Error(`${what} holds "<!--" and "<script", which cannot be inlined`);
  }
  // "<\/script" means the same in strings, templates and regular expressions.
  return code.replace(/<\/(script|style)/gi, '<\\/$1');
}

function replaceOnce(html: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
  if (matches.length !== 1)
    throw new Error(`index.html: expected one ${what}, found ${matches.length}`);
  return html.replace(pattern, () => replacement);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function assemble(bundle: OutputBundle, publicDir: string): string {
  const outputs = Object.values(bundle);
  const html = outputs.find((output) => output.fileName === 'index.html') as OutputAsset;
  const entries = outputs.filter(
    (output): output is OutputChunk => output.type === 'chunk' && output.isEntry,
  );
  const chunks = outputs.filter((output) => output.type === 'chunk');
  const styles = outputs.filter(
    (output): output is OutputAsset => output.type === 'asset' && output.fileName.endsWith('.css'),
  );
  const workers = outputs.filter(
    (output) => output.type === 'asset' && /(^|\/)parse-worker-[^/]*\.js$/.test(output.fileName),
  ) as OutputAsset[];
  const [entry] = entries;
  const [style] = styles;
  const [worker] = workers;
  if (!entry || chunks.length !== 1 || !style || styles.length !== 1 || !worker) {
    throw new Error(
      `single file: expected one script, one stylesheet and one worker, got ${chunks.length}, ${styles.length}, ${workers.length}`,
    );
  }
  const script = inlinable(entry.code, entry.fileName);
  const css = inlinable(String(style.source), style.fileName);
  const workerCode = inlinable(String(worker.source), worker.fileName);
  const icon = readFileSync(join(publicDir, 'favicon.svg')).toString('base64');
  const policy = contentSecurityPolicy([sha256(script)], [sha256(css)]);

  let page = String(html.source);
  page = replaceOnce(
    page,
    new RegExp(`<script[^>]*\\ssrc="\\./${escapeRegExp(entry.fileName)}"[^>]*></script>`),
    `<script type="module">${script}</script>`,
    'entry script',
  );
  page = replaceOnce(
    page,
    new RegExp(`<link[^>]*\\shref="\\./${escapeRegExp(style.fileName)}"[^>]*>`),
    `<style>${css}</style>`,
    'stylesheet',
  );
  page = replaceOnce(
    page,
    /href="\.\/favicon\.svg"/,
    `href="data:image/svg+xml;base64,${icon}"`,
    'icon',
  );
  // Opened from disk there is nothing to install: no manifest, no home-screen icon to fetch.
  page = replaceOnce(page, /\s*<link rel="manifest"[^>]*>/, '', 'manifest link');
  page = replaceOnce(page, /\s*<link rel="apple-touch-icon"[^>]*>/, '', 'home-screen icon link');
  page = replaceOnce(
    page,
    /<head>/,
    `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
    '<head>',
  );
  page = replaceOnce(
    page,
    /<\/body>/,
    `<script type="text/plain" id="${INLINE_WORKER_ID}">${workerCode}</script>\n  </body>`,
    '</body>',
  );
  return page;
}

/** Where mode "single" writes its bundle before it is put into one file. */
export const SINGLE_FILE_STAGING = 'node_modules/.cache/kvp-single-file';

/** Mode "single": turns the bundle into dist/kvp-analyzer.html, then removes the bundle. */
export function singleFile(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'kvp-analyzer:single-file',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(root, config.build.outDir);
    },
    // Once written, the bundle's code is final (Vite fills in its preload lists after
    // generateBundle).
    writeBundle(_options, bundle) {
      writeFileSync(join(root, 'dist', SINGLE_FILE), assemble(bundle, join(root, 'public')));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** In the page's build: once it is written, builds the single file beside it. */
export function alsoBuildSingleFile(): Plugin {
  let configFile: string | undefined;
  return {
    name: 'kvp-analyzer:also-single-file',
    apply: 'build',
    configResolved(config) {
      configFile = config.configFile;
    },
    async closeBundle() {
      await build({ configFile, mode: SINGLE_FILE_MODE, logLevel: 'warn' });
    },
  };
}
