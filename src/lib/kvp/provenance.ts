// Where a fact came from. Every fact the analyzer shows keeps this, so a reader can check it against
// the input (design.md: "every result carries the evidence it was decided on").

/**
 * How the positions of one input's facts are named: lines of a text (a .reg export, `reg query`
 * output), records of a binary Linux pool file, items of a list (the host's WMI items, a VM in
 * a collector file), or one named place that has no number (the host part of a collector file).
 * Absent means lines.
 */
export type Locator =
  | { kind: 'line' }
  | { kind: 'record'; file: string }
  | { kind: 'item'; list: string }
  | { kind: 'place'; text: string };

/** A fact read from the input (1-based position), or one the user gave for a what-if. */
export type Provenance = { kind: 'file'; line: number; locator?: Locator } | { kind: 'given' };

export const GIVEN: Provenance = { kind: 'given' };

export function fromLine(line: number, locator?: Locator): Provenance {
  return locator && locator.kind !== 'line'
    ? { kind: 'file', line, locator }
    : { kind: 'file', line };
}

/**
 * "line 12", "record 4 of .kvp_pool_3", "item 3 of GuestIntrinsicExchangeItems", or a place's own
 * words ("the host in hosts.json"; `at` is then not shown).
 */
export function describeLocation(at: number, locator?: Locator): string {
  if (!locator || locator.kind === 'line') return `line ${at}`;
  if (locator.kind === 'record') return `record ${at} of ${locator.file}`;
  if (locator.kind === 'item') return `item ${at} of ${locator.list}`;
  return locator.text;
}

/** "line 12" (or the input's own terms, see describeLocation) or "given by you". */
export function describeProvenance(provenance: Provenance): string {
  return provenance.kind === 'file'
    ? describeLocation(provenance.line, provenance.locator)
    : 'given by you';
}
