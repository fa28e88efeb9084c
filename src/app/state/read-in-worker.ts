// Starts the parse worker on one file; the caller can cancel, which ends the worker at once.
import type { WorkerReply, WorkerRequest } from '../../workers/messages.ts';
import type { LoadedExport } from './loaded-export.ts';
import { startParseWorker } from './start-worker.ts';

export interface WorkerReading {
  done: Promise<LoadedExport | { error: string }>;
  cancel: () => void;
}

export function readInWorker(file: File, onProgress: (fraction: number) => void): WorkerReading {
  const worker = startParseWorker();
  const done = new Promise<LoadedExport | { error: string }>((resolve) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply.fraction);
        return;
      }
      worker.terminate();
      resolve(reply.type === 'done' ? reply.loaded : { error: reply.message });
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ error: `Reading stopped: ${event.message || 'the worker failed'}` });
    };
  });
  const request: WorkerRequest = { type: 'read', file };
  worker.postMessage(request);
  return { done, cancel: () => worker.terminate() };
}
