// What did cloud-init or azure-init report of provisioning? Both write to pool 1 (.kvp_pool_1), the
// guest's items the host reads: a PROVISIONING_REPORT of success or of the error with its reason,
// time, agent and documentation address, and their events (src/lib/kvp/provisioning-events.ts
// gives the sources). Azure reads the report to tell a provisioning failure from a slow boot
// [3P: cloud-init's Azure data source reports it "to host"].

import { poolOf, type LinuxPool } from '../../kvp/linux-pools.ts';
import {
  provisioningEvents,
  type ProvisioningEvent,
  type ProvisioningEvents,
  type ProvisioningReport,
} from '../../kvp/provisioning-events.ts';
import { boundedEvidence, nameList } from '../evidence.ts';
import { DOCS } from '../references.ts';
import type {
  CheckResult,
  Evidence,
  Rule,
  RuleOutcome,
  RulePack,
  VerdictDecision,
} from '../types.ts';
import type { SnapshotView } from '../view.ts';

export const AZURE_PROVISIONING_PACK_ID = 'azure-provisioning';

interface Pool1 {
  pool: LinuxPool;
  decoded: ProvisioningEvents;
}

// Decoded once per snapshot: the rules and the verdict read the same records.
const decodedOf = new WeakMap<LinuxPool, ProvisioningEvents>();

function pool1(view: SnapshotView): Pool1 | null | undefined {
  const linux = view.snapshot.linux;
  if (!linux) return undefined;
  const pool = poolOf(linux, 1);
  if (!pool) return null;
  let decoded = decodedOf.get(pool);
  if (!decoded) {
    decoded = provisioningEvents(pool.records);
    decodedOf.set(pool, decoded);
  }
  return { pool, decoded };
}

function at(pool: LinuxPool, record: number): string {
  return `record ${record} of ${pool.name}`;
}

function reportEvidence(pool: LinuxPool, report: ProvisioningReport): Evidence[] {
  return report.fields.map((field) => ({
    name: field.name || '(no name)',
    actual: field.value,
    expected: field.name === 'result' ? 'success' : '',
    source: at(pool, report.record),
    line: report.record,
  }));
}

function eventEvidence(pool: LinuxPool, event: ProvisioningEvent): Evidence {
  const record = event.records[0] ?? 0;
  return {
    name: `${event.agent} ${event.type} ${event.name}`,
    actual: [event.time, event.result, event.message].filter((part) => part).join(' · '),
    expected: event.agent === 'cloud-init' ? 'SUCCESS' : 'no ERROR',
    source: at(pool, record),
    line: record,
  };
}

/** Events that say something went wrong: a cloud-init step that ended in FAIL, an azure-init ERROR. */
function failing(events: readonly ProvisioningEvent[]): ProvisioningEvent[] {
  return events.filter((e) =>
    e.agent === 'cloud-init' ? e.result === 'FAIL' : e.type === 'ERROR',
  );
}

const NOT_LINUX = 'This is not a Linux guest’s pool files.';

const reportRule: Rule = {
  id: 'provisioning-report',
  title: 'Provisioning reported success',
  failureTitle: 'Provisioning reported an error',
  description:
    'cloud-init and azure-init write a PROVISIONING_REPORT into pool 1 when provisioning ends: result=success, or result=error with the reason, the time, the agent and a page that explains the error.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    noPool: 'There is no .kvp_pool_1 among the files given, so no report can be read.',
    none: 'Pool 1 holds no PROVISIONING_REPORT.',
    success: '{{agent}} reported success at {{time}}.',
    error: '{{agent}} reported an error at {{time}}: {{reason}}. {{documentation}}',
  },
  fix: {
    error: (_context, data) => ({
      summary: `Fix what the error names, then redeploy or restart the VM; the report’s page explains the error: ${String(data.url)}`,
    }),
  },
  evaluate({ view }): RuleOutcome {
    const found = pool1(view);
    if (found === undefined) return { status: 'not-applicable', messageId: 'notLinux' };
    if (found === null) return { status: 'not-applicable', messageId: 'noPool' };
    const report = found.decoded.reports.at(-1);
    if (!report) return { status: 'not-applicable', messageId: 'none' };
    const data = {
      agent: report.agent ?? 'The provisioning agent',
      time: report.timestamp ?? 'an unknown time',
      reason: report.reason ?? 'no reason given',
      url: report.documentationUrl ?? 'https://aka.ms/linuxprovisioningerror',
      documentation: report.documentationUrl
        ? `Microsoft explains it at ${report.documentationUrl}.`
        : '',
    };
    const evidence = reportEvidence(found.pool, report);
    if (report.result === 'success')
      return { status: 'pass', messageId: 'success', data, evidence };
    return { status: 'fail', messageId: 'error', data, evidence };
  },
};

const eventsRule: Rule = {
  id: 'provisioning-events',
  title: 'Provisioning steps succeeded',
  failureTitle: 'Provisioning steps failed',
  description:
    'cloud-init records each step as start and finish events (with SUCCESS, WARN or FAIL), and azure-init its spans and messages by level, in pool 1 in the order they happened.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    notLinux: NOT_LINUX,
    none: 'Pool 1 holds no cloud-init or azure-init events.',
    ok: '{{count}} events, none failed.',
    failed: 'Failed: {{list}}.',
  },
  evaluate({ view }): RuleOutcome {
    const found = pool1(view);
    if (!found)
      return { status: 'not-applicable', messageId: found === undefined ? 'notLinux' : 'none' };
    const { events } = found.decoded;
    if (events.length === 0) return { status: 'not-applicable', messageId: 'none' };
    const bad = failing(events);
    // The events in order are the evidence: what happened before the failure matters.
    const evidence = boundedEvidence(events, (e) => eventEvidence(found.pool, e));
    if (bad.length === 0)
      return { status: 'pass', messageId: 'ok', data: { count: events.length }, evidence };
    return {
      status: 'warn',
      messageId: 'failed',
      data: {
        list: nameList(
          bad.map(
            (e) => `${e.name}${e.time ? ` at ${e.time}` : ''}${e.message ? ` (${e.message})` : ''}`,
          ),
        ),
      },
      evidence,
    };
  },
};

function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  const found = pool1(view);
  if (found === undefined) return { outcome: 'not-applicable', reason: NOT_LINUX };
  const report = results.find((r) => r.id === reportRule.id);
  const events = results.find((r) => r.id === eventsRule.id);
  if (report?.status === 'fail') return { outcome: 'failed', reason: report.message };
  if (report?.status === 'pass') {
    const also = events?.status === 'warn' ? ` Still, some steps failed: ${events.message}` : '';
    return { outcome: 'succeeded', reason: `${report.message}${also}` };
  }
  if (events?.status === 'warn') {
    return {
      outcome: 'failed',
      reason: `No PROVISIONING_REPORT, but cloud-init or azure-init recorded failures. ${events.message}`,
    };
  }
  const none =
    found === null
      ? 'There is no .kvp_pool_1 among the files given.'
      : 'Pool 1 holds no PROVISIONING_REPORT.';
  return { outcome: 'no-report', reason: none };
}

export const azureProvisioningPack: RulePack = {
  id: AZURE_PROVISIONING_PACK_ID,
  title: 'What cloud-init or the Azure agent reported of provisioning',
  label: 'Provisioning',
  question: 'What did cloud-init or azure-init report of this Linux VM’s provisioning?',
  outcomes: {
    succeeded: { label: 'Succeeded', tone: 'good' },
    failed: { label: 'Failed', tone: 'bad' },
    'no-report': { label: 'No report', tone: 'neutral' },
    'not-applicable': { label: 'Not a Linux guest', tone: 'neutral' },
  },
  rules: [reportRule, eventsRule],
  verdict,
};
