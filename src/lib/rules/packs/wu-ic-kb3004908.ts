// KB3004908 (November 2014): integration components through Windows Update, and how Windows Update
// decided whether to offer them. Source: kvp-reference.md §4.1 — Virtualization-Documentation
// team-blog/2014/20141111-hyper-v-integration-components-are-available-through-windows-update.md
// ("updates available today as KB3004908 for virtual machines running: Windows Server 2012, Windows
// Server 2008 R2, Windows 8, Windows 7 … only … on Windows Technical Preview hosts") and
// team-blog/2014/20141124-integration-components-how-we-determine-windows-update-applicability.md
// ("if KVP is enabled, Windows Update checks the OS version, the HostSystemOSMajor, then the
// HostSystemOSMinor"; "if KVP has never been enabled, these keys will not exist … integration
// components will not be offered"; "Windows version is 6.4 is Technical Preview"; the values are
// "modifiable and thus easy to spoof"). The real value names are HostingSystemOsMajor/Minor (§1.1).

import { describeHostVersion, describeOsVersion } from '../../kvp/os-versions.ts';
import { describeProvenance } from '../../kvp/provenance.ts';
import type { KvpSnapshot } from '../../kvp/snapshot.ts';
import { SATISFIED } from '../engine.ts';
import { factEvidence, keyEvidence } from '../evidence.ts';
import { hostNumber } from '../host-version.ts';
import type { CheckResult, Evidence, Rule, RuleOutcome, RulePack, Verdict } from '../types.ts';

export const KB3004908_PACK_ID = 'wu-ic-kb3004908';

const ENABLE_KVP_FIX =
  'On the host: Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange". ' +
  'In the guest: Set-Service vmickvpexchange -StartupType Automatic; Start-Service vmickvpexchange.';

/** The 2014 article's prose spelling; Windows reads HostingSystemOsMajor/Minor instead (§1.1). */
export const ARTICLE_SPELLINGS = ['HostSystemOSMajor', 'HostSystemOSMinor'];

const presentRule: Rule = {
  id: 'kb3004908-parameters-present',
  title: 'Guest\\Parameters key present',
  failureTitle: 'Guest\\Parameters key missing',
  description:
    'Windows Update reads the host version from HKLM\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters; "if KVP has never been enabled, these keys will not exist" and the update is not offered (2014 blog).',
  requires: [],
  messages: {
    present: 'The key {{path}} is in the file ({{source}}).',
    absent:
      'The key Guest\\Parameters is not in the file, so Windows Update has no host version to check: Data Exchange (KVP) has never run in this guest, or the host withholds its values.',
    deleted:
      'The file deletes the key Guest\\Parameters on line {{line}}, so Windows Update has no host version to check.',
    assumed:
      'The key Guest\\Parameters is {{state}} in the file; the rules below assume the host wrote it, with the host version you gave ({{host}}).',
  },
  fix: { absent: ENABLE_KVP_FIX, deleted: ENABLE_KVP_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const { parameters, given } = snapshot;
    const evidence = [keyEvidence(parameters.path, parameters.state, parameters.line, 'present')];
    if (parameters.state === 'present') {
      return {
        status: 'pass',
        messageId: 'present',
        data: { path: parameters.path, source: `line ${parameters.line ?? '?'}` },
        evidence,
      };
    }
    if (given.hostVersion) {
      const host = `${given.hostVersion.major}.${given.hostVersion.minor}`;
      const state = parameters.state === 'deleted' ? 'deleted' : 'not';
      return { status: 'warn', messageId: 'assumed', data: { state, host }, evidence };
    }
    if (parameters.state === 'deleted') {
      return {
        status: 'fail',
        messageId: 'deleted',
        data: { line: parameters.line ?? '?' },
        evidence,
      };
    }
    return { status: 'fail', messageId: 'absent', evidence };
  },
};

const TARGET_GUESTS =
  'Windows 7, Windows Server 2008 R2, Windows 8 and Windows Server 2012 (6.1, 6.2)';

const guestRule: Rule = {
  id: 'kb3004908-guest-os',
  title: 'Guest OS is one KB3004908 targets',
  failureTitle: 'Guest OS is not one KB3004908 targets',
  description: `KB3004908 was published for ${TARGET_GUESTS} guests only (2014-11-11 blog).`,
  requires: [presentRule.id],
  messages: {
    targeted: 'The guest is {{version}} ({{source}}), one of the versions KB3004908 targets.',
    other: 'The guest is {{version}} ({{source}}); KB3004908 targets only {{targets}}.',
    unknown:
      'The guest OS version is neither in the file (Virtual Machine\\Auto or Windows NT\\CurrentVersion) nor given, so this cannot be decided; give it with --guest-os <major.minor>.',
  },
  evaluate({ snapshot }): RuleOutcome {
    const os = snapshot.guestOs;
    if (!os) return { status: 'skip', messageId: 'unknown', evidence: [] };
    const first = os.facts[0];
    const source = first ? describeProvenance(first.provenance) : 'unknown source';
    const evidence: Evidence[] = os.facts
      .slice(0, 2)
      .map((fact) => factEvidence(fact, '6.1 or 6.2 (major.minor)'));
    const targeted = os.major === 6 && (os.minor === 1 || os.minor === 2);
    const data = { version: describeOsVersion(os.major, os.minor), source, targets: TARGET_GUESTS };
    return {
      status: targeted ? 'pass' : 'fail',
      messageId: targeted ? 'targeted' : 'other',
      data,
      evidence,
    };
  },
};

/** "10.0 — Windows Server 2016–2025 or Windows 10/11", or "major 10" when the minor is unreadable. */
function hostPhrase(snapshot: KvpSnapshot, major: number): string {
  const minor = hostNumber(snapshot, 'minor', '');
  return minor.ok ? describeHostVersion(major, minor.value) : `major version ${major}`;
}

const hostMajorRule: Rule = {
  id: 'kb3004908-host-major',
  title: 'Host major version is 6',
  failureTitle: 'Host major version is not 6',
  description:
    'Windows Update checks HostingSystemOsMajor next (the blog spells it HostSystemOSMajor); the November 2014 release targets 6.4 hosts.',
  requires: [guestRule.id],
  messages: {
    match: 'The host reports major version 6 ({{source}}).',
    other: 'The host reports {{host}}; this update is offered only to VMs on 6.4 hosts.',
    unreadable: '{{why}}, so Windows Update cannot match the host version.',
  },
  fix: { unreadable: ENABLE_KVP_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const major = hostNumber(snapshot, 'major', '6');
    if (!major.ok) {
      return {
        status: 'fail',
        messageId: 'unreadable',
        data: { why: major.why },
        evidence: [major.evidence],
      };
    }
    if (major.value === 6) {
      return {
        status: 'pass',
        messageId: 'match',
        data: { source: major.evidence.source },
        evidence: [major.evidence],
      };
    }
    return {
      status: 'fail',
      messageId: 'other',
      data: { host: hostPhrase(snapshot, major.value) },
      evidence: [major.evidence],
    };
  },
};

const hostMinorRule: Rule = {
  id: 'kb3004908-host-minor',
  title: 'Host minor version is 4 (Technical Preview host)',
  failureTitle: 'Host minor version is not 4',
  description:
    'Windows Update then checks HostingSystemOsMinor (the blog spells it HostSystemOSMinor): "Windows version is 6.4 is Technical Preview".',
  requires: [hostMajorRule.id],
  messages: {
    match:
      'The host reports 6.4 ({{source}}) — the Windows Technical Preview host the November 2014 release was offered on.',
    other: 'The host reports {{host}}; this update is offered only to VMs on 6.4 hosts.',
    unreadable: '{{why}}, so Windows Update cannot match the host version.',
  },
  fix: { unreadable: ENABLE_KVP_FIX },
  evaluate({ snapshot }): RuleOutcome {
    const minor = hostNumber(snapshot, 'minor', '4');
    if (!minor.ok) {
      return {
        status: 'fail',
        messageId: 'unreadable',
        data: { why: minor.why },
        evidence: [minor.evidence],
      };
    }
    if (minor.value === 4) {
      return {
        status: 'pass',
        messageId: 'match',
        data: { source: minor.evidence.source },
        evidence: [minor.evidence],
      };
    }
    return {
      status: 'fail',
      messageId: 'other',
      data: { host: describeHostVersion(6, minor.value) },
      evidence: [minor.evidence],
    };
  },
};

/** Every place the article's spelling occurs in the file: Parameters, Auto, look-alike keys. */
function articleSpellings(snapshot: KvpSnapshot): Evidence[] {
  const wanted = new Set(ARTICLE_SPELLINGS.map((n) => n.toLowerCase()));
  const found: Evidence[] = [];
  const add = (name: string, line: number, where: string) => {
    if (!wanted.has(name.toLowerCase())) return;
    const expected = name.toLowerCase().endsWith('major')
      ? 'HostingSystemOsMajor'
      : 'HostingSystemOsMinor';
    found.push({ name, actual: `a value in ${where}`, expected, source: `line ${line}`, line });
  };
  for (const v of snapshot.parameters.values) add(v.name, v.line, 'Guest\\Parameters');
  for (const v of snapshot.auto.values) add(v.name, v.line, 'Virtual Machine\\Auto');
  for (const key of snapshot.lookAlikes) for (const v of key.values) add(v.name, v.line, key.path);
  return found;
}

const spellingRule: Rule = {
  id: 'kb3004908-article-spelling',
  title: 'No values under the 2014 article’s spelling',
  failureTitle: 'A value uses the 2014 article’s spelling (HostSystemOSMajor/Minor)',
  description:
    'The 2014 blog’s prose says HostSystemOSMajor/HostSystemOSMinor, but every host and every Microsoft script uses HostingSystemOsMajor/HostingSystemOsMinor (kvp-reference.md §1.1). Values created under the article’s spelling change nothing.',
  requires: [],
  messages: {
    none: 'No value is named HostSystemOSMajor or HostSystemOSMinor.',
    found:
      '{{names}} ({{lines}}) follow the 2014 article’s spelling; Windows reads HostingSystemOsMajor and HostingSystemOsMinor, so these values change nothing.',
  },
  fix: {
    found:
      'Delete the look-alike values; they have no effect (and editing the host values to obtain updates is unsupported).',
  },
  evaluate({ snapshot }): RuleOutcome {
    const found = articleSpellings(snapshot);
    if (found.length === 0) return { status: 'pass', messageId: 'none' };
    return {
      status: 'warn',
      messageId: 'found',
      data: {
        names: found.map((e) => e.name).join(', '),
        lines: found.map((e) => e.source).join(', '),
      },
      evidence: found,
    };
  },
};

const editableRule: Rule = {
  id: 'kb3004908-values-editable',
  title: 'These values are editable',
  failureTitle: 'These values are editable',
  description:
    'The 2014 blog: "these registry keys are all modifiable and thus easy to spoof"; it describes changing them on down-level hosts as unsupported.',
  requires: [],
  messages: {
    note: 'Windows Update trusts values any administrator of the guest can edit, so this verdict is only as true as the values in the file; editing them to obtain updates is unsupported.',
  },
  evaluate: () => ({ status: 'info', messageId: 'note' }),
};

const STEPS = [presentRule.id, guestRule.id, hostMajorRule.id, hostMinorRule.id];

function verdict(results: CheckResult[], snapshot: KvpSnapshot): Verdict {
  const pack = KB3004908_PACK_ID;
  for (const id of STEPS) {
    const result = results.find((r) => r.id === id);
    if (!result) return { pack, outcome: 'unknown', reason: `The step “${id}” did not run.` };
    if (SATISFIED.has(result.status)) continue;
    if (result.status === 'skip' && id === guestRule.id && !snapshot.guestOs) {
      return { pack, outcome: 'unknown', reason: result.message };
    }
    if (result.status === 'error') {
      return {
        pack,
        outcome: 'unknown',
        reason: `“${result.title}” could not be evaluated: ${result.message}`,
      };
    }
    return { pack, outcome: 'not-offered', reason: result.message };
  }
  const os = snapshot.guestOs;
  const guest = os ? describeOsVersion(os.major, os.minor) : 'unknown';
  return {
    pack,
    outcome: 'offered',
    reason: `The guest is ${guest} and the host reports 6.4 — the combination the November 2014 logic offers KB3004908 to.`,
  };
}

export const kb3004908Pack: RulePack = {
  id: KB3004908_PACK_ID,
  title: 'Windows Update: KB3004908 integration components (November 2014)',
  label: 'KB3004908',
  outcomes: ['offered', 'not-offered', 'unknown'],
  rules: [presentRule, guestRule, hostMajorRule, hostMinorRule, spellingRule, editableRule],
  verdict,
};
