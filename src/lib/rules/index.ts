// The one entry: RegDocument or KvpSnapshot (+ what-if) → AnalysisResult, and its JSON form.
// A snapshot alone gives the same result as the document it came from (permalinks rely on it).

import { parseMajorMinor } from '../kvp/os-versions.ts';
import { buildSnapshot, withGiven, type KvpSnapshot, type WhatIf } from '../kvp/snapshot.ts';
import type { RegDocument } from '../reg/types.ts';
import { runPacks } from './engine.ts';
import { azureProvisioningPack } from './packs/azure-provisioning.ts';
import { guestSupportPack } from './packs/guest-support.ts';
import { hostIntegrationPack } from './packs/host-integration.ts';
import { linuxKvpPack } from './packs/linux-kvp.ts';
import { hostPlatformPack } from './packs/host-platform.ts';
import { kb3004908Pack } from './packs/wu-ic-kb3004908.ts';
import { kvpIntegrityPack } from './packs/kvp-integrity.ts';
import { nestingPack } from './packs/nesting.ts';
import { servicingPack } from './packs/wu-ic-servicing.ts';
import type { CheckResult, RulePack, Verdict } from './types.ts';

export type {
  CheckResult,
  CheckStatus,
  Evidence,
  Fix,
  Reference,
  Rule,
  RulePack,
  Tone,
  Verdict,
} from './types.ts';
export type { KvpSnapshot, WhatIf } from '../kvp/snapshot.ts';

/**
 * Verdicts come out in this order: today's questions first (how ICs reach the guest, whether it is
 * supported, whether the values hold, what the host and a Linux guest say), then what it runs
 * on, and the 2014 update last.
 */
export const RULE_PACKS: readonly RulePack[] = [
  servicingPack,
  guestSupportPack,
  kvpIntegrityPack,
  hostIntegrationPack,
  linuxKvpPack,
  azureProvisioningPack,
  hostPlatformPack,
  nestingPack,
  kb3004908Pack,
];

/** A verdict that says its pack does not apply to this kind of input (shown in one line). */
export function notApplicable(verdict: Verdict): boolean {
  return verdict.outcome === 'not-applicable';
}

/** The pack of a check or verdict, by its id. */
export function rulePack(id: string): RulePack | undefined {
  return RULE_PACKS.find((pack) => pack.id === id);
}

export interface AnalysisResult {
  input: KvpSnapshot['input'];
  snapshot: KvpSnapshot;
  checks: CheckResult[];
  verdicts: Verdict[];
}

/** Parses what-if text; throws an Error saying which input is not "major.minor". */
export function parseWhatIf(whatIf: WhatIf): KvpSnapshot['given'] {
  const given: KvpSnapshot['given'] = {};
  if (whatIf.guestOs !== undefined) {
    const pair = parseMajorMinor(whatIf.guestOs);
    if (!pair) throw new Error(`the guest OS “${whatIf.guestOs}” is not major.minor, e.g. 6.1`);
    given.guestOs = pair;
  }
  if (whatIf.hostVersion !== undefined) {
    const pair = parseMajorMinor(whatIf.hostVersion);
    if (!pair)
      throw new Error(`the host version “${whatIf.hostVersion}” is not major.minor, e.g. 6.4`);
    given.hostVersion = pair;
  }
  return given;
}

function isSnapshot(input: RegDocument | KvpSnapshot): input is KvpSnapshot {
  return 'schema' in input;
}

/** Runs every rule pack. Throws only for a malformed what-if (see parseWhatIf). */
export function analyze(
  input: RegDocument | KvpSnapshot,
  whatIf: WhatIf = {},
  packs: readonly RulePack[] = RULE_PACKS,
): AnalysisResult {
  const base = isSnapshot(input) ? input : buildSnapshot(input);
  const snapshot = withGiven(base, parseWhatIf(whatIf));
  const { checks, verdicts } = runPacks(packs, snapshot);
  return { input: { ...snapshot.input }, snapshot, checks, verdicts };
}

export type AnalyzeJson = Pick<AnalysisResult, 'input' | 'snapshot' | 'checks' | 'verdicts'>;

/** The JSON the CLI prints and the page offers as a download. */
export function toAnalyzeJson(result: AnalysisResult): AnalyzeJson {
  return {
    input: { format: result.input.format, encoding: result.input.encoding },
    snapshot: result.snapshot,
    checks: result.checks,
    verdicts: result.verdicts,
  };
}

/** Whether a verdict (or a pack's outcome) asks the reader to act: its tone is attention or bad. */
export function needsAttention(verdict: Pick<Verdict, 'tone'>): boolean {
  return verdict.tone === 'attention' || verdict.tone === 'bad';
}
