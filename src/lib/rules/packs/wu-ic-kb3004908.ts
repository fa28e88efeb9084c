// KB3004908 (November 2014): integration components through Windows Update, and how Windows Update
// decided whether to offer them. Sources: the 2014 blog posts "Hyper-V integration components are
// available through Windows Update" ("updates available today as KB3004908 for virtual machines
// running: Windows Server 2012, Windows Server 2008 R2, Windows 8, Windows 7 … only … on Windows
// Technical Preview hosts") and "Integration components: How we determine Windows Update
// applicability" ("if KVP is enabled, Windows Update checks the OS version, the HostSystemOSMajor,
// then the HostSystemOSMinor"; "if KVP has never been enabled, these keys will not exist …
// integration components will not be offered"; "Windows version is 6.4 is Technical Preview";
// the values are "modifiable and thus easy to spoof"). The real value names are
// HostingSystemOsMajor/Minor: every host writes those, and every Microsoft script reads them.
// A guest or host the update was not for is a note, not a failure: it is how most guests are
// today, and nothing is wrong with them.

import { describeHostVersion } from '../../kvp/os-versions.ts';
import { SATISFIED } from '../engine.ts';
import { deleteValues, makeFix } from '../fixes.ts';
import { PARAMETERS_PRESENT, parametersPresentRule } from '../parameters-present.ts';
import { DOCS } from '../references.ts';
import type {
  CheckResult,
  Evidence,
  Rule,
  RuleOutcome,
  RulePack,
  VerdictDecision,
} from '../types.ts';
import { describeGuestOs, fromPhrase, type SnapshotView } from '../view.ts';

export const KB3004908_PACK_ID = 'wu-ic-kb3004908';

/** The 2014 article's prose spelling; Windows reads HostingSystemOsMajor/Minor instead. */
export const ARTICLE_SPELLINGS = ['HostSystemOSMajor', 'HostSystemOSMinor'];

const TARGET_GUESTS =
  'Windows 7, Windows Server 2008 R2, Windows 8 and Windows Server 2012 (6.1 and 6.2)';

const guestRule: Rule = {
  id: 'kb3004908-guest-os',
  title: 'Guest OS is one KB3004908 targets',
  failureTitle: 'Guest OS is not one KB3004908 targets',
  description: `KB3004908 was published for ${TARGET_GUESTS} guests only; Windows Update checks the guest’s version first.`,
  references: [DOCS.icThroughWindowsUpdate, DOCS.icApplicability],
  requires: [],
  messages: {
    targeted: 'The guest is {{version}}, {{from}}: one of the versions KB3004908 targets.',
    other: 'The guest is {{version}}, {{from}}; KB3004908 targets only {{targets}}.',
    unknown:
      'The file says neither in Virtual Machine\\Auto nor in Windows NT\\CurrentVersion which Windows the guest runs, so this cannot be decided.',
  },
  blocks: { unknown: 'the guest OS is not known' },
  decidedBy: { unknown: 'guestOs' },
  evaluate({ view }): RuleOutcome {
    const guest = view.guestOs('6.1 or 6.2 (major.minor)');
    if (!guest) return { status: 'incomplete', messageId: 'unknown' };
    const targeted = guest.major === 6 && (guest.minor === 1 || guest.minor === 2);
    return {
      status: targeted ? 'pass' : 'info',
      messageId: targeted ? 'targeted' : 'other',
      data: {
        version: describeGuestOs(guest.os),
        from: fromPhrase(guest.evidence[0]),
        targets: TARGET_GUESTS,
      },
      evidence: guest.evidence,
    };
  },
};

/** The host version Windows Update would read, or why there is none. */
function hostOrWhy(
  view: SnapshotView,
):
  | { ok: true; major: number; minor: number; evidence: Evidence[] }
  | { ok: false; skip: true }
  | { ok: false; skip: false; why: string; evidence: Evidence[] } {
  const host = view.hostVersion();
  if (host) return { ok: true, major: host.major, minor: host.minor, evidence: host.evidence };
  if (view.parameters.state !== 'present') return { ok: false, skip: true };
  const file = view.fileHostVersion();
  return file.ok
    ? { ok: true, major: file.major, minor: file.minor, evidence: file.evidence }
    : { ok: false, skip: false, why: file.why, evidence: file.evidence };
}

const hostMajorRule: Rule = {
  id: 'kb3004908-host-major',
  title: 'Host major version is 6',
  failureTitle: 'Host major version is not 6',
  description:
    'Windows Update checks HostingSystemOsMajor next (the 2014 blog spells it HostSystemOSMajor); the November 2014 release targets 6.4 hosts.',
  references: [DOCS.icApplicability],
  requires: [],
  after: [PARAMETERS_PRESENT],
  messages: {
    match: 'The host reports major version 6, {{from}}.',
    other: 'The host reports {{host}}; this update is offered only to VMs on 6.4 hosts.',
    unreadable: '{{why}}, so Windows Update cannot match the host version.',
  },
  blocks: { unreadable: 'the host version cannot be read' },
  decidedBy: { unreadable: 'hostVersion' },
  evaluate({ view }): RuleOutcome {
    const host = hostOrWhy(view);
    if (!host.ok && host.skip) return { status: 'skip', because: PARAMETERS_PRESENT };
    if (!host.ok) {
      return {
        status: 'fail',
        messageId: 'unreadable',
        data: { why: host.why },
        evidence: host.evidence,
      };
    }
    const evidence = host.evidence.slice(0, 1);
    if (host.major === 6) {
      return {
        status: 'pass',
        messageId: 'match',
        data: { from: fromPhrase(evidence[0]) },
        evidence,
      };
    }
    return {
      status: 'info',
      messageId: 'other',
      data: { host: describeHostVersion(host.major, host.minor) },
      evidence: host.evidence,
    };
  },
};

const hostMinorRule: Rule = {
  id: 'kb3004908-host-minor',
  title: 'Host minor version is 4 (Technical Preview host)',
  failureTitle: 'Host minor version is not 4',
  description:
    'Windows Update then checks HostingSystemOsMinor (the 2014 blog spells it HostSystemOSMinor): “Windows version is 6.4 is Technical Preview”.',
  references: [DOCS.icApplicability],
  requires: [hostMajorRule.id],
  messages: {
    match:
      'The host reports 6.4, {{from}}: the Windows Technical Preview host the November 2014 release was offered on.',
    other: 'The host reports {{host}}; this update is offered only to VMs on 6.4 hosts.',
  },
  evaluate({ view }): RuleOutcome {
    const host = hostOrWhy(view);
    // The major rule passed, so a host version was read.
    if (!host.ok) return { status: 'skip', because: hostMajorRule.id };
    const evidence = host.evidence.slice(1, 2);
    if (host.minor === 4) {
      return {
        status: 'pass',
        messageId: 'match',
        data: { from: fromPhrase(evidence[0]) },
        evidence,
      };
    }
    return {
      status: 'info',
      messageId: 'other',
      data: { host: describeHostVersion(host.major, host.minor) },
      evidence,
    };
  },
};

/** Every place the article's spelling occurs: Parameters, Auto, look-alike keys. */
function articleSpellings(view: SnapshotView): { evidence: Evidence; path: string }[] {
  const wanted = new Set(ARTICLE_SPELLINGS.map((n) => n.toLowerCase()));
  const found: { evidence: Evidence; path: string }[] = [];
  const add = (name: string, line: number, path: string, where: string, source: string) => {
    if (!wanted.has(name.toLowerCase())) return;
    const expected = name.toLowerCase().endsWith('major')
      ? 'HostingSystemOsMajor'
      : 'HostingSystemOsMinor';
    found.push({ evidence: { name, actual: `a value in ${where}`, expected, source, line }, path });
  };
  for (const key of [view.parameters, view.auto]) {
    for (const v of key.values)
      add(v.name, v.line, key.facts.path, key.facts.path, key.where(v.line));
  }
  for (const key of view.snapshot.lookAlikes) {
    for (const v of key.values) add(v.name, v.line, key.path, key.path, `line ${v.line}`);
  }
  return found;
}

const spellingRule: Rule = {
  id: 'kb3004908-article-spelling',
  title: 'No values under the 2014 article’s spelling',
  failureTitle: 'A value uses the 2014 article’s spelling (HostSystemOSMajor/Minor)',
  description:
    'The 2014 blog’s prose says HostSystemOSMajor/HostSystemOSMinor, but hosts write HostingSystemOsMajor/HostingSystemOsMinor and Windows reads those. Values created under the article’s spelling change nothing.',
  references: [DOCS.icApplicability],
  requires: [],
  messages: {
    none: 'No value is named HostSystemOSMajor or HostSystemOSMinor.',
    found:
      '{{names}} ({{lines}}) follow the 2014 article’s spelling; Windows reads HostingSystemOsMajor and HostingSystemOsMinor, so these values change nothing.',
  },
  fix: {
    found: (context, data) => {
      const parts = String(data.keys)
        .split('\n')
        .map((entry) => {
          const [path = '', ...names] = entry.split('\t');
          return deleteValues(path, names);
        });
      return makeFix(
        context,
        'Delete the values with the article’s spelling in the guest: they have no effect (and editing the host’s values to obtain updates is unsupported).',
        ...parts,
      );
    },
  },
  evaluate({ view }): RuleOutcome {
    const found = articleSpellings(view);
    if (found.length === 0) return { status: 'pass', messageId: 'none' };
    // Per key: its path, then the names to delete (tab-separated: names may hold any other text).
    const byKey = new Map<string, string[]>();
    for (const { evidence, path } of found) {
      byKey.set(path, [...(byKey.get(path) ?? []), evidence.name]);
    }
    return {
      status: 'warn',
      messageId: 'found',
      data: {
        names: found.map((f) => f.evidence.name).join(', '),
        lines: found.map((f) => f.evidence.source).join(', '),
        keys: [...byKey].map(([path, names]) => [path, ...names].join('\t')).join('\n'),
      },
      evidence: found.map((f) => f.evidence),
    };
  },
};

const editableRule: Rule = {
  id: 'kb3004908-values-editable',
  title: 'These values are editable',
  failureTitle: 'These values are editable',
  description:
    'The 2014 blog: “these registry keys are all modifiable and thus easy to spoof”; it calls changing them on down-level hosts unsupported.',
  references: [DOCS.icApplicability],
  requires: [],
  messages: {
    note: 'Windows Update trusts values any administrator of the guest can edit, so this verdict is only as true as the values; editing them to obtain updates is unsupported.',
  },
  evaluate: () => ({ status: 'info', messageId: 'note' }),
};

function byId(results: CheckResult[], id: string): CheckResult | undefined {
  return results.find((r) => r.id === id);
}

/**
 * Windows Update's order — KVP, guest OS, host major, host minor — except that a host known not to
 * be 6.4 settles it without the guest OS.
 */
function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  const major = byId(results, hostMajorRule.id);
  const minor = byId(results, hostMinorRule.id);
  const guest = byId(results, guestRule.id);
  const present = byId(results, PARAMETERS_PRESENT);
  const given = view.hostVersion() !== null && view.snapshot.hostVersion?.from === 'given';
  const broken = [present, guest, major, minor].find((r) => r?.status === 'error');
  if (broken) {
    return {
      outcome: 'unknown',
      reason: `“${broken.title}” could not be evaluated: ${broken.message}`,
    };
  }
  if (present && !SATISFIED.has(present.status) && !given) {
    return present.status === 'incomplete'
      ? { outcome: 'unknown', reason: present.message }
      : { outcome: 'not-offered', reason: present.message };
  }
  // A host that is not 6.4 is a fact, not a fault (a note); an unreadable one fails.
  for (const step of [major, minor]) {
    if (step && (step.status === 'fail' || step.messageId === 'other')) {
      return { outcome: 'not-offered', reason: step.message };
    }
  }
  if (!guest || guest.status === 'incomplete') {
    return {
      outcome: 'unknown',
      reason: `The host reports 6.4, but ${guestRule.blocks?.unknown ?? 'the guest OS is not known'}, and KB3004908 was offered only to ${TARGET_GUESTS} guests.`,
    };
  }
  if (guest.messageId !== 'targeted') {
    view.guestOs(); // the guest OS decides it: a given one is what it rests on
    return { outcome: 'not-offered', reason: guest.message };
  }
  const os = view.guestOs();
  return {
    outcome: 'offered',
    reason: `The guest is ${os ? describeGuestOs(os.os) : 'a targeted version'} and the host reports 6.4 — the combination the November 2014 logic offers KB3004908 to.`,
  };
}

export const kb3004908Pack: RulePack = {
  id: KB3004908_PACK_ID,
  title: 'Windows Update: KB3004908 integration components (November 2014)',
  label: 'KB3004908',
  question:
    'Would the November 2014 integration-component update (KB3004908) be offered to this guest by Windows Update?',
  outcomes: {
    offered: { label: 'Offered', tone: 'good' },
    'not-offered': { label: 'Not offered', tone: 'neutral' },
    unknown: { label: 'Cannot tell', tone: 'neutral' },
  },
  rules: [
    parametersPresentRule,
    guestRule,
    hostMajorRule,
    hostMinorRule,
    spellingRule,
    editableRule,
  ],
  verdict,
};
