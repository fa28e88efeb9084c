// Does Microsoft support this guest OS on this host? The tables of src/lib/kvp/supported-guests.ts
// (Windows Server 2016 and later hosts: "Supported Windows guest operating systems for Hyper-V on
// Windows, Windows Server, and Azure Local"; 2012 R2 and 2012 hosts: the guests "Manage Hyper-V
// integration services" lists for them). A 10.0 host's release is not in Guest\Parameters, so
// where the answer differs between releases the outcome is `depends-on-host-release`. Hyper-V
// Server's last release is Hyper-V Server 2019 [3P], so it cannot be 2022 or later.

import { describeHostVersion } from '../../kvp/os-versions.ts';
import {
  listedFor6x,
  needsOn10,
  releaseAtLeast,
  serverReleaseOf,
  type GuestNeeds,
} from '../../kvp/supported-guests.ts';
import { hostBuild, hostEdition } from '../host-identity.ts';
import { DOCS } from '../references.ts';
import type { CheckResult, Rule, RuleOutcome, RulePack, VerdictDecision } from '../types.ts';
import { describeGuestOs, guestIdentity, type SnapshotView } from '../view.ts';

export const GUEST_SUPPORT_PACK_ID = 'guest-support';

type Support = 'supported' | 'unsupported' | 'depends-on-host-release' | 'unknown';

interface SupportAnswer {
  outcome: Support;
  reason: string;
}

function neededRelease(needs: GuestNeeds): string {
  const local = needs.azureLocal2311 ? ' (or Azure Local 2311.2 or later)' : '';
  const gen2 = needs.generation2 ? ', as a generation 2 VM' : '';
  return `${needs.minimumServer ?? 'Windows Server 2016'} or later${local}${gen2}`;
}

export function guestSupport(view: SnapshotView): SupportAnswer {
  const guest = view.guestOs();
  if (!guest)
    return {
      outcome: 'unknown',
      reason: 'The guest OS is not known, so its support cannot be told.',
    };
  const host = view.hostVersion();
  if (!host)
    return {
      outcome: 'unknown',
      reason: 'The host’s version is not known, so support cannot be told.',
    };
  const g = describeGuestOs(guest.os);
  const h = describeHostVersion(host.major, host.minor);
  const identity = guestIdentity(guest.os);
  if (host.major === 10 && host.minor === 0) {
    const family = hostEdition(view)?.info?.family;
    if (family === 'client') {
      return {
        outcome: 'unknown',
        reason: `The host is a Windows client: client Hyper-V has its own list of supported guests (“Supported Guest Operating Systems for Client Hyper-V in Windows 10”), which this check does not cover.`,
      };
    }
    if (family === 'azure') {
      return {
        outcome: 'unknown',
        reason:
          'The host is one of Azure’s: Azure’s own list of supported images applies, not Hyper-V’s.',
      };
    }
    const needs = needsOn10(identity);
    if (!needs) {
      return {
        outcome: 'unsupported',
        reason: `Microsoft’s list of Windows guests for Hyper-V on Windows Server 2016 and later and Azure Local does not include ${g}.`,
      };
    }
    const generation = view.snapshot.vm?.generation;
    if (needs.generation2 && generation === 1) {
      return {
        outcome: 'unsupported',
        reason: `${needs.listedAs} is supported only as a generation 2 VM, and this VM is generation 1.`,
      };
    }
    const gen2 = needs.generation2 && generation !== 2 ? ' It must be a generation 2 VM.' : '';
    if (!needs.minimumServer) {
      return {
        outcome: 'supported',
        reason: `${needs.listedAs} is a supported guest on Windows Server 2016 and later hosts.${gen2}`,
      };
    }
    const release = neededRelease(needs);
    const build = hostBuild(view);
    const exact =
      build !== undefined && family !== 'azure-local' ? serverReleaseOf(build) : undefined;
    if (exact) {
      return releaseAtLeast(exact, needs.minimumServer)
        ? {
            outcome: 'supported',
            reason: `${needs.listedAs} is supported on hosts of ${release}, and the host is ${exact}.${gen2}`,
          }
        : {
            outcome: 'unsupported',
            reason: `${needs.listedAs} needs a host of ${release}, and the host is ${exact}.`,
          };
    }
    if (family === 'hyper-v-server' && needs.minimumServer === 'Windows Server 2022') {
      return {
        outcome: 'unsupported',
        reason: `${needs.listedAs} needs a host of ${release}, and the host runs Hyper-V Server, whose last release is Hyper-V Server 2019.`,
      };
    }
    const where =
      family === 'azure-local'
        ? 'The host runs Azure Local, and its version is not in the input.'
        : 'The host reports only 10.0, so its release is not known.';
    return {
      outcome: 'depends-on-host-release',
      reason: `${needs.listedAs} is supported on hosts of ${release}. ${where}${gen2}`,
    };
  }
  if (host.major === 6 && (host.minor === 2 || host.minor === 3)) {
    const listed = listedFor6x(identity, host.minor);
    return listed
      ? {
          outcome: 'supported',
          reason: `Microsoft lists ${g} among the guests of hosts that report ${h}.`,
        }
      : {
          outcome: 'unsupported',
          reason: `Microsoft does not list ${g} among the guests of hosts that report ${h}.`,
        };
  }
  const guestNumber = guest.major * 100 + guest.minor;
  if (host.major === 6 && host.minor <= 1 && guestNumber > host.major * 100 + host.minor) {
    return {
      outcome: 'unsupported',
      reason: `${g} is newer than a host that reports ${h}; presumably no such host supports it.`,
    };
  }
  return {
    outcome: 'unknown',
    reason: `Support of guests on hosts that report ${h} is not covered by the lists this check reads.`,
  };
}

const STATUS: Record<Support, 'pass' | 'fail' | 'info' | 'incomplete'> = {
  supported: 'pass',
  unsupported: 'fail',
  'depends-on-host-release': 'info',
  unknown: 'incomplete',
};

const supportRule: Rule = {
  id: 'support-guest-on-host',
  title: 'Microsoft supports this guest on this host',
  failureTitle: 'Microsoft does not support this guest on this host',
  description:
    'Which Windows guests Microsoft supports depends on the host: Windows Server 2016 and later hosts support Windows Server 2008 SP2 to 2025 and Windows 7 SP1, 8.1, 10 and 11 — Windows Server 2025 only on Windows Server 2022 or later, Windows Server 2022 and Windows 11 only on Windows Server 2019 or later (or Azure Local 2311.2 or later).',
  references: [DOCS.supportedGuests, DOCS.manageIntegrationServices],
  requires: [],
  messages: {
    supported: '{{reason}}',
    unsupported: '{{reason}}',
    'depends-on-host-release': '{{reason}}',
    unknown: '{{reason}}',
  },
  decidedBy: { unknown: 'guestOs' },
  fix: {
    unsupported: () => ({
      summary:
        'Move the VM to a host that supports this guest, or run a Windows version this host supports.',
    }),
  },
  evaluate({ view }): RuleOutcome {
    const answer = guestSupport(view);
    const evidence = [
      ...(view.guestOs()?.evidence ?? []),
      ...(view.hostVersion()?.evidence ?? view.fileHostVersion().evidence),
    ];
    return {
      status: STATUS[answer.outcome],
      messageId: answer.outcome,
      data: { reason: answer.reason },
      evidence,
    };
  },
};

function verdict(_results: CheckResult[], view: SnapshotView): VerdictDecision {
  return guestSupport(view);
}

export const guestSupportPack: RulePack = {
  id: GUEST_SUPPORT_PACK_ID,
  title: 'Whether Microsoft supports this guest on this host',
  label: 'Guest support',
  question: 'Does Microsoft support this guest OS on this host?',
  outcomes: {
    supported: { label: 'Supported', tone: 'good' },
    unsupported: { label: 'Unsupported', tone: 'bad' },
    'depends-on-host-release': { label: 'Depends on the host’s release', tone: 'neutral' },
    unknown: { label: 'Cannot tell', tone: 'neutral' },
  },
  rules: [supportRule],
  verdict,
};
