// Where evidence points in an input: lines of its text, or places in its own terms ("record 4 of
// .kvp_pool_3") — the source view highlights both, and "show" goes to either.

export interface Positions {
  lines: Set<number>;
  places: Set<string>;
}

/** The positions of evidence items ({ source: "line 12" | "record 4 of …", line }). */
export function evidencePositions(
  evidence: readonly { source: string; line: number | null }[],
  places: readonly { place: string; line: number }[] = [],
): Positions {
  const lineOf = new Map(places.map((entry) => [entry.place, entry.line]));
  const out: Positions = { lines: new Set(), places: new Set() };
  for (const item of evidence) {
    if (item.line === null) continue;
    const onLine = lineOf.get(item.source);
    if (onLine !== undefined) out.lines.add(onLine);
    else if (item.source === `line ${item.line}`) out.lines.add(item.line);
    else out.places.add(item.source);
  }
  return out;
}

/** An element id for a place: its words, with anything but letters and digits as "-". */
export function placeId(prefix: string, place: string): string {
  return `${prefix}-${place.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
