// The fleet table's rows: one a report, sorted by any column and filtered by outcome. Plain
// functions over the reports, so that the table stays a drawing of them.
import { guestRecord } from '../../lib/report/fleet-record.ts';
import { needsAttention, type RulePack, type Tone, type Verdict } from '../../lib/rules/index.ts';
import type { FileAnalysis } from './file-analysis.svelte.ts';

export interface FleetRow {
  analysis: FileAnalysis;
  vm: string;
  host: string;
  /** Each pack's verdict by pack id; none while the report is read or when it cannot be. */
  verdicts: ReadonlyMap<string, Verdict>;
}

export type SortDirection = 'ascending' | 'descending';
/** A column: 'name', 'vm', 'host' or a pack's id. */
export interface FleetSort {
  column: string;
  direction: SortDirection;
}

/** 'all', 'attention', 'unreadable', or "<pack id>:<outcome>". */
export type FleetFilter = string;

export function fleetRow(analysis: FileAnalysis): FleetRow {
  const { loaded, result } = analysis;
  if (!loaded || !result) return { analysis, vm: '', host: '', verdicts: new Map() };
  const record = guestRecord(analysis.source, analysis.name, loaded.snapshot, result);
  // What the input reports, not a what-if; a collector file names the host itself.
  const version = loaded.snapshot.hostVersion;
  const host = record.host ?? '';
  return {
    analysis,
    vm: record.vm ?? '',
    host: version ? `${host || 'Host'} (${version.major}.${version.minor})` : host,
    verdicts: new Map(result.verdicts.map((verdict) => [verdict.pack, verdict])),
  };
}

/** Attention first when sorting by a pack: bad, attention, neutral, good. */
const TONE_RANK: Record<Tone, number> = { bad: 0, attention: 1, neutral: 2, good: 3 };

/** What a row is sorted by in a column; `undefined` when it has nothing there. */
function sortKey(row: FleetRow, column: string): { rank: number; text: string } | undefined {
  const text = (value: string) => (value === '' ? undefined : { rank: 0, text: value });
  if (column === 'name') return text(row.analysis.name);
  if (column === 'vm') return text(row.vm);
  if (column === 'host') return text(row.host);
  const verdict = row.verdicts.get(column);
  return verdict && { rank: TONE_RANK[verdict.tone], text: verdict.label };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The rows in the order asked for: a stable sort (rows alike keep the order they were opened in),
 * and rows with nothing in the column last, whichever the direction.
 */
export function sortedRows(rows: readonly FleetRow[], sort: FleetSort | null): FleetRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column) }));
  keyed.sort(({ key: a }, { key: b }) => {
    if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
    return sign * (a.rank - b.rank || collator.compare(a.text, b.text));
  });
  return keyed.map(({ row }) => row);
}

export function matchesFilter(row: FleetRow, filter: FleetFilter): boolean {
  const { status } = row.analysis;
  if (filter === 'all') return true;
  if (filter === 'unreadable') return status === 'failed' || status === 'cancelled';
  if (filter === 'attention') return [...row.verdicts.values()].some(needsAttention);
  const [pack, outcome] = filter.split(':');
  return pack !== undefined && row.verdicts.get(pack)?.outcome === outcome;
}

export interface FilterGroup {
  pack: RulePack;
  outcomes: { value: FleetFilter; label: string; count: number }[];
}

/** For each pack, the outcomes its rows have, with how many rows have each. */
export function filterGroups(rows: readonly FleetRow[], packs: readonly RulePack[]): FilterGroup[] {
  return packs
    .map((pack) => {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const outcome = row.verdicts.get(pack.id)?.outcome;
        if (outcome !== undefined) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      }
      const outcomes = Object.entries(pack.outcomes)
        .filter(([id]) => counts.has(id))
        .map(([id, spec]) => ({
          value: `${pack.id}:${id}`,
          label: spec.label,
          count: counts.get(id) ?? 0,
        }));
      return { pack, outcomes };
    })
    .filter((group) => group.outcomes.length > 0);
}

/** The packs that apply to at least one row: the others would be a column of "not applicable". */
export function packsInUse(rows: readonly FleetRow[], packs: readonly RulePack[]): RulePack[] {
  return packs.filter((pack) =>
    rows.some((row) => {
      const outcome = row.verdicts.get(pack.id)?.outcome;
      return outcome !== undefined && outcome !== 'not-applicable';
    }),
  );
}
