// Everything opened on the page this visit, and which report is shown. Small exports are read
// at once on the main thread (fastest: no worker start-up); larger ones in a worker with progress.
import { FileAnalysis } from './file-analysis.svelte.ts';
import type { KvpSnapshot } from '../../lib/kvp/snapshot.ts';
import { loadExport, loadText, type LoadedExport } from './loaded-export.ts';
import { loadedFromLink } from './loaded-link.ts';
import { readInWorker } from './read-in-worker.ts';

/** Up to this size a file parses in well under 100 ms, so a worker would only add latency. */
export const MAIN_THREAD_LIMIT = 2 * 1024 * 1024;

export class Session {
  files = $state<FileAnalysis[]>([]);
  selectedId = $state<string | null>(null);

  readonly selected: FileAnalysis | null = $derived(
    this.files.find((file) => file.id === this.selectedId) ?? null,
  );

  /** Opens dropped or picked files; the first becomes the one shown. */
  openFiles(files: Iterable<File>): void {
    const opened = [...files].map((file) => this.readFile(file));
    if (opened[0]) this.selectedId = opened[0].id;
  }

  /** Opens bytes that are already in memory: a sample. */
  openBytes(name: string, bytes: Uint8Array): FileAnalysis {
    return this.openLoaded(name, bytes.length, loadExport(bytes));
  }

  /** Opens pasted text. */
  openText(name: string, text: string): FileAnalysis {
    return this.openLoaded(name, text.length, loadText(text));
  }

  /** Opens the values a shared link carries, with the what-if it was shared with. */
  openLink(snapshot: KvpSnapshot): FileAnalysis {
    const { loaded, whatIf } = loadedFromLink(snapshot);
    const analysis = this.openLoaded('shared link', 0, loaded);
    analysis.whatIf = whatIf;
    return analysis;
  }

  private openLoaded(name: string, size: number, loaded: LoadedExport | { error: string }) {
    const analysis = new FileAnalysis(name, size);
    analysis.finish(loaded);
    this.files.push(analysis);
    this.selectedId = analysis.id;
    return analysis;
  }

  select(id: string): void {
    this.selectedId = id;
  }

  clear(): void {
    for (const file of this.files) if (file.status === 'reading') file.stop();
    this.files = [];
    this.selectedId = null;
  }

  private readFile(file: File): FileAnalysis {
    const analysis = new FileAnalysis(file.name, file.size);
    this.files.push(analysis);
    if (file.size <= MAIN_THREAD_LIMIT) {
      file
        .arrayBuffer()
        .then((buffer) => analysis.finish(loadExport(new Uint8Array(buffer))))
        .catch((error: unknown) =>
          analysis.fail(`Could not read the file: ${(error as Error).message}`),
        );
    } else {
      const reading = readInWorker(file, (fraction) => {
        analysis.progress = fraction;
      });
      analysis.cancel = reading.cancel;
      void reading.done.then((loaded) => {
        if (analysis.status === 'reading') analysis.finish(loaded);
      });
    }
    return analysis;
  }
}
