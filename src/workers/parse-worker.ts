// Reads a large export off the main thread, so the page stays responsive: the file is read in
// chunks (progress), then only the keys KVP Analyzer needs are parsed (scanKvp's fast path), and
// only the lines of those keys are sent back for the source view.
import { buildSnapshot } from '../lib/kvp/snapshot.ts';
import { decodeRegBytes } from '../lib/reg/decode.ts';
import { scanKvp } from '../lib/reg/index.ts';
import type { SourceLine } from '../app/state/loaded-export.ts';
import { whyNotAnExport } from '../lib/reg/not-an-export.ts';
import type { RegDocument } from '../lib/reg/types.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

/** Lines shown around each diagnostic in the excerpt. */
const CONTEXT = 2;
/** Beyond this the decoded text would not fit in one string; the source view is then omitted. */
const LARGEST_SHOWN = 256 * 1024 * 1024;

const post = (reply: WorkerReply) => postMessage(reply);

async function readAll(file: File): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let lastPost = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, offset);
    offset += value.length;
    if (offset - lastPost > file.size / 50) {
      lastPost = offset;
      post({ type: 'progress', fraction: (0.9 * offset) / file.size });
    }
  }
  return bytes;
}

/** The line ranges worth showing: every kept key's block, and the lines around each diagnostic. */
function wantedLines(document: RegDocument): Set<number> {
  const wanted = new Set<number>();
  const add = (from: number, to: number) => {
    for (let line = Math.max(1, from); line <= to; line++) wanted.add(line);
  };
  for (const op of document.ops) add(op.line, op.op === 'value' ? op.value.endLine : op.line);
  for (const diagnostic of document.diagnostics) {
    add(diagnostic.line - CONTEXT, diagnostic.line + CONTEXT);
  }
  add(1, 1);
  return wanted;
}

function excerpt(text: string, wanted: Set<number>): SourceLine[] {
  const lines: SourceLine[] = [];
  const last = Math.max(...wanted);
  const breaks = /\r\n|\r|\n/g;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; line <= last && start <= text.length; line++) {
    const match = breaks.exec(text);
    const end = match ? match.index : text.length;
    if (wanted.has(line)) lines.push({ line, text: text.slice(start, end) });
    if (!match) break;
    start = breaks.lastIndex;
  }
  return lines;
}

async function read(file: File): Promise<void> {
  const bytes = await readAll(file);
  const document = scanKvp(bytes);
  const error = whyNotAnExport(document);
  if (error) {
    post({ type: 'failed', message: error });
    return;
  }
  const source =
    file.size <= LARGEST_SHOWN ? excerpt(decodeRegBytes(bytes).text, wantedLines(document)) : [];
  post({
    type: 'done',
    loaded: {
      format: document.format,
      encoding: document.encoding,
      diagnostics: document.diagnostics,
      snapshot: buildSnapshot(document),
      source,
      partial: true,
      origin: 'file',
      keys: document.keys,
    },
  });
}

onmessage = (event: MessageEvent<WorkerRequest>) => {
  read(event.data.file).catch((error: unknown) =>
    post({ type: 'failed', message: `Could not read the file: ${(error as Error).message}` }),
  );
};
