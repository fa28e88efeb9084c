// Everything opened on the page this visit, and which report is shown. Files are read in the
// parse worker, whatever their size (the page never freezes, and Cancel always works); files
// opened together are read together, so that the pool files of one Linux guest give one report
// and a collector file one report per VM.
import type { InputResult } from '../../lib/inputs/loaded-guest.ts';
import type { KvpSnapshot } from '../../lib/kvp/snapshot.ts';
import { FileAnalysis } from './file-analysis.svelte.ts';
import { loadedFromLink } from './loaded-link.ts';
import { isSameReport } from './same-report.ts';
import { readInWorker } from './read-in-worker.ts';
import { loadReportCode } from './report-code.svelte.ts';

/** The list with `head` replaced by the reports shown for it that are not on the list yet. */
function placed(files: FileAnalysis[], head: FileAnalysis, shown: FileAnalysis[]): FileAnalysis[] {
  const added = shown.filter((analysis) => analysis === head || !files.includes(analysis));
  const list: FileAnalysis[] = [];
  for (const file of files) {
    if (file !== head) list.push(file);
    else for (const analysis of added) list.push(analysis);
  }
  return list;
}

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
   * A report already on the page — the same file opened again — stays one row.
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
    const earlier = this.files.filter((file) => !reading.includes(file));
    let firstShown: FileAnalysis | null = null;
    for (const result of results) {
      const mine = result.inputs.map((name) => {
        const at = queue.findIndex((analysis) => analysis.name === name);
        return at === -1 ? undefined : queue.splice(at, 1)[0];
      });
      const [head, ...rest] = mine.filter((analysis) => analysis !== undefined);
      // Removed from the page (or cancelled) while it was read: nothing to put in place.
      if (!head || head.status !== 'reading' || !this.files.includes(head)) continue;
      this.files = this.files.filter((file) => !rest.includes(file));
      if (rest.length > 0) head.source = { file: head.source.file, files: result.inputs };
      if ('error' in result) {
        head.fail(result.error);
        firstShown ??= head;
        continue;
      }
      const shown = result.guests.map((guest, index) => {
        const same = earlier.find((file) => isSameReport(file.loaded, guest));
        if (same) return same;
        const analysis = index === 0 ? head : new FileAnalysis(guest.name, 0, head.source);
        analysis.finish(guest);
        return analysis;
      });
      this.files = placed(this.files, head, shown);
      for (const analysis of shown) if (!earlier.includes(analysis)) earlier.push(analysis);
      firstShown ??= shown[0] ?? null;
    }
    if (wasSelected && firstShown && !this.files.some((file) => file.id === this.selectedId)) {
      this.selectedId = firstShown.id;
    }
  }

  /** Takes a report off the page; one being read stops, with the files read together with it. */
  remove(id: string): void {
    const file = this.files.find((candidate) => candidate.id === id);
    if (!file) return;
    if (file.status === 'reading') file.stop();
    const at = this.files.indexOf(file);
    this.files = this.files.filter((candidate) => candidate !== file);
    if (this.selectedId === id) {
      this.selectedId = (this.files[at] ?? this.files[at - 1])?.id ?? null;
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
