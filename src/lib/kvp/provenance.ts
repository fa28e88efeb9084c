// Where a fact came from. Every fact the analyzer shows keeps this, so a reader can check it against
// the file (design.md: "every result carries the evidence it was decided on").

/** A fact read from the file (1-based physical line), or one the user gave for a what-if. */
export type Provenance = { kind: 'file'; line: number } | { kind: 'given' };

export const GIVEN: Provenance = { kind: 'given' };

export function fromLine(line: number): Provenance {
  return { kind: 'file', line };
}

/** "line 12" or "given by you". */
export function describeProvenance(provenance: Provenance): string {
  return provenance.kind === 'file' ? `line ${provenance.line}` : 'given by you';
}
