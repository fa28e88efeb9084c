// How this guest receives integration-component (IC) updates today, by host and guest version.
// Source: kvp-reference.md §4.2 — windowsserverdocs
// WindowsServerDocs/virtualization/hyper-v/manage/Manage-Hyper-V-integration-services.md: on Windows
// 10 / Server 2016+ hosts, Windows 10/8.1/2016/2012 R2 guests → Windows Update; Windows 8, 7, Vista
// SP2, Server 2012, 2008 R2 SP1 → Windows Update, "Requires the Data Exchange integration service"
// (else the KB3071740 cab); 2008 SP2 → "Extended support only". On 8.1/2012 R2 hosts: Windows 10 /
// 2016 guests → Windows Update, everything else → "Integration Services disk". On 8/2012 hosts: all →
// Integration Services disk. Conflict: the older Virtualization-Documentation page
// (user-guide/managing-integration-services.md, 2016) lists 8.1/2012 R2 guests on 8.1 and 8 hosts as
// "Windows Update"; windowsserverdocs issue #3921 reports Windows Update not working there.
// Windows 10+ guests' IC drivers come in the normal cumulative updates (§4.3 [inference]).
//
// Outcomes: `windows-update` (Windows Update delivers them; Data Exchange works), `windows-update-
// needs-kvp` (Windows Update would, but only once Data Exchange works), `os-updates` (they come with
// the guest's own cumulative updates), `integration-services-disk` (install them from the host's disk),
// `unsupported` (guests older than Vista/2008), `unknown` (guest or host version not known).

import { describeHostVersion, describeOsVersion } from '../../kvp/os-versions.ts';
import { describeProvenance } from '../../kvp/provenance.ts';
import type { KvpSnapshot } from '../../kvp/snapshot.ts';
import { factEvidence, keyEvidence } from '../evidence.ts';
import type { CheckResult, Rule, RuleOutcome, RulePack, Verdict } from '../types.ts';

export const SERVICING_PACK_ID = 'wu-ic-servicing';

export type ServicingOutcome =
  | 'windows-update'
  | 'windows-update-needs-kvp'
  | 'os-updates'
  | 'integration-services-disk'
  | 'unsupported'
  | 'unknown';

const ENABLE_KVP_FIX =
  'On the host: Enable-VMIntegrationService -VMName <vm> -Name "Key-Value Pair Exchange". ' +
  'In the guest: Set-Service vmickvpexchange -StartupType Automatic; Start-Service vmickvpexchange. ' +
  'If Data Exchange cannot be enabled, install the integration services cab from KB3071740 with Add-WindowsPackage -Online -PackagePath <cab>.';

const DISK_FIX =
  'In Hyper-V Manager on the host choose Action → Insert Integration Services Setup Disk, then run the setup in the guest (vmguest.iso).';

const CONFLICT_NOTE =
  ' (an older Microsoft page lists Windows Update for 8.1/2012 R2 guests here; the current one says the disk, and users report Windows Update not working)';

export interface ServicingPath {
  outcome: ServicingOutcome;
  /** One sentence: the path and what to do. */
  reason: string;
}

/** The hosts whose IC story is Windows Update (10.0; 6.4 = the 2014 Technical Preview [inference]). */
function isModernHost(major: number, minor: number): boolean {
  return major === 10 || (major === 6 && minor === 4);
}

/** Whether the file shows Data Exchange working: Parameters present with a readable host version. */
function dataExchangeWorks(snapshot: KvpSnapshot): boolean {
  if (snapshot.parameters.state !== 'present') return false;
  if (!snapshot.given.hostVersion) return snapshot.hostVersion !== null;
  // With a given host version, look at the file's own values.
  return snapshot.parameters.values.some((v) => v.name.toLowerCase() === 'hostingsystemosmajor');
}

export function servicingPath(snapshot: KvpSnapshot): ServicingPath {
  const guest = snapshot.guestOs;
  const host = snapshot.hostVersion;
  if (!guest) {
    return {
      outcome: 'unknown',
      reason:
        'The guest OS version is neither in the file nor given, so the update path cannot be told; give it with --guest-os <major.minor>.',
    };
  }
  const g = describeOsVersion(guest.major, guest.minor);
  const h = host ? describeHostVersion(host.major, host.minor) : undefined;
  const onHost = h ? ` on a ${h} host` : '';
  if (guest.major < 6) {
    return {
      outcome: 'unsupported',
      reason: `A ${g} guest gets no integration-component updates through Windows Update; on 8.1/2012 R2 and older hosts they come from the Integration Services disk.`,
    };
  }
  if (guest.major === 10 || (guest.major === 6 && guest.minor === 4)) {
    return {
      outcome: 'os-updates',
      reason: `A ${g} guest${onHost} gets its integration components with its own cumulative updates through Windows Update; keep the guest updated.`,
    };
  }
  if (guest.major === 6 && guest.minor === 3) {
    if (!host) {
      return {
        outcome: 'unknown',
        reason: `A ${g} guest gets integration components with its own updates on Windows 10/Server 2016+ hosts but from the Integration Services disk on 2012 R2/2012 hosts, and the host version is not in the file.`,
      };
    }
    if (isModernHost(host.major, host.minor)) {
      return {
        outcome: 'os-updates',
        reason: `A ${g} guest${onHost} gets its integration components with its own updates through Windows Update; keep the guest updated.`,
      };
    }
    return {
      outcome: 'integration-services-disk',
      reason: `A ${g} guest${onHost} gets integration components from the host’s Integration Services disk${host.major === 6 && host.minor >= 2 ? CONFLICT_NOTE : ' [inference: the documentation covers 2012 and newer hosts]'}; insert it from Hyper-V Manager and run its setup.`,
    };
  }
  if (guest.major === 6 && guest.minor <= 2) {
    const extended =
      guest.minor === 0
        ? ' (Windows Server 2008 SP2 only while it is in extended support; Vista SP2 needs Data Exchange)'
        : '';
    if (!host || isModernHost(host.major, host.minor)) {
      if (dataExchangeWorks(snapshot)) {
        return {
          outcome: 'windows-update',
          reason: `A ${g} guest${onHost} gets integration components through Windows Update, and Data Exchange works${extended}.`,
        };
      }
      // Without a host version the host is unknown too; the missing values are themselves the
      // sign that Data Exchange is not working, which is what matters on a modern host.
      const reason = host
        ? `On a Windows 10/Server 2016+ host, a ${g} guest gets integration components through Windows Update only when Data Exchange works, but Data Exchange does not work in this file; enable it (or use the KB3071740 cab)${extended}.`
        : `The file has no readable host version, so Data Exchange is not working. On a Windows 10/Server 2016+ host a ${g} guest gets integration components through Windows Update only when Data Exchange works: enable it (or use the KB3071740 cab)${extended}. On a 2012 R2/2012 host they come from the Integration Services disk instead.`;
      return { outcome: 'windows-update-needs-kvp', reason };
    }
    return {
      outcome: 'integration-services-disk',
      reason: `A ${g} guest${onHost} gets integration components from the host’s Integration Services disk${host.major === 6 && host.minor >= 2 ? '' : ' [inference: the documentation covers 2012 and newer hosts]'}; insert it from Hyper-V Manager and run its setup.`,
    };
  }
  return {
    outcome: 'unknown',
    reason: `The guest reports ${g}, which the update matrix does not cover.`,
  };
}

const guestRule: Rule = {
  id: 'servicing-guest-os',
  title: 'Guest OS version known',
  failureTitle: 'Guest OS version unknown',
  description:
    'The update path depends on the guest’s Windows version: from Virtual Machine\\Auto, Windows NT\\CurrentVersion, or given by you.',
  requires: [],
  messages: {
    known: 'The guest is {{version}} ({{source}}).',
    unknown:
      'The guest OS version is neither in the file (Virtual Machine\\Auto or Windows NT\\CurrentVersion) nor given; give it with --guest-os <major.minor>.',
  },
  evaluate({ snapshot }): RuleOutcome {
    const os = snapshot.guestOs;
    if (!os) return { status: 'skip', messageId: 'unknown' };
    const first = os.facts[0];
    return {
      status: 'pass',
      messageId: 'known',
      data: {
        version: describeOsVersion(os.major, os.minor),
        source: first ? describeProvenance(first.provenance) : '?',
      },
      evidence: os.facts.slice(0, 2).map((f) => factEvidence(f, 'a Windows version')),
    };
  },
};

const hostRule: Rule = {
  id: 'servicing-host-version',
  title: 'Host version known',
  failureTitle: 'Host version unknown',
  description:
    'The host version comes from HostingSystemOsMajor/HostingSystemOsMinor in Guest\\Parameters, or is given by you; 10.0 cannot be narrowed to a release (kvp-reference.md §1.2).',
  requires: [],
  messages: {
    known: 'The host reports {{host}} ({{source}}).',
    unknown:
      'The host version is not in the file (Guest\\Parameters is {{state}} or has no readable HostingSystemOsMajor/Minor).',
  },
  evaluate({ snapshot }): RuleOutcome {
    const host = snapshot.hostVersion;
    if (!host) {
      const p = snapshot.parameters;
      return {
        status: 'warn',
        messageId: 'unknown',
        data: { state: p.state },
        evidence: [keyEvidence(p.path, p.state, p.line, 'present, with the host version')],
      };
    }
    const first = host.facts[0];
    return {
      status: 'pass',
      messageId: 'known',
      data: {
        host: describeHostVersion(host.major, host.minor),
        source: first ? describeProvenance(first.provenance) : '?',
      },
      evidence: host.facts.map((f) => factEvidence(f, 'a Windows version')),
    };
  },
};

const STATUS: Record<ServicingOutcome, RuleOutcome['status']> = {
  'windows-update': 'pass',
  'os-updates': 'pass',
  'windows-update-needs-kvp': 'fail',
  'integration-services-disk': 'info',
  unsupported: 'warn',
  unknown: 'skip',
};

const pathRule: Rule = {
  id: 'servicing-path',
  title: 'Integration components reach this guest',
  failureTitle: 'Integration components do not reach this guest',
  description:
    'Which way integration-component updates reach this guest, per Microsoft’s matrix (Manage-Hyper-V-integration-services.md, kvp-reference.md §4.2).',
  requires: [guestRule.id],
  messages: {
    'windows-update': '{{reason}}',
    'os-updates': '{{reason}}',
    'windows-update-needs-kvp': '{{reason}}',
    'integration-services-disk': '{{reason}}',
    unsupported: '{{reason}}',
    unknown: '{{reason}}',
  },
  fix: {
    'windows-update-needs-kvp': ENABLE_KVP_FIX,
    unsupported: DISK_FIX,
  },
  evaluate({ snapshot }): RuleOutcome {
    const path = servicingPath(snapshot);
    return { status: STATUS[path.outcome], messageId: path.outcome, data: { reason: path.reason } };
  },
};

function verdict(_results: CheckResult[], snapshot: KvpSnapshot): Verdict {
  const { outcome, reason } = servicingPath(snapshot);
  return { pack: SERVICING_PACK_ID, outcome, reason };
}

export const servicingPack: RulePack = {
  id: SERVICING_PACK_ID,
  title: 'How integration components reach this guest today',
  label: 'IC servicing',
  outcomes: [
    'windows-update',
    'windows-update-needs-kvp',
    'os-updates',
    'integration-services-disk',
    'unsupported',
    'unknown',
  ],
  rules: [guestRule, hostRule, pathRule],
  verdict,
};

export { DISK_FIX };
