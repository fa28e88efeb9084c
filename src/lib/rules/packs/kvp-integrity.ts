// Are the Guest\Parameters values plausible and consistent? Checks drawn from kvp-reference.md §6
// ("Values spoofed / edited": known version pairs, an edition that can run Hyper-V, a GUID
// VirtualMachineId, the legacy 4-value pattern; case-duplicate keys) and §1.2–§1.4 (catalogue, base
// 11 vs 16 values). These rules read the file only; what-if inputs do not change them.

import { findArchitecture, describeArchitecture } from '../../kvp/architectures.ts';
import {
  BASE_VALUE_NAMES,
  LEGACY_VALUE_NAMES,
  NEWER_VALUE_NAMES,
  findCatalogueEntry,
} from '../../kvp/catalogue.ts';
import { describeEdition, findEdition } from '../../kvp/editions.ts';
import { readNumber } from '../../kvp/numbers.ts';
import { describeHostVersion, describeOsVersion, findOsVersion } from '../../kvp/os-versions.ts';
import { describeProvenance } from '../../kvp/provenance.ts';
import { snapshotValue, type KeyFacts, type KvpSnapshot } from '../../kvp/snapshot.ts';
import { factEvidence, keyEvidence, valueEvidence } from '../evidence.ts';
import type { CheckResult, Evidence, Rule, RuleOutcome, RulePack, Verdict } from '../types.ts';

export const INTEGRITY_PACK_ID = 'kvp-integrity';

const ENABLE_KVP_FIX =
  'On the host: Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange". ' +
  'In the guest: Set-Service vmickvpexchange -StartupType Automatic; Start-Service vmickvpexchange.';

// Values a host rewrites when Data Exchange reconnects ("Information about the host is updated if
// the VM is migrated", MS tip of the day 2015, kvp-reference.md §1.5) [inference: also on restart].
const REFRESH_FIX =
  'Restart the Data Exchange service in the guest so the host writes its values again: Restart-Service vmickvpexchange.';

function numberValue(facts: KeyFacts, name: string): number | undefined {
  const v = snapshotValue(facts, name);
  if (!v) return undefined;
  const reading = v.number ?? readNumber(v);
  return reading.ok ? reading.value : undefined;
}

const presentRule: Rule = {
  id: 'kvp-parameters-present',
  title: 'Guest\\Parameters key present',
  failureTitle: 'Guest\\Parameters key missing',
  description:
    'The host writes its own description into HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters when Data Exchange connects (kvp-reference.md §1.5).',
  requires: [],
  messages: {
    present: 'The key is in the file (line {{line}}) with {{count}} values.',
    absent: 'The key Guest\\Parameters is not in the file.',
    absentWithAuto:
      'The key Guest\\Parameters is not in the file, but Virtual Machine\\Auto is: the guest’s integration services run, so the host may withhold its values (DisableHostKVPItems, Windows 10 1703+ hosts) or Data Exchange is off.',
    deleted: 'The file deletes the key Guest\\Parameters on line {{line}}.',
  },
  fix: {
    absent: ENABLE_KVP_FIX,
    absentWithAuto: `${ENABLE_KVP_FIX} On the host, also check that DisableHostKVPItems is not set for this VM (Msvm_KvpExchangeComponentSettingData).`,
    deleted: ENABLE_KVP_FIX,
  },
  evaluate({ snapshot }): RuleOutcome {
    const { parameters, auto } = snapshot;
    const evidence = [keyEvidence(parameters.path, parameters.state, parameters.line, 'present')];
    if (parameters.state === 'present') {
      const data = { line: parameters.line ?? '?', count: parameters.values.length };
      return { status: 'pass', messageId: 'present', data, evidence };
    }
    if (parameters.state === 'deleted') {
      return {
        status: 'fail',
        messageId: 'deleted',
        data: { line: parameters.line ?? '?' },
        evidence,
      };
    }
    const messageId = auto.state === 'present' ? 'absentWithAuto' : 'absent';
    return { status: 'fail', messageId, evidence };
  },
};

const HOST_VERSION_NAMES = ['HostingSystemOsMajor', 'HostingSystemOsMinor'];

const baseValuesRule: Rule = {
  id: 'kvp-base-values',
  title: 'The host’s values are all there',
  failureTitle: 'Some of the host’s values are missing',
  description:
    'Hyper-V hosts write a base set of 11 values (LIS/LISA tests: "at least 11 items"; Windows Admin Center reads the same 11); newer hosts write 16 (kvp-reference.md §1.4).',
  requires: [presentRule.id],
  messages: {
    all16: 'All 16 values of a current host are present.',
    base11:
      'The base set of 11 values is present, without the 5 that newer hosts add: an older host (2012 R2 era) [inference].',
    partialNewer:
      'The base 11 values are present, but only part of the 5 newer ones; missing: {{missing}}.',
    missing: 'Missing from the base set of 11: {{missing}}.',
    missingVersion:
      'Missing: {{missing}} — without HostingSystemOsMajor/HostingSystemOsMinor Windows Update cannot tell the host version.',
    empty:
      'The key is empty: the host may withhold its values (DisableHostKVPItems, Windows 10 1703+ hosts), or Data Exchange never completed.',
  },
  fix: {
    missing: REFRESH_FIX,
    missingVersion: REFRESH_FIX,
    partialNewer: REFRESH_FIX,
    empty: `${REFRESH_FIX} On the host, check that DisableHostKVPItems is not set for this VM.`,
  },
  evaluate({ snapshot }): RuleOutcome {
    const { parameters } = snapshot;
    if (parameters.values.length === 0) return { status: 'fail', messageId: 'empty' };
    const has = (name: string) => snapshotValue(parameters, name) !== undefined;
    const missingBase = BASE_VALUE_NAMES.filter((n) => !has(n));
    const missingNewer = NEWER_VALUE_NAMES.filter((n) => !has(n));
    // Name what the message names: the missing base values, else the missing newer ones.
    const evidence = (missingBase.length > 0 ? missingBase : missingNewer).map((n) =>
      valueEvidence(n, undefined, 'present'),
    );
    if (missingBase.some((n) => HOST_VERSION_NAMES.includes(n))) {
      return {
        status: 'fail',
        messageId: 'missingVersion',
        data: { missing: missingBase.join(', ') },
        evidence,
      };
    }
    if (missingBase.length > 0) {
      return {
        status: 'warn',
        messageId: 'missing',
        data: { missing: missingBase.join(', ') },
        evidence,
      };
    }
    if (missingNewer.length === 0) return { status: 'pass', messageId: 'all16' };
    if (missingNewer.length === NEWER_VALUE_NAMES.length)
      return { status: 'pass', messageId: 'base11' };
    return {
      status: 'warn',
      messageId: 'partialNewer',
      data: { missing: missingNewer.join(', ') },
      evidence,
    };
  },
};

const numberTypesRule: Rule = {
  id: 'kvp-number-types',
  title: 'Numbers are stored as REG_DWORD or decimal REG_SZ',
  failureTitle: 'Numbers stored with an unexpected type',
  description:
    'Whether hosts write the numeric values as REG_DWORD or REG_SZ on Windows guests is unconfirmed (kvp-reference.md §1.3), so both are accepted; a host writes all of them one way [inference], so a mix suggests hand edits.',
  requires: [presentRule.id],
  messages: {
    none: 'No numeric values to check.',
    uniform: 'All {{count}} numeric values are stored as {{storage}}.',
    mixed:
      'The numeric values mix REG_DWORD ({{dword}}) and decimal REG_SZ ({{sz}}); a host writes them one way, so some were probably edited.',
    bad: 'Not readable as numbers: {{list}}.',
  },
  fix: { bad: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const numeric = snapshot.parameters.values.filter((v) => v.number !== undefined);
    if (numeric.length === 0) return { status: 'not-applicable', messageId: 'none' };
    const bad = numeric.filter((v) => v.number && !v.number.ok);
    const expected = 'REG_DWORD or decimal REG_SZ';
    if (bad.length > 0) {
      const list = bad
        .map((v) => `${v.name} (${v.number && !v.number.ok ? v.number.why : ''})`)
        .join('; ');
      return {
        status: 'fail',
        messageId: 'bad',
        data: { list },
        evidence: bad.map((v) => valueEvidence(v.name, v, expected)),
      };
    }
    const dword = numeric.filter((v) => v.number?.ok && v.number.storedAs === 'REG_DWORD');
    const sz = numeric.filter((v) => v.number?.ok && v.number.storedAs === 'decimal REG_SZ');
    if (dword.length > 0 && sz.length > 0) {
      return {
        status: 'warn',
        messageId: 'mixed',
        data: { dword: dword.map((v) => v.name).join(', '), sz: sz.map((v) => v.name).join(', ') },
        evidence: sz.map((v) => valueEvidence(v.name, v, 'REG_DWORD like the others')),
      };
    }
    const storage = dword.length > 0 ? 'REG_DWORD' : 'decimal REG_SZ';
    return { status: 'pass', messageId: 'uniform', data: { count: numeric.length, storage } };
  },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const vmIdRule: Rule = {
  id: 'kvp-virtual-machine-id',
  title: 'VirtualMachineId is a GUID',
  failureTitle: 'VirtualMachineId is not a plain GUID',
  description:
    'Real dumps show the Hyper-V VM GUID upper-case without braces (kvp-reference.md §1.2, §7).',
  requires: [presentRule.id],
  messages: {
    missing: 'There is no VirtualMachineId value.',
    guid: 'VirtualMachineId is a GUID ({{source}}).',
    braces: 'VirtualMachineId has braces, which hosts do not write: it was probably edited.',
    other: 'VirtualMachineId is not a GUID: it was probably edited.',
  },
  fix: { braces: REFRESH_FIX, other: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const v = snapshotValue(snapshot.parameters, 'VirtualMachineId');
    if (!v) return { status: 'not-applicable', messageId: 'missing' };
    const evidence = [
      valueEvidence(v.name, v, 'a GUID such as 461B2364-3901-4349-B3C2-FA4821CBEEFE'),
    ];
    const text = typeof v.data === 'string' ? v.data : '';
    if (v.typeName === 'REG_SZ' && GUID.test(text)) {
      return { status: 'pass', messageId: 'guid', data: { source: `line ${v.line}` }, evidence };
    }
    if (v.typeName === 'REG_SZ' && /^\{.*\}$/.test(text) && GUID.test(text.slice(1, -1))) {
      return { status: 'warn', messageId: 'braces', evidence };
    }
    return { status: 'warn', messageId: 'other', evidence };
  },
};

const hostVersionRule: Rule = {
  id: 'kvp-host-version',
  title: 'The host version is a known Windows version',
  failureTitle: 'The host version is unusual',
  description:
    'HostingSystemOsMajor.Minor must be a Windows version that runs Hyper-V: 6.0–6.3 or 10.0; 6.4 was the 2014 Technical Preview (kvp-reference.md §3.1, §6).',
  requires: [presentRule.id],
  messages: {
    unreadable: 'The host version is not readable here (see “{{other}}”).',
    known: 'The host reports {{host}}.',
    preview:
      'The host reports 6.4, the 2014 Technical Preview; a host of that era today is unlikely, so the values were probably edited.',
    unknown: 'The host reports {{host}}.',
  },
  fix: { preview: REFRESH_FIX, unknown: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const p = snapshot.parameters;
    const major = numberValue(p, 'HostingSystemOsMajor');
    const minor = numberValue(p, 'HostingSystemOsMinor');
    if (major === undefined || minor === undefined) {
      return {
        status: 'not-applicable',
        messageId: 'unreadable',
        data: { other: 'The host’s values are all there' },
      };
    }
    const evidence = HOST_VERSION_NAMES.map((n) =>
      valueEvidence(n, snapshotValue(p, n), '6.0–6.3 or 10.0'),
    );
    const host = describeHostVersion(major, minor);
    if (major === 6 && minor === 4) return { status: 'warn', messageId: 'preview', evidence };
    const known = findOsVersion(major, minor);
    if (!known || !known.canHostHyperV)
      return { status: 'warn', messageId: 'unknown', data: { host }, evidence };
    return { status: 'pass', messageId: 'known', data: { host }, evidence };
  },
};

const editionRule: Rule = {
  id: 'kvp-host-edition',
  title: 'The host edition can run Hyper-V',
  failureTitle: 'The host edition cannot run Hyper-V',
  description:
    'HostingSystemEditionId is a GetProductInfo PRODUCT_* value; "without Hyper-V" editions and Home cannot be Hyper-V hosts (kvp-reference.md §3.3, §6).',
  requires: [presentRule.id],
  messages: {
    unreadable: 'HostingSystemEditionId is missing or not a number.',
    ok: '{{edition}}.',
    cannot: '{{edition}}: such a host cannot run Hyper-V, so the value was probably edited.',
    unknown: '{{edition}}: the analyzer does not know this edition.',
  },
  fix: { cannot: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const v = snapshotValue(snapshot.parameters, 'HostingSystemEditionId');
    const id = numberValue(snapshot.parameters, 'HostingSystemEditionId');
    if (!v || id === undefined) return { status: 'not-applicable', messageId: 'unreadable' };
    const evidence = [valueEvidence(v.name, v, 'an edition that can run Hyper-V')];
    const edition = describeEdition(id);
    const known = findEdition(id);
    if (!known) return { status: 'warn', messageId: 'unknown', data: { edition }, evidence };
    if (!known.canRunHyperV)
      return { status: 'warn', messageId: 'cannot', data: { edition }, evidence };
    return { status: 'pass', messageId: 'ok', data: { edition }, evidence };
  },
};

const architectureRule: Rule = {
  id: 'kvp-host-architecture',
  title: 'The host architecture is x64 or ARM64',
  failureTitle: 'The host architecture is implausible',
  description:
    'HostingSystemProcessorArchitecture is a SYSTEM_INFO.wProcessorArchitecture value (kvp-reference.md §3.4); Hyper-V hosts are x64 or ARM64, and a guest runs on its host’s architecture family (§6) [inference].',
  requires: [presentRule.id],
  messages: {
    unreadable: 'HostingSystemProcessorArchitecture is missing or not a number.',
    ok: 'The host is {{host}}.',
    notHost: 'The host reports {{host}}, which cannot run Hyper-V.',
    mismatch:
      'The host reports {{host}} but the guest reports {{guest}}: a guest runs on its host’s architecture family.',
  },
  fix: { notHost: REFRESH_FIX, mismatch: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const v = snapshotValue(snapshot.parameters, 'HostingSystemProcessorArchitecture');
    const id = numberValue(snapshot.parameters, 'HostingSystemProcessorArchitecture');
    if (!v || id === undefined) return { status: 'not-applicable', messageId: 'unreadable' };
    const evidence = [valueEvidence(v.name, v, '9 (x64) or 12 (ARM64)')];
    const host = describeArchitecture(id);
    if (!findArchitecture(id)?.hyperVHost)
      return { status: 'warn', messageId: 'notHost', data: { host }, evidence };
    const guestValue = snapshotValue(snapshot.auto, 'ProcessorArchitecture');
    const guestId = numberValue(snapshot.auto, 'ProcessorArchitecture');
    // x86 (0) and x64 (9) guests run on x64 hosts; ARM64 (12) guests on ARM64 hosts.
    const family = (arch: number) =>
      arch === 12 || arch === 5 ? 'arm' : arch === 0 || arch === 9 ? 'x86' : 'other';
    if (
      guestValue &&
      guestId !== undefined &&
      family(guestId) !== 'other' &&
      family(guestId) !== family(id)
    ) {
      evidence.push(valueEvidence(guestValue.name, guestValue, `the host’s family (${host})`));
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

const throttleRule: Rule = {
  id: 'kvp-throttle',
  title: 'Processor throttle values are percentages with min ≤ max',
  failureTitle: 'Processor throttle values are inconsistent',
  description:
    'HostingSystemProcessorThrottleMin/Max presumably mirror powercfg PROCTHROTTLEMIN/MAX, 0–100 % [inference] (kvp-reference.md §1.2).',
  requires: [presentRule.id],
  messages: {
    absent: 'No throttle values (older hosts do not write them).',
    ok: 'Min {{min}} % ≤ max {{max}} %.',
    range: '{{name}} is {{value}}, outside 0–100.',
    order: 'Min {{min}} % is above max {{max}} %.',
  },
  fix: { range: REFRESH_FIX, order: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const p = snapshot.parameters;
    const names = [
      'HostingSystemProcessorThrottleMin',
      'HostingSystemProcessorThrottleMax',
    ] as const;
    const [minV, maxV] = names.map((n) => snapshotValue(p, n));
    const [min, max] = names.map((n) => numberValue(p, n));
    if (min === undefined && max === undefined)
      return { status: 'not-applicable', messageId: 'absent' };
    const evidence = names.map((n, i) => valueEvidence(n, i === 0 ? minV : maxV, '0–100'));
    for (const [i, value] of [min, max].entries()) {
      if (value !== undefined && value > 100) {
        return {
          status: 'warn',
          messageId: 'range',
          data: { name: names[i] ?? '', value },
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

const namesRule: Rule = {
  id: 'kvp-host-names',
  title: 'The host’s name and fully qualified name agree',
  failureTitle: 'The host’s name and fully qualified name disagree',
  description:
    'PhysicalHostNameFullyQualified should start with PhysicalHostName (e.g. THEHOST / thehost.example.com), or equal it when the host has no domain (Azure) (kvp-reference.md §1.2, §7).',
  requires: [presentRule.id],
  messages: {
    absent: 'PhysicalHostName or PhysicalHostNameFullyQualified is missing.',
    ok: '“{{fqdn}}” matches “{{name}}”.',
    differ:
      '“{{fqdn}}” does not start with “{{name}}”: the values may come from different hosts, or were edited.',
  },
  fix: { differ: REFRESH_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const p = snapshot.parameters;
    const nameV = snapshotValue(p, 'PhysicalHostName');
    const fqdnV = snapshotValue(p, 'PhysicalHostNameFullyQualified');
    if (!nameV || !fqdnV || typeof nameV.data !== 'string' || typeof fqdnV.data !== 'string') {
      return { status: 'not-applicable', messageId: 'absent' };
    }
    const name = nameV.data;
    const fqdn = fqdnV.data;
    const firstLabel = fqdn.split('.')[0] ?? '';
    const evidence = [
      valueEvidence(nameV.name, nameV, `the first label of “${fqdn}”`),
      valueEvidence(fqdnV.name, fqdnV, `“${name}” or “${name}.<domain>”`),
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

const caseRule: Rule = {
  id: 'kvp-case-duplicates',
  title: 'No value names that differ only by case',
  failureTitle: 'Value names that differ only by case',
  description:
    'Registry names are case-insensitive, so the file’s later write replaces the earlier one (reg-format.md §2.7); on Linux pools such duplicates are separate records and "Windows will only access the last one" (ejsiron/hvkvp, kvp-reference.md §5.3).',
  requires: [presentRule.id],
  messages: {
    none: 'Every value name is written with one spelling.',
    found: 'Written with different case: {{list}}; only the last write counts.',
  },
  fix: { found: 'Keep one spelling of each name; the values were probably added by hand.' },
  evaluate({ snapshot }): RuleOutcome {
    const evidence: Evidence[] = [];
    const list: string[] = [];
    for (const v of snapshot.parameters.values) {
      const spellings = new Set((v.writes ?? []).map((w) => w.name));
      if (spellings.size < 2) continue;
      list.push((v.writes ?? []).map((w) => `${w.name} (line ${w.line})`).join(' / '));
      for (const w of v.writes ?? []) {
        evidence.push({
          name: w.name,
          actual: 'written',
          expected: 'one spelling',
          source: `line ${w.line}`,
          line: w.line,
        });
      }
    }
    if (list.length === 0) return { status: 'pass', messageId: 'none' };
    return { status: 'warn', messageId: 'found', data: { list: list.join('; ') }, evidence };
  },
};

const unknownRule: Rule = {
  id: 'kvp-unknown-values',
  title: 'Only known values',
  failureTitle: 'Values no host writes',
  description:
    'Hosts write the 16 values of the catalogue (kvp-reference.md §1.2); anything else was added by someone else.',
  requires: [presentRule.id],
  messages: {
    none: 'Every value is one a host writes.',
    found: 'Not written by any known host: {{names}}.',
  },
  fix: { found: 'Remove values the host does not write; they have no effect on Windows Update.' },
  evaluate({ snapshot }): RuleOutcome {
    const unknown = snapshot.parameters.values.filter(
      (v) => !findCatalogueEntry('Parameters', v.name),
    );
    if (unknown.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: { names: unknown.map((v) => v.name).join(', ') },
      evidence: unknown.map((v) => valueEvidence(v.name, v, 'a value from the catalogue')),
    };
  },
};

const legacyRule: Rule = {
  id: 'kvp-legacy-pattern',
  title: 'Not the legacy Virtual PC / Virtual Server pattern',
  failureTitle: 'Only the 4 legacy Virtual PC / Virtual Server values',
  description:
    'Virtual Server 2005 R2 SP1 and Windows Virtual PC Additions write only HostName, PhysicalHostName, PhysicalHostNameFullyQualified and VirtualMachineName (IVMGuestOS docs, kvp-reference.md §1.4, §7.8).',
  requires: [presentRule.id],
  messages: {
    no: 'The key holds Hyper-V values, not only the legacy four.',
    legacy:
      'The key holds only {{names}}: the pattern of Virtual PC / Virtual Server Additions, not of a Hyper-V host [inference]; Windows Update finds no host version here.',
  },
  fix: {
    legacy:
      'If this VM now runs on Hyper-V, enable Data Exchange so the host writes its values: Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange".',
  },
  evaluate({ snapshot }): RuleOutcome {
    const values = snapshot.parameters.values;
    const legacy = new Set(LEGACY_VALUE_NAMES.map((n) => n.toLowerCase()));
    const onlyLegacy = values.length > 0 && values.every((v) => legacy.has(v.name.toLowerCase()));
    if (!onlyLegacy) return { status: 'pass', messageId: 'no' };
    return {
      status: 'warn',
      messageId: 'legacy',
      data: { names: values.map((v) => v.name).join(', ') },
      evidence: values.map((v) => valueEvidence(v.name, v, 'with the Hyper-V values beside it')),
    };
  },
};

const lookAlikeRule: Rule = {
  id: 'kvp-look-alike-keys',
  title: 'No look-alike keys',
  failureTitle: 'Keys that look like Guest\\Parameters but are not read',
  description:
    'Windows Update reads HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters only; copies under Wow6432Node, HKCU, or a different name change nothing.',
  requires: [],
  messages: {
    none: 'No look-alike keys in the file.',
    found: 'Not read by Windows: {{list}}.',
  },
  fix: {
    found:
      'Values belong in HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters, where only the host should write them.',
  },
  evaluate({ snapshot }): RuleOutcome {
    const keys = snapshot.lookAlikes;
    if (keys.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: { list: keys.map((k) => `${k.path} (line ${k.line}: ${k.why})`).join('; ') },
      evidence: keys.map((k) =>
        keyEvidence(k.path, k.deleted ? 'deleted' : 'present', k.line, 'not used'),
      ),
    };
  },
};

const guestConsistentRule: Rule = {
  id: 'kvp-guest-os-consistent',
  title: 'The guest OS version is consistent',
  failureTitle: 'The guest OS version differs between Auto and CurrentVersion',
  description:
    'Virtual Machine\\Auto (written by the integration services, kvp-reference.md §2.1) and Windows NT\\CurrentVersion should name the same Windows version.',
  requires: [],
  messages: {
    single: 'The guest OS version is found in at most one place.',
    same: 'Auto and CurrentVersion agree: {{version}}.',
    differ:
      'CurrentVersion says {{cv}} but Auto says {{auto}}: Auto may be stale (an in-place upgrade) or edited.',
  },
  evaluate({ snapshot }): RuleOutcome {
    const [cv, auto] = snapshot.guestOsInFile;
    if (!cv || !auto) return { status: 'not-applicable', messageId: 'single' };
    const evidence = [...cv.facts.slice(0, 2), ...auto.facts.slice(0, 2)].map((f) =>
      factEvidence(f, 'the same version'),
    );
    if (cv.major === auto.major && cv.minor === auto.minor) {
      return {
        status: 'pass',
        messageId: 'same',
        data: { version: describeOsVersion(cv.major, cv.minor) },
        evidence,
      };
    }
    const where = (os: typeof cv) =>
      `${describeOsVersion(os.major, os.minor)} (${describeProvenance(os.facts[0]?.provenance ?? { kind: 'given' })})`;
    return {
      status: 'warn',
      messageId: 'differ',
      data: { cv: where(cv), auto: where(auto) },
      evidence,
    };
  },
};

function verdict(results: CheckResult[], snapshot: KvpSnapshot): Verdict {
  const pack = INTEGRITY_PACK_ID;
  const { parameters } = snapshot;
  if (parameters.state !== 'present') {
    const reason =
      parameters.state === 'deleted'
        ? `The file deletes Guest\\Parameters (line ${parameters.line ?? '?'}), so there are no host values to check.`
        : 'Guest\\Parameters is not in the file, so there are no host values to check.';
    return { pack, outcome: 'absent', reason };
  }
  const failed = results.filter((r) => r.status === 'fail' || r.status === 'error');
  if (failed.length > 0) {
    const first = failed[0] as CheckResult;
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
    return { pack, outcome: 'broken', reason: `${first.title}${more}: ${first.message}` };
  }
  const warned = results.filter((r) => r.status === 'warn');
  if (warned.length > 0) {
    const first = warned[0] as CheckResult;
    const more = warned.length > 1 ? ` (and ${warned.length - 1} more)` : '';
    return { pack, outcome: 'suspicious', reason: `${first.title}${more}: ${first.message}` };
  }
  return {
    pack,
    outcome: 'healthy',
    reason: 'The host’s values are present, plausible and consistent.',
  };
}

export const kvpIntegrityPack: RulePack = {
  id: INTEGRITY_PACK_ID,
  title: 'Data Exchange (KVP) values: plausible and consistent',
  label: 'KVP values',
  outcomes: ['healthy', 'suspicious', 'broken', 'absent'],
  rules: [
    presentRule,
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
    guestConsistentRule,
  ],
  verdict,
};
