export function startParseWorker(): Worker {
  return new Worker(new URL('../../workers/parse-worker.ts', import.meta.url), { type: 'module' });
}
