// Reads files through the loader in the parse worker; the caller can cancel, which ends the
// worker at once. Where no Worker exists (the component tests' jsdom) the same loader runs here.
import type { InputResult } from '../../lib/inputs/loaded-guest.ts';
import type { WorkerReply, WorkerRequest } from '../../workers/messages.ts';
import { startParseWorker } from './start-worker.ts';

export interface Reading {
  /** One result per file, or per pool files of one guest; an error for the whole batch. */
  done: Promise<InputResult[] | { error: string }>;
  cancel: () => void;
}

/** The loader on this thread, loaded only here: the page itself never carries it. */
async function loadHere(files: File[]): Promise<InputResult[]> {
  const [{ memorySource }, { loadInputs }] = await Promise.all([
    import('../../lib/inputs/input-source.ts'),
    import('../../lib/inputs/load.ts'),
  ]);
  const sources = await Promise.all(
    files.map(async (file) =>
      memorySource(file.name, new Uint8Array(await file.arrayBuffer()), file.lastModified),
    ),
  );
  return loadInputs(sources, { source: true });
}

function readHere(files: File[]): Reading {
  const done = loadHere(files).catch((error: unknown) => ({
    error: `Could not read the files: ${(error as Error).message}`,
  }));
  return { done, cancel: () => undefined };
}

export function readInWorker(files: File[], onProgress: (fraction: number) => void): Reading {
  if (typeof Worker === 'undefined') return readHere(files);
  const worker = startParseWorker();
  const done = new Promise<InputResult[] | { error: string }>((resolve) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply.fraction);
        return;
      }
      worker.terminate();
      resolve(reply.type === 'done' ? reply.results : { error: reply.message });
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ error: `Reading stopped: ${event.message || 'the worker failed'}` });
    };
  });
  const request: WorkerRequest = { type: 'read', files };
  worker.postMessage(request);
  return { done, cancel: () => worker.terminate() };
}
