// Reads the page's files off the main thread, so the page stays responsive and Cancel ends the
// reading at once: each file from its stream, in chunks, through the one loader (src/lib/inputs).
import { fileSource } from '../lib/inputs/input-source.ts';
import { loadInputs } from '../lib/inputs/load.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

const post = (reply: WorkerReply) => postMessage(reply);

async function read(files: File[]): Promise<void> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  let lastPost = 0;
  const results = await loadInputs(files.map(fileSource), {
    source: true,
    onProgress(bytes) {
      if (bytes - lastPost > total / 50) {
        lastPost = bytes;
        post({ type: 'progress', fraction: (0.9 * bytes) / Math.max(1, total) });
      }
    },
  });
  post({ type: 'done', results });
}

onmessage = (event: MessageEvent<WorkerRequest>) => {
  read(event.data.files).catch((error: unknown) =>
    post({ type: 'failed', message: `Could not read the files: ${(error as Error).message}` }),
  );
};
