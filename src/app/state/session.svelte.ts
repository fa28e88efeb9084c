// Everything opened on the page this visit, and which report is shown. Files are read in the
// parse worker, whatever their size (the page never freezes, and Cancel always works); files
// opened together are read together, so that the pool files of one Linux guest give one report
// and a collector file one report per VM.
import type { InputResult } from '../../lib/inputs/loaded-guest.ts';
import type { KvpSnapshot } from '../../lib/kvp/snapshot.ts';
import { FileAnalysis } from './file-analysis.svelte.ts';
import { loadedFromLink } from './loaded-link.ts';
import { readInWorker } from './read-in-worker.ts';
import { loadReportCode } from './report-code.svelte.ts';

export class Session {
  files = $state<FileAnalysis[]>([]);
  selectedId = $state<string | null>(null);

  readonly selected: FileAnalysis | null = $derived(
    this.files.find((file) => file.id === this.selectedId) ?? null,
  );

  /** Opens dropped or picked files; the first becomes the one shown. */
  openFiles(files: Iterable<File>): void {
    const list = [...files];
    if (list.length === 0) return;
    const reading = list.map((file) => new FileAnalysis(file.name, file.size));
    for (const item of reading) this.files.push(item);
    this.selectedId = reading[0]?.id ?? null;
    const worker = readInWorker(list, (fraction) => {
      for (const analysis of reading) analysis.progress = fraction;
    });
    // Cancel stops the whole reading: every file read with this one.
    const cancel = () => {
      for (const analysis of reading) analysis.cancel = null;
      worker.cancel();
      for (const analysis of reading) if (analysis.status === 'reading') analysis.stop();
    };
    for (const analysis of reading) analysis.cancel = cancel;
    // The report's code loads while the worker reads; a report is finished with both.
    void Promise.all([worker.done, loadReportCode()]).then(
      ([results]) => this.settle(reading, results),
      (error: unknown) =>
        this.settle(reading, { error: `Could not analyse: ${(error as Error).message}.` }),
    );
  }

  /** Opens bytes that are already in memory: a sample. */
  openBytes(name: string, bytes: Uint8Array): void {
    this.openFiles([new File([bytes as Uint8Array<ArrayBuffer>], name)]);
  }

  /** Opens pasted text (read as the UTF-8 it becomes). */
  openText(name: string, text: string): void {
    this.openFiles([new File([text], name)]);
  }

  /** Opens the values a shared link carries, with the what-if it was shared with. */
  async openLink(snapshot: KvpSnapshot): Promise<FileAnalysis> {
    await loadReportCode();
    const { loaded, whatIf } = loadedFromLink(snapshot);
    const analysis = new FileAnalysis(loaded.name, 0);
    analysis.finish(loaded);
    analysis.whatIf = whatIf;
    this.files.push(analysis);
    this.selectedId = analysis.id;
    return analysis;
  }

  /**
   * Puts the reports in place of the files they came from: a file's first report takes its row,
   * more reports (the VMs of a collector file) follow it, and the other files of a pool set go.
   */
  private settle(reading: FileAnalysis[], results: InputResult[] | { error: string }): void {
    const pending = reading.filter((analysis) => analysis.status === 'reading');
    if (pending.length === 0) return;
    if ('error' in results) {
      for (const analysis of pending) analysis.fail(results.error);
      return;
    }
    const queue = [...reading];
    const wasSelected = reading.some((analysis) => analysis.id === this.selectedId);
    let firstShown: FileAnalysis | null = null;
    for (const result of results) {
      const mine = result.inputs.map((name) => {
        const at = queue.findIndex((analysis) => analysis.name === name);
        return at === -1 ? undefined : queue.splice(at, 1)[0];
      });
      const [head, ...rest] = mine.filter((analysis) => analysis !== undefined);
      if (!head || head.status !== 'reading') continue;
      this.files = this.files.filter((file) => !rest.includes(file));
      if ('error' in result) {
        head.fail(result.error);
      } else {
        const [first, ...more] = result.guests;
        if (first) head.finish(first);
        const after = more.map((guest) => {
          const analysis = new FileAnalysis(guest.name, 0);
          analysis.finish(guest);
          return analysis;
        });
        this.files.splice(this.files.indexOf(head) + 1, 0, ...after);
      }
      firstShown ??= head;
    }
    if (wasSelected && firstShown && !this.files.some((file) => file.id === this.selectedId)) {
      this.selectedId = firstShown.id;
    }
  }

  select(id: string): void {
    this.selectedId = id;
  }

  clear(): void {
    for (const file of this.files) if (file.status === 'reading') file.stop();
    this.files = [];
    this.selectedId = null;
  }
}
