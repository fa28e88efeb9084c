// What the Hyper-V host's own view of a VM says (the host collector file): Data Exchange turned
// off for the VM on the host (then Hyper-V Manager shows no IP address: it reads the guest's
// addresses through Data Exchange [3P: hashicorp/vagrant #8551, rancher/k3os #380]); an
// integration service in ProtocolMismatch, the state Get-VMIntegrationService's own example
// selects as out of date ("Get-VMIntegrationService"); DisableHostKVPItems set, which "disables the
// host from automatically populating host name and OS information inside the guest"
// ("Msvm_KvpExchangeComponentSettingData class"); a running guest that reports nothing.

import { dataExchangeService } from '../../kvp/host-view.ts';
import type { VmFacts } from '../../kvp/host-view.ts';
import { nameList } from '../evidence.ts';
import { ENABLE_DATA_EXCHANGE, ENABLE_DATA_EXCHANGE_SUMMARY, makeFix } from '../fixes.ts';
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

export const HOST_INTEGRATION_PACK_ID = 'host-integration';

function vmOf(view: SnapshotView): VmFacts | undefined {
  return view.snapshot.vm;
}

function place(vm: VmFacts): string {
  return `VM ${vm.name} in the collector file`;
}

function vmEvidence(vm: VmFacts, name: string, actual: string, expected: string): Evidence {
  return { name, actual, expected, source: place(vm), line: null };
}

const NOT_HOST = 'This input is not the host’s view of a VM (a host collector file).';

const dataExchangeRule: Rule = {
  id: 'host-data-exchange',
  title: 'Data Exchange is on for this VM',
  failureTitle: 'Data Exchange is off for this VM on the host',
  description:
    'With Data Exchange off on the host, the guest gets no host values and the host sees none of the guest’s — Hyper-V Manager then shows no IP address for the VM.',
  references: [DOCS.manageIntegrationServices, DOCS.integrationServices],
  requires: [],
  messages: {
    notHost: NOT_HOST,
    absent: 'The collector lists no Data Exchange (Key-Value Pair Exchange) service for this VM.',
    on: 'Key-Value Pair Exchange is enabled for {{vm}}.',
    off: 'Key-Value Pair Exchange is disabled for {{vm}} on the host.',
  },
  fix: { off: (context) => makeFix(context, ENABLE_DATA_EXCHANGE_SUMMARY, ENABLE_DATA_EXCHANGE) },
  evaluate({ view }): RuleOutcome {
    const vm = vmOf(view);
    if (!vm) return { status: 'not-applicable', messageId: 'notHost' };
    const service = dataExchangeService(vm);
    if (!service) return { status: 'incomplete', messageId: 'absent' };
    const evidence = [
      vmEvidence(vm, service.name, service.enabled ? 'enabled' : 'disabled', 'enabled'),
    ];
    return service.enabled
      ? { status: 'pass', messageId: 'on', data: { vm: vm.name }, evidence }
      : { status: 'fail', messageId: 'off', data: { vm: vm.name }, evidence };
  },
};

const protocolRule: Rule = {
  id: 'host-integration-protocol',
  title: 'The guest’s integration services are current',
  failureTitle: 'The guest’s integration services are out of date',
  description:
    'Hyper-V reports an integration service whose guest side is older than the host’s as SecondaryOperationalStatus ProtocolMismatch; Get-VMIntegrationService’s own example lists out-of-date services that way. On Linux guests the host may report a version mismatch that is harmless.',
  references: [DOCS.manageIntegrationServices],
  requires: [],
  messages: {
    notHost: NOT_HOST,
    ok: 'No integration service reports ProtocolMismatch.',
    mismatch: 'Out of date (ProtocolMismatch): {{list}}.',
  },
  fix: {
    mismatch: () => ({
      summary:
        'Update the guest’s integration services: on Windows 10, Windows Server 2016 and later hosts through Windows Update in the guest; on older hosts from the Integration Services disk.',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const vm = vmOf(view);
    if (!vm) return { status: 'not-applicable', messageId: 'notHost' };
    const old = vm.integrationServices.filter(
      (s) => (s.secondaryStatus ?? '').toLowerCase() === 'protocolmismatch',
    );
    if (old.length === 0) return { status: 'pass', messageId: 'ok' };
    return {
      status: 'warn',
      messageId: 'mismatch',
      data: { list: nameList(old.map((s) => s.name)) },
      evidence: old.map((s) => vmEvidence(vm, s.name, 'ProtocolMismatch', 'OK')),
    };
  },
};

const withheldRule: Rule = {
  id: 'host-kvp-items',
  title: 'The host sends its values to the guest',
  failureTitle: 'The host withholds its values from the guest on purpose',
  description:
    'DisableHostKVPItems (Windows 10 1703 and later hosts) stops the host from writing its name and OS into the guest — Guest\\Parameters, or a Linux guest’s pool 3, then stays empty.',
  references: [DOCS.kvpSettingData],
  requires: [],
  messages: {
    notHost: NOT_HOST,
    unknown: 'The host has no DisableHostKVPItems setting, or the collector could not read it.',
    sends: 'DisableHostKVPItems is off: the host writes its values into the guest.',
    withheld:
      'DisableHostKVPItems is on for {{vm}}: the host writes none of its values into the guest.',
  },
  fix: {
    withheld: () => ({
      summary:
        'If the guest should see the host’s values, clear DisableHostKVPItems for this VM (Msvm_KvpExchangeComponentSettingData, through the Hyper-V WMI provider); if the setting is deliberate, nothing is wrong.',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const vm = vmOf(view);
    if (!vm) return { status: 'not-applicable', messageId: 'notHost' };
    if (vm.disableHostKvpItems === null) return { status: 'not-applicable', messageId: 'unknown' };
    const evidence = [
      vmEvidence(vm, 'DisableHostKVPItems', String(vm.disableHostKvpItems), 'False'),
    ];
    return vm.disableHostKvpItems
      ? { status: 'warn', messageId: 'withheld', data: { vm: vm.name }, evidence }
      : { status: 'pass', messageId: 'sends', evidence };
  },
};

const guestItemsRule: Rule = {
  id: 'host-guest-items',
  title: 'The running guest reports its items',
  failureTitle: 'The running guest reports nothing to the host',
  description:
    'A running guest with Data Exchange working reports its name, OS and addresses (GuestIntrinsicExchangeItems). None while it runs means its Data Exchange service (or, on Linux, hv_kvp_daemon) is not running.',
  references: [DOCS.kvpDataItem, DOCS.dataExchange],
  requires: [],
  messages: {
    notHost: NOT_HOST,
    notRunning: '{{vm}} is {{state}}, so it reports nothing now.',
    reports: '{{vm}} reports {{count}} items.',
    silent: '{{vm}} is running but reports no items.',
  },
  fix: {
    silent: () => ({
      summary:
        'In the guest, make sure the Data Exchange service runs: on Windows the Hyper-V Data Exchange Service (vmickvpexchange), on Linux hv_kvp_daemon (hv-kvp-daemon or hypervkvpd).',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const vm = vmOf(view);
    if (!vm) return { status: 'not-applicable', messageId: 'notHost' };
    if (vm.state.toLowerCase() !== 'running') {
      return {
        status: 'not-applicable',
        messageId: 'notRunning',
        data: { vm: vm.name, state: vm.state },
      };
    }
    const count = view.auto.values.length;
    if (count > 0) return { status: 'pass', messageId: 'reports', data: { vm: vm.name, count } };
    return {
      status: 'warn',
      messageId: 'silent',
      data: { vm: vm.name },
      evidence: [
        vmEvidence(vm, 'GuestIntrinsicExchangeItems', 'none', 'the guest’s name, OS and addresses'),
      ],
    };
  },
};

function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  if (!vmOf(view)) return { outcome: 'not-applicable', reason: NOT_HOST };
  const byId = (id: string) => results.find((r) => r.id === id);
  const order: [string, string][] = [
    [dataExchangeRule.id, 'data-exchange-off'],
    [guestItemsRule.id, 'no-guest-data'],
    [withheldRule.id, 'withheld'],
    [protocolRule.id, 'out-of-date'],
  ];
  for (const [id, outcome] of order) {
    const result = byId(id);
    if (result && (result.status === 'fail' || result.status === 'warn'))
      return { outcome, reason: result.message };
  }
  return {
    outcome: 'healthy',
    reason:
      'The host has Data Exchange on for this VM, sends its values, and the guest reports its items.',
  };
}

export const hostIntegrationPack: RulePack = {
  id: HOST_INTEGRATION_PACK_ID,
  title: 'What the host’s own view of the VM says',
  label: 'Host view',
  question:
    'Does the Hyper-V host have Data Exchange working for this VM, and are its integration services current?',
  outcomes: {
    healthy: { label: 'Healthy', tone: 'good' },
    'data-exchange-off': { label: 'Data Exchange off', tone: 'bad' },
    'no-guest-data': { label: 'Guest reports nothing', tone: 'attention' },
    withheld: { label: 'Host values withheld', tone: 'attention' },
    'out-of-date': { label: 'Integration services out of date', tone: 'attention' },
    'not-applicable': { label: 'No host view', tone: 'neutral' },
  },
  rules: [dataExchangeRule, guestItemsRule, withheldRule, protocolRule],
  verdict,
};
