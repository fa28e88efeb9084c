// Are the host's values in Guest\Parameters there and plausible? Sources: the value catalogue
// (src/lib/kvp/catalogue.ts: 11 base values, 16 on current hosts — LIS/LISA tests require "at
// least 11 items", Windows Admin Center reads the same 11), "GetProductInfo function" (editions),
// "SYSTEM_INFO structure" (architectures), "Operating System Version" (versions). These rules read
// the input only: a what-if does not change them.

import { describeArchitecture, findArchitecture } from '../../../kvp/architectures.ts';
import { BASE_VALUE_NAMES, NEWER_VALUE_NAMES } from '../../../kvp/catalogue.ts';
import { describeEdition, findEdition, outsideHostVersions } from '../../../kvp/editions.ts';
import { describeHostVersion, findOsVersion } from '../../../kvp/os-versions.ts';
import { nameList } from '../../evidence.ts';
import {
  REFRESH_HOST_VALUES,
  REFRESH_SUMMARY,
  SHOW_DISABLE_HOST_KVP_ITEMS,
  makeFix,
} from '../../fixes.ts';
import { PARAMETERS_PRESENT } from '../../parameters-present.ts';
import { DOCS } from '../../references.ts';
import type { Rule, RuleOutcome } from '../../types.ts';

const refresh = (context: Parameters<typeof makeFix>[0]) =>
  makeFix(context, REFRESH_SUMMARY, REFRESH_HOST_VALUES);

// DisableHostKVPItems exists from Windows 10 1703 ("Msvm_KvpExchangeComponentSettingData class");
// Windows Server 2016 (1607) predates it, so among servers only 2019 and later have it [inference].
const WITHHELD =
  'the host may withhold its values on purpose (DisableHostKVPItems, on Windows 10 1703 and later and Windows Server 2019 and later hosts)';

export const baseValuesRule: Rule = {
  id: 'kvp-base-values',
  title: 'The host’s values are all there',
  failureTitle: 'Some of the host’s values are missing',
  description:
    'Hyper-V hosts write a base set of 11 values (Microsoft’s Linux integration tests require “at least 11 items”, and Windows Admin Center reads the same 11); current hosts write 16.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    all16: 'All 16 values of a current host are present.',
    base11:
      'The base set of 11 values is present, without the 5 that newer hosts add: usually an older host (2012 R2 era).',
    partialNewer:
      'The base 11 values are present, but only part of the 5 newer ones; missing: {{missing}}.',
    missing: 'Missing from the base set of 11: {{missing}}.',
    missingVersion:
      'Missing: {{missing}} — without HostingSystemOsMajor/HostingSystemOsMinor Windows Update cannot tell the host version.',
    empty: `The key is empty: ${WITHHELD}, or Data Exchange never completed.`,
  },
  fix: {
    missing: refresh,
    missingVersion: refresh,
    partialNewer: refresh,
    empty: (context) =>
      makeFix(
        context,
        `${REFRESH_SUMMARY} If the key stays empty, check on the host that DisableHostKVPItems is not True for this VM.`,
        REFRESH_HOST_VALUES,
        SHOW_DISABLE_HOST_KVP_ITEMS,
      ),
  },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    if (p.values.length === 0) {
      return {
        status: 'fail',
        messageId: 'empty',
        evidence: [p.keyEvidence('present, with values')],
      };
    }
    const missingBase = BASE_VALUE_NAMES.filter((n) => !p.has(n));
    const missingNewer = NEWER_VALUE_NAMES.filter((n) => !p.has(n));
    // Name what the message names: the missing base values, else the missing newer ones.
    const evidence = (missingBase.length > 0 ? missingBase : missingNewer).map((n) =>
      p.evidence(n, 'present'),
    );
    const missing = nameList(missingBase);
    if (missingBase.some((n) => n === 'HostingSystemOsMajor' || n === 'HostingSystemOsMinor')) {
      return { status: 'fail', messageId: 'missingVersion', data: { missing }, evidence };
    }
    if (missingBase.length > 0)
      return { status: 'warn', messageId: 'missing', data: { missing }, evidence };
    if (missingNewer.length === 0) return { status: 'pass', messageId: 'all16' };
    if (missingNewer.length === NEWER_VALUE_NAMES.length)
      return { status: 'pass', messageId: 'base11' };
    return {
      status: 'warn',
      messageId: 'partialNewer',
      data: { missing: nameList(missingNewer) },
      evidence,
    };
  },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const vmIdRule: Rule = {
  id: 'kvp-virtual-machine-id',
  title: 'VirtualMachineId is a GUID',
  failureTitle: 'VirtualMachineId is not a plain GUID',
  description:
    'Hosts write the Hyper-V VM’s GUID, upper-case and without braces, as every real dump shows.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    missing: 'There is no VirtualMachineId value.',
    guid: 'VirtualMachineId is a GUID ({{source}}).',
    braces: 'VirtualMachineId has braces, which hosts do not write: it was probably edited.',
    other: 'VirtualMachineId is not a GUID: it was probably edited.',
  },
  fix: { braces: refresh, other: refresh },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const v = p.value('VirtualMachineId');
    if (!v) return { status: 'not-applicable', messageId: 'missing' };
    const evidence = [p.evidence(v.name, 'a GUID such as 461B2364-3901-4349-B3C2-FA4821CBEEFE')];
    const text = typeof v.data === 'string' ? v.data : '';
    const isText = typeof v.data === 'string';
    if (isText && GUID.test(text)) {
      return { status: 'pass', messageId: 'guid', data: { source: p.where(v.line) }, evidence };
    }
    if (isText && /^\{.*\}$/.test(text) && GUID.test(text.slice(1, -1))) {
      return { status: 'warn', messageId: 'braces', evidence };
    }
    return { status: 'warn', messageId: 'other', evidence };
  },
};

export const hostVersionRule: Rule = {
  id: 'kvp-host-version',
  title: 'The host version is a Windows version that runs Hyper-V',
  failureTitle: 'The host version is unusual',
  description:
    'HostingSystemOsMajor.Minor must be a Windows version that can be a Hyper-V host: 6.0–6.3 or 10.0; 6.4 was the 2014 Technical Preview.',
  references: [DOCS.osVersion, DOCS.icApplicability],
  requires: [PARAMETERS_PRESENT],
  messages: {
    unreadable: 'The host version is not readable here (see “The host’s values are all there”).',
    known: 'The host reports {{host}}.',
    preview:
      'The host reports 6.4, the 2014 Technical Preview; a host of that era today is unlikely, so the values were probably edited.',
    unknown: 'The host reports {{host}}, which is not a Windows version that runs Hyper-V.',
  },
  fix: { preview: refresh, unknown: refresh },
  evaluate({ view }): RuleOutcome {
    const host = view.fileHostVersion('6.0–6.3 or 10.0');
    if (!host.ok) return { status: 'not-applicable', messageId: 'unreadable' };
    const { major, minor, evidence } = host;
    const text = describeHostVersion(major, minor);
    if (major === 6 && minor === 4) return { status: 'warn', messageId: 'preview', evidence };
    if (!findOsVersion(major, minor)?.canHostHyperV) {
      return { status: 'warn', messageId: 'unknown', data: { host: text }, evidence };
    }
    return { status: 'pass', messageId: 'known', data: { host: text }, evidence };
  },
};

export const editionRule: Rule = {
  id: 'kvp-host-edition',
  title: 'The host edition can run Hyper-V, at this version',
  failureTitle: 'The host edition cannot run Hyper-V, or not at this version',
  description:
    'HostingSystemEditionId is the host’s GetProductInfo PRODUCT_* value. “Without Hyper-V” editions, Home and Starter cannot be Hyper-V hosts; client editions host Hyper-V from Windows 8 (6.2); Azure, Azure Local and Azure Edition hosts are 10.0. The edition tells the host’s family, never its release.',
  references: [DOCS.getProductInfo, DOCS.enableHyperV],
  requires: [PARAMETERS_PRESENT],
  messages: {
    unreadable: 'HostingSystemEditionId is missing or not a number.',
    ok: '{{edition}}.',
    nested:
      '{{edition}}: this edition runs only on Azure or Azure Local, so the host is itself a virtual machine and this guest is nested.',
    cannot: '{{edition}}: such a host cannot run Hyper-V, so the value was probably edited.',
    unverified:
      '{{edition}}: whether this edition can run Hyper-V is not documented, so this is only a note.',
    unknown:
      '{{edition}}: the SDK keeps adding edition ids, so this is only a note, not a sign of editing.',
    impossible:
      '{{edition}} together with host version {{host}} is impossible ({{why}}), so the values were probably edited.',
    unusual:
      '{{edition}} together with host version {{host}} is unusual: as far as is known, {{why}}.',
  },
  fix: { cannot: refresh, impossible: refresh },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const id = p.numberOrUndefined('HostingSystemEditionId');
    if (id === undefined) return { status: 'not-applicable', messageId: 'unreadable' };
    const evidence = [p.evidence('HostingSystemEditionId', 'an edition that can run Hyper-V')];
    const edition = describeEdition(id);
    const known = findEdition(id);
    if (!known) return { status: 'info', messageId: 'unknown', data: { edition }, evidence };
    if (known.hyperV === 'no')
      return { status: 'warn', messageId: 'cannot', data: { edition }, evidence };
    const host = view.fileHostVersion('a version this edition exists in');
    if (host.ok) {
      const range = outsideHostVersions(known, host);
      if (range) {
        const data = { edition, host: `${host.major}.${host.minor}`, why: range.source };
        return {
          status: range.inferred ? 'info' : 'warn',
          messageId: range.inferred ? 'unusual' : 'impossible',
          data,
          evidence: [...evidence, ...host.evidence],
        };
      }
    }
    if (known.hyperV === 'unverified') {
      return { status: 'info', messageId: 'unverified', data: { edition }, evidence };
    }
    if (known.family === 'azure-edition') {
      return { status: 'info', messageId: 'nested', data: { edition }, evidence };
    }
    return { status: 'pass', messageId: 'ok', data: { edition }, evidence };
  },
};

export const architectureRule: Rule = {
  id: 'kvp-host-architecture',
  title: 'The host architecture is x64 or ARM64',
  failureTitle: 'The host architecture is implausible',
  description:
    'HostingSystemProcessorArchitecture is a SYSTEM_INFO.wProcessorArchitecture value; Hyper-V hosts are x64 or ARM64, and a guest usually runs on its host’s architecture family (x86 and x64 guests on x64 hosts, ARM64 guests on ARM64 hosts).',
  references: [DOCS.systemInfo],
  requires: [PARAMETERS_PRESENT],
  messages: {
    unreadable: 'HostingSystemProcessorArchitecture is missing or not a number.',
    ok: 'The host is {{host}}.',
    notHost: 'The host reports {{host}}, which cannot run Hyper-V.',
    mismatch:
      'The host reports {{host}} but the guest reports {{guest}}: a guest runs on its host’s architecture family.',
  },
  fix: { notHost: refresh, mismatch: refresh },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const name = 'HostingSystemProcessorArchitecture';
    const id = p.numberOrUndefined(name);
    if (id === undefined) return { status: 'not-applicable', messageId: 'unreadable' };
    const evidence = [p.evidence(name, '9 (x64) or 12 (ARM64)')];
    const host = describeArchitecture(id);
    if (!findArchitecture(id)?.hyperVHost) {
      return { status: 'warn', messageId: 'notHost', data: { host }, evidence };
    }
    const guestId = view.auto.numberOrUndefined('ProcessorArchitecture');
    const family = (arch: number) =>
      arch === 12 || arch === 5 ? 'arm' : arch === 0 || arch === 9 ? 'x86' : 'other';
    if (guestId !== undefined && family(guestId) !== 'other' && family(guestId) !== family(id)) {
      evidence.push(view.auto.evidence('ProcessorArchitecture', `the host’s family (${host})`));
      return {
        status: 'warn',
        messageId: 'mismatch',
        data: { host, guest: describeArchitecture(guestId) },
        evidence,
      };
    }
    return { status: 'pass', messageId: 'ok', data: { host }, evidence };
  },
};

const THROTTLE = [
  'HostingSystemProcessorThrottleMin',
  'HostingSystemProcessorThrottleMax',
] as const;

export const throttleRule: Rule = {
  id: 'kvp-throttle',
  title: 'Processor throttle values are percentages with min ≤ max',
  failureTitle: 'Processor throttle values are inconsistent',
  description:
    'HostingSystemProcessorThrottleMin/Max presumably mirror the host power plan’s minimum and maximum processor state, 0–100 %.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    absent: 'No throttle values (older hosts do not write them).',
    ok: 'Min {{min}} % ≤ max {{max}} %.',
    range: '{{name}} is {{value}}, outside 0–100.',
    order: 'Min {{min}} % is above max {{max}} %.',
  },
  fix: { range: refresh, order: refresh },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const [min, max] = THROTTLE.map((n) => p.numberOrUndefined(n));
    if (min === undefined && max === undefined)
      return { status: 'not-applicable', messageId: 'absent' };
    const evidence = THROTTLE.map((n) => p.evidence(n, '0–100'));
    for (const [i, value] of [min, max].entries()) {
      if (value !== undefined && value > 100) {
        return {
          status: 'warn',
          messageId: 'range',
          data: { name: THROTTLE[i] ?? '', value },
          evidence,
        };
      }
    }
    if (min !== undefined && max !== undefined && min > max) {
      return { status: 'warn', messageId: 'order', data: { min, max }, evidence };
    }
    return {
      status: 'pass',
      messageId: 'ok',
      data: { min: min ?? '?', max: max ?? '?' },
      evidence,
    };
  },
};

export const namesRule: Rule = {
  id: 'kvp-host-names',
  title: 'The host’s name and fully qualified name agree',
  failureTitle: 'The host’s name and fully qualified name disagree',
  description:
    'PhysicalHostNameFullyQualified should start with PhysicalHostName (THEHOST / thehost.example.com), or equal it when the host has no domain, as on Azure.',
  references: [DOCS.dataExchange],
  requires: [PARAMETERS_PRESENT],
  messages: {
    absent: 'PhysicalHostName or PhysicalHostNameFullyQualified is missing.',
    ok: '“{{fqdn}}” matches “{{name}}”.',
    differ:
      '“{{fqdn}}” does not start with “{{name}}”: the values may come from different hosts, or were edited.',
  },
  fix: { differ: refresh },
  evaluate({ view }): RuleOutcome {
    const p = view.parameters;
    const name = p.text('PhysicalHostName');
    const fqdn = p.text('PhysicalHostNameFullyQualified');
    if (name === undefined || fqdn === undefined)
      return { status: 'not-applicable', messageId: 'absent' };
    const firstLabel = fqdn.split('.')[0] ?? '';
    const evidence = [
      p.evidence('PhysicalHostName', `the first label of “${fqdn}”`),
      p.evidence('PhysicalHostNameFullyQualified', `“${name}” or “${name}.<domain>”`),
    ];
    const ok = firstLabel.toLowerCase() === name.toLowerCase();
    return {
      status: ok ? 'pass' : 'warn',
      messageId: ok ? 'ok' : 'differ',
      data: { name, fqdn },
      evidence,
    };
  },
};
