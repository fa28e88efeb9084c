// Are the Data Exchange values plausible and consistent? The host's values (host-values.ts), the
// guest's own (guest-values.ts), and whether the key holds only what a host writes (hygiene.ts).
// These rules read the input only: what-if values do not change them.

import { parametersPresentRule } from '../parameters-present.ts';
import type { CheckResult, RulePack, VerdictDecision } from '../types.ts';
import type { SnapshotView } from '../view.ts';
import { autoConsistentRule, guestConsistentRule } from './integrity/guest-values.ts';
import {
  architectureRule,
  baseValuesRule,
  editionRule,
  hostVersionRule,
  namesRule,
  throttleRule,
  vmIdRule,
} from './integrity/host-values.ts';
import {
  caseRule,
  legacyRule,
  lookAlikeNamesRule,
  lookAlikeRule,
  numberTypesRule,
  unknownRule,
} from './integrity/hygiene.ts';

export const INTEGRITY_PACK_ID = 'kvp-integrity';

function first(results: CheckResult[], statuses: readonly string[]): string | null {
  const found = results.filter((r) => statuses.includes(r.status));
  const head = found[0];
  if (!head) return null;
  const more =
    found.length > 1
      ? ` (And ${found.length - 1} more ${found.length === 2 ? 'problem' : 'problems'}.)`
      : '';
  return `${head.message}${more}`;
}

function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  const { parameters } = view;
  if (parameters.state === 'not-collected') {
    return {
      outcome: 'unknown',
      reason:
        'This kind of input does not carry the host’s values, so their integrity cannot be checked.',
    };
  }
  if (parameters.state !== 'present') {
    const line = parameters.facts.line;
    return {
      outcome: 'absent',
      reason:
        parameters.state === 'deleted'
          ? `The file deletes Guest\\Parameters (${line === null ? 'position unknown' : parameters.where(line)}), so there are no host values to check.`
          : 'Guest\\Parameters is not in the file, so there are no host values to check.',
    };
  }
  const broken = first(results, ['fail', 'error']);
  if (broken) return { outcome: 'broken', reason: broken };
  const suspicious = first(results, ['warn']);
  if (suspicious) return { outcome: 'suspicious', reason: suspicious };
  return { outcome: 'healthy', reason: 'The host’s values are present, plausible and consistent.' };
}

export const kvpIntegrityPack: RulePack = {
  id: INTEGRITY_PACK_ID,
  title: 'Data Exchange (KVP) values: plausible and consistent',
  label: 'KVP values',
  question: 'Are the Data Exchange values present, plausible and consistent, or were they edited?',
  outcomes: {
    healthy: { label: 'Healthy', tone: 'good' },
    suspicious: { label: 'Suspicious', tone: 'attention' },
    broken: { label: 'Broken', tone: 'bad' },
    absent: { label: 'No host values', tone: 'attention' },
    unknown: { label: 'Cannot tell', tone: 'neutral' },
  },
  rules: [
    parametersPresentRule,
    baseValuesRule,
    numberTypesRule,
    vmIdRule,
    hostVersionRule,
    editionRule,
    architectureRule,
    throttleRule,
    namesRule,
    caseRule,
    unknownRule,
    legacyRule,
    lookAlikeRule,
    lookAlikeNamesRule,
    guestConsistentRule,
    autoConsistentRule,
  ],
  verdict,
};
