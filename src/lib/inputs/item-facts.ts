// Inputs that are lists of name/value items rather than registry text — a Linux guest's pool
// records, the host's view of a guest's items — made into snapshot facts through the registry
// document model: each item a value written at its position, folded as a .reg file's values are
// (a repeated name: the last wins, every write listed), positions named in the input's terms.
import type { InputEncoding, InputFormat } from '../kvp/input-format.ts';
import { AUTO_PATH, CURRENT_VERSION_PATH, PARAMETERS_PATH } from '../kvp/paths.ts';
import type { Locator } from '../kvp/provenance.ts';
import { documentFacts, type KeyFactsInFile, type SnapshotFacts } from '../kvp/snapshot.ts';
import type { InputDiagnostic } from './input-diagnostic.ts';
import type { RegOp } from '../reg/types.ts';
import { ParsedValue } from '../reg/value.ts';
import { documentOf } from './document-read.ts';
import type { Diagnostic } from '../reg/types.ts';

/** The items of one key: where they sit and what they are; the key is there even when empty. */
export interface KeyItems {
  locator: Locator;
  items: readonly { name: string; data: string; at: number }[];
}

/** The facts of the keys an input has; those it does not carry at all are 'not-collected'. */
export function itemFacts(
  input: { format: InputFormat; encoding: InputEncoding },
  keys: { parameters?: KeyItems | 'absent'; auto?: KeyItems },
): SnapshotFacts {
  const ops: RegOp[] = [];
  for (const [path, key] of [
    [PARAMETERS_PATH, keys.parameters],
    [AUTO_PATH, keys.auto],
  ] as const) {
    if (!key || key === 'absent') continue;
    ops.push({ op: 'key', line: key.items[0]?.at ?? 1, path });
    for (const { name, data, at } of key.items) {
      ops.push({ op: 'value', line: at, path, value: ParsedValue.ofString(name, data, at) });
    }
  }
  const facts = documentFacts(documentOf({ ops, diagnostics: [] }), input);
  const located = (facts: KeyFactsInFile, key: KeyItems | 'absent' | undefined): KeyFactsInFile => {
    if (key === undefined)
      return { state: 'not-collected', path: facts.path, line: null, values: [] };
    return key === 'absent' ? facts : { ...facts, locator: key.locator };
  };
  return {
    ...facts,
    parameters: located(facts.parameters, keys.parameters),
    auto: located(facts.auto, keys.auto),
    currentVersion: { state: 'not-collected', path: CURRENT_VERSION_PATH, line: null, values: [] },
  };
}

/**
 * A reader's notes as notes on lines of the input's text: `lineOf` finds the line of a note's
 * place ("item 3", "line 12"); a note with none is about the input as a whole (line 0), and
 * keeps its place in its words.
 */
export function notesOnLines(
  notes: readonly InputDiagnostic[],
  lineOf: (at: string) => number | undefined = () => undefined,
): Diagnostic[] {
  return notes.map(({ severity, message, at }) => {
    const line = at === undefined ? undefined : lineOf(at);
    if (line !== undefined) return { line, severity, message };
    return { line: 0, severity, message: at === undefined ? message : `${at}: ${message}` };
  });
}
