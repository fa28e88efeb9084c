// Real inputs for the component tests: sample texts encoded as regedit writes them, read by the
// page's own loader, analysed by the real rules. Nothing here invents a result.
import { samples } from '../../src/app/samples/index.ts';
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { FileAnalysis } from '../../src/app/state/file-analysis.svelte.ts';
import { loadReportCode } from '../../src/app/state/report-code.svelte.ts';
import { loadBytes } from '../../src/lib/inputs/load.ts';
import type { LoadedGuest } from '../../src/lib/inputs/loaded-guest.ts';
import { analyze, type AnalysisResult, type WhatIf } from '../../src/lib/rules/index.ts';

// The page loads the rules and the report with the first input; these tests have them at once.
await loadReportCode();

export type SampleId =
  'healthy' | 'offered' | 'host-6-3' | 'parameters-missing' | 'host-10-0' | 'hand-edited';

/** A .reg sample's text: its bytes as regedit writes them, decoded (BOM dropped, LF line ends). */
export async function sampleText(id: SampleId): Promise<string> {
  const sample = samples.find((candidate) => candidate.id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  return new TextDecoder('utf-16le').decode(await sample.load()).replace(/\r\n/g, '\n');
}

/** Bytes → the page's loader, as for a file of that name: its one report, or its error. */
export function loadFile(name: string, bytes: Uint8Array): LoadedGuest | { error: string } {
  const [result] = loadBytes([{ name, bytes }], { source: true });
  if (!result) throw new Error('the loader gave no result');
  if ('error' in result) return { error: result.error };
  const [guest] = result.guests;
  if (!guest) throw new Error('the loader gave no report');
  return guest;
}

/** Text → UTF-16LE-with-BOM bytes → the page's loader; throws when the loader refuses it. */
export function loadRegText(text: string): LoadedGuest {
  const loaded = loadFile('export.reg', regeditBytes(text));
  if ('error' in loaded) throw new Error(`not loadable: ${loaded.error}`);
  return loaded;
}

export async function loadSample(id: SampleId): Promise<LoadedGuest> {
  return loadRegText(await sampleText(id));
}

export async function analyzeSample(id: SampleId, whatIf: WhatIf = {}): Promise<AnalysisResult> {
  return analyze((await loadSample(id)).snapshot, whatIf);
}

/** A finished FileAnalysis, as the session makes one for a sample. */
export function finishedAnalysis(name: string, text: string): FileAnalysis {
  const bytes = regeditBytes(text);
  const analysis = new FileAnalysis(name, bytes.length);
  analysis.finish(loadFile(name, bytes));
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
