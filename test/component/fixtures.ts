// Real inputs for the component tests: sample texts encoded as regedit writes them, read by the
// page's own loader, analysed by the real rules. Nothing here invents a result.
import { samples } from '../../src/app/samples/index.ts';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { FileAnalysis } from '../../src/app/state/file-analysis.svelte.ts';
import { loadExport, type LoadedExport } from '../../src/app/state/loaded-export.ts';
import { analyze, type AnalysisResult, type WhatIf } from '../../src/lib/rules/index.ts';

export type SampleId =
  'healthy' | 'offered' | 'host-6-3' | 'parameters-missing' | 'host-10-0' | 'hand-edited';

export async function sampleText(id: SampleId): Promise<string> {
  const sample = samples.find((candidate) => candidate.id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  return sample.load();
}

/** Text → UTF-16LE-with-BOM bytes → the page's loader; throws when the loader refuses it. */
export function loadRegText(text: string): LoadedExport {
  const loaded = loadExport(regeditBytes(text));
  if ('error' in loaded) throw new Error(`not loadable: ${loaded.error}`);
  return loaded;
}

export async function loadSample(id: SampleId): Promise<LoadedExport> {
  return loadRegText(await sampleText(id));
}

export async function analyzeSample(id: SampleId, whatIf: WhatIf = {}): Promise<AnalysisResult> {
  return analyze((await loadSample(id)).snapshot, whatIf);
}

/** A finished FileAnalysis, as the session makes one for a sample. */
export function finishedAnalysis(name: string, text: string): FileAnalysis {
  const bytes = regeditBytes(text);
  const analysis = new FileAnalysis(name, bytes.length);
  analysis.finish(loadExport(bytes));
  return analysis;
}

export const REG_HEADER = 'Windows Registry Editor Version 5.00';
export const PARAMETERS_KEY =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters';
export const AUTO_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto';

/** A .reg export's text from its lines (after the header line and a blank line). */
export function regText(lines: string[]): string {
  return `${REG_HEADER}\n\n${lines.join('\n')}\n\n`;
}
