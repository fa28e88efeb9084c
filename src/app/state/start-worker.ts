// Starts the parse worker under the page's own Content-Security-Policy. A worker loaded from its
// own URL takes its policy from that script's response headers, and a static host sends none, so
// the page's <meta> policy would not reach it. A worker made from a blob: URL inherits the policy
// of the document that creates it (CSP Level 3, "Initialize a worker's policy container"; HTML,
// "worker's policy container" for local schemes), so the worker starts as a blob and loads its
// code from there: `connect-src 'none'` then forbids its requests as it does the page's.
import workerUrl from '../../workers/parse-worker.ts?worker&url';
import { INLINE_WORKER_ID } from './inline-worker.ts';

export function startParseWorker(): Worker {
  // The dev server serves the worker as an ES module and sets no policy: load it as it is.
  if (import.meta.env.DEV) return new Worker(workerUrl, { type: 'module' });
  const inlined = document.getElementById(INLINE_WORKER_ID)?.textContent;
  const code =
    inlined ?? `importScripts(${JSON.stringify(new URL(workerUrl, location.href).href)});`;
  // The worker revokes its own URL once it runs: nothing else may start from it.
  const blob = new Blob(['URL.revokeObjectURL(self.location.href);\n', code], {
    type: 'text/javascript',
  });
  return new Worker(URL.createObjectURL(blob));
}
