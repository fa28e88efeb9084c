// Is the host itself a virtual machine? HostingSystemNestedLevel (its meaning is undocumented:
// presumably 0 on bare metal, 1 when the host is itself a VM), and an Azure Edition host
// (Windows Server Datacenter: Azure Edition "can run only on Azure infrastructure" — Azure Local's
// "Azure verification for VMs" page — so as a host it is an Azure or Azure Local VM). "Run Hyper-V
// in a Virtual Machine with Nested Virtualization": Hyper-V on Hyper-V is supported in production,
// Azure Local nested only for evaluation. In a nested guest PhysicalHostName presumably names the
// VM that runs Hyper-V, and what Azure looks like through KVP is the first level's view only.

import { describeEdition } from '../../kvp/editions.ts';
import { describeHostVersion } from '../../kvp/os-versions.ts';
import { HOST_PLACE, hostIsHyperVGuest } from '../../kvp/host-view.ts';
import { describeLocation } from '../../kvp/provenance.ts';
import { azureNamePattern, hostEdition, nestedLevel } from '../host-identity.ts';
import { DOCS } from '../references.ts';
import type { CheckResult, Rule, RuleOutcome, RulePack, VerdictDecision } from '../types.ts';
import type { SnapshotView } from '../view.ts';

export const NESTING_PACK_ID = 'nesting';

const levelRule: Rule = {
  id: 'nesting-level',
  title: 'The host’s nesting level',
  failureTitle: 'The host’s nesting level',
  description:
    'Current hosts write HostingSystemNestedLevel; Microsoft does not document it, but 0 presumably means the host runs on bare metal and 1 or more that it is itself a virtual machine.',
  references: [DOCS.nestedVirtualization],
  requires: [],
  messages: {
    bareMetal: 'HostingSystemNestedLevel is 0: the host presumably runs on bare metal.',
    nested:
      'HostingSystemNestedLevel is {{level}}: the host is presumably itself a virtual machine, so this guest is nested.',
    deep: 'HostingSystemNestedLevel is {{level}}: presumably more than one level of nesting, beyond what Microsoft documents.',
    absent:
      'There is no HostingSystemNestedLevel: older hosts do not write it, so the input does not tell.',
    beforeNesting:
      'The host runs {{host}}, from before Hyper-V could run inside a Hyper-V virtual machine (Windows Server 2016 and Windows 10); hosts this old do not write HostingSystemNestedLevel.',
    notCollected: 'This kind of input does not carry the host’s nesting level.',
  },
  evaluate({ view }): RuleOutcome {
    if (view.parameters.state === 'not-collected')
      return { status: 'incomplete', messageId: 'notCollected' };
    const read = nestedLevel(view);
    const host = view.hostVersion();
    if (!read && host && host.major < 10) {
      // Nested virtualization needs a Windows Server 2016 / Windows 10 host ("Run Hyper-V in a
      // Virtual Machine with Nested Virtualization", prerequisites).
      return {
        status: 'not-applicable',
        messageId: 'beforeNesting',
        data: { host: describeHostVersion(host.major, host.minor) },
        evidence: host.evidence,
      };
    }
    if (!read) {
      return {
        status: 'incomplete',
        messageId: 'absent',
        evidence: [view.parameters.evidence('HostingSystemNestedLevel', 'a number')],
      };
    }
    const data = { level: read.level };
    if (read.level === 0)
      return { status: 'pass', messageId: 'bareMetal', data, evidence: [read.evidence] };
    return {
      status: read.level >= 2 ? 'warn' : 'info',
      messageId: read.level >= 2 ? 'deep' : 'nested',
      data,
      evidence: [read.evidence],
    };
  },
};

const azureEditionRule: Rule = {
  id: 'nesting-azure-edition',
  title: 'The host’s edition runs on bare metal',
  failureTitle: 'The host’s edition runs only in a virtual machine',
  description:
    'Windows Server Datacenter: Azure Edition runs only on Azure or Azure Local; a host of that edition is itself a VM there.',
  references: [DOCS.getProductInfo, DOCS.nestedVirtualization],
  requires: [],
  messages: {
    unknown: 'The host’s edition is not in the input.',
    bareMetal: 'The host’s edition ({{edition}}) can run on bare metal.',
    azureEdition:
      'The host runs {{edition}}, which runs only on Azure or Azure Local: the host is a VM, and this guest is nested.',
  },
  evaluate({ view }): RuleOutcome {
    const edition = hostEdition(view);
    if (!edition) return { status: 'not-applicable', messageId: 'unknown' };
    const data = { edition: describeEdition(edition.id) };
    if (edition.info?.family === 'azure-edition') {
      return { status: 'info', messageId: 'azureEdition', data, evidence: edition.evidence };
    }
    return { status: 'pass', messageId: 'bareMetal', data, evidence: edition.evidence };
  },
};

const azureLocalRule: Rule = {
  id: 'nesting-azure-local',
  title: 'Azure Local runs on bare metal',
  failureTitle: 'Azure Local runs nested: for evaluation only',
  description:
    'Microsoft supports Azure Local in nested virtualization for evaluation only, not for production workloads.',
  references: [DOCS.nestedVirtualization],
  requires: [],
  messages: {
    notAzureLocal: 'The host is not Azure Local, or its edition is not in the input.',
    bareMetal: 'The host runs Azure Local on bare metal (nesting level 0).',
    levelUnknown: 'The host runs Azure Local; whether it is nested is not in the input.',
    nested:
      'The host runs Azure Local while itself a VM (nesting level {{level}}): Microsoft supports that for evaluation only.',
  },
  evaluate({ view }): RuleOutcome {
    const edition = hostEdition(view);
    if (edition?.info?.family !== 'azure-local')
      return { status: 'not-applicable', messageId: 'notAzureLocal' };
    const read = nestedLevel(view);
    if (!read)
      return { status: 'incomplete', messageId: 'levelUnknown', evidence: edition.evidence };
    if (read.level === 0)
      return {
        status: 'pass',
        messageId: 'bareMetal',
        evidence: [...edition.evidence, read.evidence],
      };
    return {
      status: 'warn',
      messageId: 'nested',
      data: { level: read.level },
      evidence: [...edition.evidence, read.evidence],
    };
  },
};

const IMPLIES =
  ' PhysicalHostName then presumably names the VM that runs Hyper-V, not the physical machine, and a check of the KVP values for Azure sees only that first level.';

const hostMachineRule: Rule = {
  id: 'nesting-host-machine',
  title: 'The host runs on hardware',
  failureTitle: 'The host is itself a Hyper-V VM',
  description:
    'A host collector file says what machine the host runs on: Manufacturer “Microsoft Corporation” and Model “Virtual Machine” are what Windows reports inside a Hyper-V VM.',
  references: [DOCS.nestedVirtualization],
  requires: [],
  messages: {
    unknown: 'The input does not say what machine the host runs on (a host collector file does).',
    hardware: 'The host runs on {{machine}}.',
    virtual: 'The host reports {{machine}}: it is itself a Hyper-V VM, and this guest is nested.',
  },
  evaluate({ view }): RuleOutcome {
    const host = view.snapshot.host;
    if (!host || (host.manufacturer === undefined && host.model === undefined)) {
      return { status: 'not-applicable', messageId: 'unknown' };
    }
    const machine = [host.manufacturer, host.model].filter(Boolean).join(' ');
    const evidence = [
      {
        name: 'host machine (Win32_ComputerSystem)',
        actual: machine,
        expected: 'not Microsoft Corporation Virtual Machine',
        source: describeLocation(1, HOST_PLACE),
        line: null,
      },
    ];
    return hostIsHyperVGuest(host)
      ? { status: 'info', messageId: 'virtual', data: { machine }, evidence }
      : { status: 'pass', messageId: 'hardware', data: { machine }, evidence };
  },
};

function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  const byId = (id: string) => results.find((r) => r.id === id);
  const level = byId(levelRule.id);
  const edition = byId(azureEditionRule.id);
  const azureLocal = byId(azureLocalRule.id);
  const machine = byId(hostMachineRule.id);
  const nested = [level, edition, machine].filter(
    (r) =>
      r?.messageId === 'nested' ||
      r?.messageId === 'deep' ||
      r?.messageId === 'azureEdition' ||
      r?.messageId === 'virtual',
  );
  if (nested.length > 0) {
    const local = azureLocal?.status === 'warn' ? ` ${azureLocal.message}` : '';
    return {
      outcome: 'nested',
      reason: `${nested.map((r) => r?.message).join(' ')}${local}${IMPLIES}`,
    };
  }
  if (level?.messageId === 'bareMetal' || machine?.messageId === 'hardware') {
    const said = level?.messageId === 'bareMetal' ? level.message : (machine?.message ?? '');
    const azure = azureNamePattern(view)?.azureLike
      ? ' (On Azure, this is the view from the first level.)'
      : '';
    return { outcome: 'not-nested', reason: `${said}${azure}` };
  }
  return {
    outcome: 'unknown',
    reason: level?.message ?? 'The input does not tell whether the host is nested.',
  };
}

export const nestingPack: RulePack = {
  id: NESTING_PACK_ID,
  title: 'Whether the host is itself a virtual machine',
  label: 'Nesting',
  question: 'Is the host itself a VM (nested virtualization)?',
  outcomes: {
    'not-nested': { label: 'Not nested', tone: 'neutral' },
    nested: { label: 'Nested', tone: 'neutral' },
    unknown: { label: 'Cannot tell', tone: 'neutral' },
  },
  rules: [levelRule, azureEditionRule, azureLocalRule, hostMachineRule],
  verdict,
};
