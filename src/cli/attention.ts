// What needs attention — the exit code's 1, and all that --quiet prints: a verdict whose tone is
// attention or bad, among every pack's or only those --fail-on names; and the checks that failed
// or warned in such a pack.
import { RULE_PACKS, needsAttention, type AnalysisResult } from '../lib/rules/index.ts';
import type { CheckResult, Verdict } from '../lib/rules/types.ts';
import { UsageError, nearest } from './arguments.ts';

export class Attention {
  /** `packs`: the pack ids --fail-on names; undefined for every pack. */
  constructor(private readonly packs?: ReadonlySet<string>) {}

  private counts(pack: string): boolean {
    return this.packs === undefined || this.packs.has(pack);
  }

  /** The verdicts that need attention, in the result's order. */
  verdicts(result: AnalysisResult): Verdict[] {
    return result.verdicts.filter((v) => this.counts(v.pack) && needsAttention(v));
  }

  needed(result: AnalysisResult): boolean {
    return this.verdicts(result).length > 0;
  }

  /** The failed and warning checks of the packs whose verdict needs attention. */
  checks(result: AnalysisResult): CheckResult[] {
    const packs = new Set(this.verdicts(result).map((v) => v.pack));
    return result.checks.filter(
      (check) =>
        (check.status === 'fail' || check.status === 'warn') &&
        check.packs.some((pack) => packs.has(pack)),
    );
  }
}

/** The packs of `--fail-on a,b`: each a pack id, else a usage error naming the nearest one. */
export function failOnPacks(value: string): Set<string> {
  const known = RULE_PACKS.map((pack) => pack.id);
  const packs = new Set<string>();
  for (const part of value.split(',')) {
    const id = part.trim();
    if (id === '') continue;
    if (!known.includes(id)) {
      const near = nearest(id, known);
      throw new UsageError(
        `--fail-on: there is no pack “${id}”${near === undefined ? '' : ` — did you mean ${near}?`} (the packs: ${known.join(', ')})`,
      );
    }
    packs.add(id);
  }
  if (packs.size === 0) throw new UsageError(`--fail-on needs pack ids, such as ${known[0]}`);
  return packs;
}
