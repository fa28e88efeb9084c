// How this guest receives integration-component (IC) updates today, by host and guest version.
// Source: "Manage Hyper-V integration services" (windowsserverdocs
// WindowsServerDocs/virtualization/hyper-v/manage/Manage-Hyper-V-integration-services.md @047dddc):
// - Windows 10 / Server 2016+ hosts: Windows 10, 8.1, 2016, SAC and 2012 R2 guests → Windows
//   Update; Windows 8, 7, Vista SP2, Server 2012, 2008 R2 SP1 → Windows Update, "Requires the Data
//   Exchange integration service" (else the KB3071740 cab, for VMs "not running or … not connected
//   to Windows Update"); 2008 SP2 → "Extended support only"; "The image file vmguest.iso isn't
//   included with Hyper-V on Windows 10/Windows Server 2016/2019", and XP/2003 are not listed, so
//   those guests have no IC source at all there.
// - 8.1/2012 R2 hosts: Windows 10 / 2016 guests → Windows Update; the rest → Integration Services
//   disk. 8/2012 hosts: every listed guest (8.1/2012 R2 and older) → the disk; no 10/2016 rows.
//   An older version of the page (@360f5b5) lists 8.1/2012 R2 guests as Windows Update on 8.1 and
//   8 hosts; windowsserverdocs issue #3921 reports Windows Update not working there.
// - The disk is inserted "From the Action menu of Virtual Machine Connection".
// - A guest newer than its host supports gets no supported ICs: Server 2019+ and Windows 11 are not
//   in the 2012 R2 host's rows, and 10.0 guests are not in the 2012 host's ("Supported Windows guest
//   operating systems for Hyper-V on Windows Server"); 2008/2008 R2 hosts predate them [inference].
// - That Windows 10+ guests get their ICs inside the guest's own cumulative updates is an
//   inference (the matrix says "Windows Update"); that 6.4 Technical Preview hosts behave like
//   10.0 hosts is an inference from the 2014 posts.

import { dataExchangeService } from '../../kvp/host-view.ts';
import { FIRST_BUILD_OF_11, describeHostVersion } from '../../kvp/os-versions.ts';
import { ENABLE_DATA_EXCHANGE, ENABLE_DATA_EXCHANGE_SUMMARY, makeFix } from '../fixes.ts';
import { DOCS } from '../references.ts';
import type { CheckResult, Rule, RuleOutcome, RulePack, VerdictDecision } from '../types.ts';
import { describeGuestOs, fromPhrase, type SnapshotView, type VersionRead } from '../view.ts';

export const SERVICING_PACK_ID = 'wu-ic-servicing';

export type ServicingOutcome =
  | 'windows-update'
  | 'windows-update-needs-kvp'
  | 'os-updates'
  | 'integration-services-disk'
  | 'unsupported'
  | 'unknown';

const DISK =
  'From the Action menu of Virtual Machine Connection, click Insert Integration Services Setup Disk, then run the setup in the guest';

const CONFLICT_NOTE =
  ' (an older Microsoft page lists Windows Update for 8.1/2012 R2 guests here; the current one says the disk, and users report Windows Update not working)';

export interface ServicingPath {
  outcome: ServicingOutcome;
  /** One or two sentences: the path and what to do. */
  reason: string;
}

type HostClass = 'modern' | '6.3' | '6.2' | 'older' | 'unknown';

/** 10.0 (and the 2014 Technical Preview, 6.4) hosts deliver ICs through Windows Update. */
function hostClass(host: { major: number; minor: number } | null): HostClass {
  if (!host) return 'unknown';
  if (host.major === 10 || (host.major === 6 && host.minor === 4)) return 'modern';
  if (host.major === 6 && host.minor === 3) return '6.3';
  if (host.major === 6 && host.minor === 2) return '6.2';
  return 'older';
}

function buildOf(guest: VersionRead): number | undefined {
  const build = guest.os.build;
  return build !== undefined && /^\d+$/.test(build) ? Number(build) : undefined;
}

/** Whether a 10.0 guest is one a 2012 R2 host's matrix lists: Windows 10 or Server 2016. */
function listedOn2012R2(guest: VersionRead): boolean {
  const build = buildOf(guest);
  if (build === undefined) return true; // tolerant: the release is not known
  if (build >= FIRST_BUILD_OF_11) return false;
  return guest.os.kind !== 'server' || build <= 14393;
}

/** Whether the guest is newer than any IC source for this host (see the header). */
function newerThanHost(guest: VersionRead, host: { major: number; minor: number }): boolean {
  const cls = hostClass(host);
  if (cls === 'modern') return false;
  const g = guest.major * 100 + guest.minor;
  const h = host.major * 100 + host.minor;
  if (g <= h) return false;
  if (cls === '6.3') return !(guest.major === 10 && listedOn2012R2(guest));
  if (cls === '6.2') return !(guest.major === 6 && guest.minor === 3);
  return true;
}

/**
 * Whether Data Exchange works. In the guest's registry: Guest\Parameters with a readable host
 * version (its absence is the sign it does not). In the host's own view, which never holds
 * Guest\Parameters: the guest's intrinsic items reach the host only through the Data Exchange
 * service ("Data Exchange: Using key-value pairs to share information between the host and
 * guest on Hyper-V"), so items say it works; a host that has the service off says it does not.
 */
function dataExchange(view: SnapshotView): 'works' | 'not-working' | 'not-shown' {
  if (view.parameters.state !== 'not-collected') {
    return view.parameters.state === 'present' && view.fileHostVersion().ok
      ? 'works'
      : 'not-working';
  }
  const vm = view.snapshot.vm;
  if (vm && dataExchangeService(vm)?.enabled === false) return 'not-working';
  return view.auto.values.length > 0 ? 'works' : 'not-shown';
}

export function servicingPath(view: SnapshotView): ServicingPath {
  const guest = view.guestOs();
  if (!guest) {
    return {
      outcome: 'unknown',
      reason:
        'The guest OS version is not known, so the way integration components reach it cannot be told.',
    };
  }
  const host = view.hostVersion();
  const g = describeGuestOs(guest.os);
  const h = host ? describeHostVersion(host.major, host.minor) : undefined;
  const onHost = h ? `, on a host that reports ${h},` : '';
  const cls = hostClass(host);
  if (host && newerThanHost(guest, host)) {
    return {
      outcome: 'unsupported',
      reason: `This ${g} guest is newer than what a host reporting ${h} supports, so no supported integration components exist for it there; move it to a newer host.`,
    };
  }
  if (guest.major < 6) {
    if (cls === 'modern') {
      return {
        outcome: 'unsupported',
        reason: `This ${g} guest${onHost} has no source of integration components: Windows 10 and Windows Server 2016 or later hosts include no Integration Services disk, and Microsoft’s table does not list this guest.`,
      };
    }
    return {
      outcome: 'unsupported',
      reason: `This ${g} guest is past the end of support and gets no integration-component updates through Windows Update; on a Windows Server 2012 R2 or older host the Integration Services disk is its only source.`,
    };
  }
  if (guest.major === 10 || (guest.major === 6 && guest.minor === 4)) {
    if (cls === '6.3') {
      return {
        outcome: 'windows-update',
        reason: `This ${g} guest${onHost} gets integration components through Windows Update.`,
      };
    }
    const unknownHost =
      cls === 'unknown'
        ? ' The host version is not in the file; on a Windows Server 2012 R2 host the guest still gets them through Windows Update, and older hosts do not support it.'
        : '';
    return {
      outcome: 'os-updates',
      reason: `This ${g} guest${onHost} gets its integration components with its own cumulative updates through Windows Update; keep the guest updated.${unknownHost}`,
    };
  }
  if (guest.major === 6 && guest.minor === 3) {
    if (cls === 'modern') {
      return {
        outcome: 'windows-update',
        reason: `This ${g} guest${onHost} gets integration components through Windows Update; it does not need Data Exchange for that.`,
      };
    }
    if (cls === 'unknown') {
      return {
        outcome: 'unknown',
        reason: `This ${g} guest gets integration components through Windows Update on Windows 10/Server 2016 or later hosts, but from the Integration Services disk on 2012 R2 and 2012 hosts, and the host version is not in the file.`,
      };
    }
    return {
      outcome: 'integration-services-disk',
      reason: `This ${g} guest${onHost} gets integration components from the host’s Integration Services disk${CONFLICT_NOTE}. ${DISK}.`,
    };
  }
  if (guest.major === 6 && guest.minor <= 2) {
    const extended =
      guest.minor === 0
        ? ' Microsoft lists Windows Server 2008 SP2 for extended support only; Windows Vista SP2 needs Data Exchange.'
        : '';
    if (cls === 'modern' || cls === 'unknown') {
      const exchange = dataExchange(view);
      if (exchange === 'works') {
        const unknownHost =
          cls === 'unknown'
            ? ' The host version is not in the input: on a Windows Server 2012 R2 or 2012 host they come from the Integration Services disk instead.'
            : '';
        return {
          outcome: 'windows-update',
          reason: `This ${g} guest${onHost} gets integration components through Windows Update, and Data Exchange works.${unknownHost}${extended}`,
        };
      }
      if (exchange === 'not-shown') {
        return {
          outcome: 'unknown',
          reason: `This ${g} guest gets integration components through Windows Update only when Data Exchange works, and this input does not show whether it does.${extended}`,
        };
      }
      // Without a host version the host is unknown too; the missing values are themselves the
      // sign that Data Exchange is not working, which is what matters on a modern host.
      const reason = host
        ? `On a Windows 10/Server 2016 or later host, this ${g} guest gets integration components through Windows Update only when Data Exchange works, and Data Exchange does not work in this file.${extended}`
        : `The file has no readable host version, so Data Exchange is not working. On a Windows 10/Server 2016 or later host this ${g} guest gets integration components through Windows Update only when Data Exchange works; on a 2012 R2 or 2012 host they come from the Integration Services disk instead.${extended}`;
      return { outcome: 'windows-update-needs-kvp', reason };
    }
    const inferred =
      cls === 'older' ? ', presumably (Microsoft’s table covers 2012 and newer hosts)' : '';
    return {
      outcome: 'integration-services-disk',
      reason: `This ${g} guest${onHost} gets integration components from the host’s Integration Services disk${inferred}. ${DISK}.`,
    };
  }
  return {
    outcome: 'unknown',
    reason: `The guest reports ${g}, which Microsoft’s table does not cover.`,
  };
}

const guestRule: Rule = {
  id: 'servicing-guest-os',
  title: 'Guest OS version known',
  failureTitle: 'Guest OS version unknown',
  description:
    'The update path depends on which Windows the guest runs: read from Virtual Machine\\Auto or Windows NT\\CurrentVersion, or chosen under What if.',
  references: [DOCS.manageIntegrationServices],
  requires: [],
  messages: {
    known: 'The guest is {{version}}, {{from}}.',
    unknown:
      'The file says neither in Virtual Machine\\Auto nor in Windows NT\\CurrentVersion which Windows the guest runs.',
  },
  blocks: { unknown: 'the guest OS is not known' },
  decidedBy: { unknown: 'guestOs' },
  evaluate({ view }): RuleOutcome {
    const guest = view.guestOs();
    if (!guest) return { status: 'incomplete', messageId: 'unknown' };
    return {
      status: 'pass',
      messageId: 'known',
      data: { version: describeGuestOs(guest.os), from: fromPhrase(guest.evidence[0]) },
      evidence: guest.evidence,
    };
  },
};

const hostRule: Rule = {
  id: 'servicing-host-version',
  title: 'Host version known',
  failureTitle: 'Host version unknown',
  description:
    'The host version comes from HostingSystemOsMajor/HostingSystemOsMinor in Guest\\Parameters, or is chosen under What if; 10.0 cannot be narrowed to a release from them.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    known: 'The host reports {{host}}, {{from}}.',
    unknown: 'The host version is not in the file: {{why}}.',
    notCollected: 'This kind of input does not carry the host version.',
  },
  decidedBy: { unknown: 'hostVersion', notCollected: 'hostVersion' },
  evaluate({ view }): RuleOutcome {
    const host = view.hostVersion();
    const { parameters } = view;
    if (!host) {
      if (parameters.state === 'not-collected') {
        return {
          status: 'incomplete',
          messageId: 'notCollected',
          evidence: [parameters.keyEvidence('present, with the host version')],
        };
      }
      return {
        status: 'warn',
        messageId: 'unknown',
        data: {
          why:
            parameters.state === 'present'
              ? 'Guest\\Parameters has no readable HostingSystemOsMajor/HostingSystemOsMinor'
              : `Guest\\Parameters is ${parameters.state === 'deleted' ? 'deleted' : 'missing'}`,
        },
        evidence: [
          parameters.keyEvidence('present, with the host version'),
          ...view.fileHostVersion().evidence,
        ],
      };
    }
    return {
      status: 'pass',
      messageId: 'known',
      data: {
        host: describeHostVersion(host.major, host.minor),
        from: fromPhrase(host.evidence[0]),
      },
      evidence: host.evidence,
    };
  },
};

const STATUS: Record<ServicingOutcome, 'pass' | 'fail' | 'warn' | 'info' | 'incomplete'> = {
  'windows-update': 'pass',
  'os-updates': 'pass',
  'windows-update-needs-kvp': 'fail',
  'integration-services-disk': 'info',
  unsupported: 'warn',
  unknown: 'incomplete',
};

const pathRule: Rule = {
  id: 'servicing-path',
  title: 'Integration components reach this guest',
  failureTitle: 'Integration components do not reach this guest',
  description:
    'Which way integration-component updates reach this guest, per Microsoft’s table of host and guest versions.',
  references: [DOCS.manageIntegrationServices, DOCS.supportedGuests],
  requires: [guestRule.id],
  messages: {
    'windows-update': '{{reason}}',
    'os-updates': '{{reason}}',
    'windows-update-needs-kvp': '{{reason}}',
    'integration-services-disk': '{{reason}}',
    unsupported: '{{reason}}',
    unknown: '{{reason}}',
  },
  decidedBy: { unknown: 'hostVersion' },
  fix: {
    'windows-update-needs-kvp': (context) =>
      makeFix(
        context,
        `${ENABLE_DATA_EXCHANGE_SUMMARY} If Data Exchange cannot be turned on, download the integration services cab files of KB3071740 and install the one for this guest with Add-WindowsPackage.`,
        ENABLE_DATA_EXCHANGE,
      ),
    unsupported: (_context, data) => ({
      summary: String(data.todo),
    }),
  },
  evaluate({ view }): RuleOutcome {
    const path = servicingPath(view);
    const evidence = [
      ...(view.guestOs()?.evidence ?? []),
      ...(view.hostVersion()?.evidence ?? view.fileHostVersion().evidence),
    ];
    const todo =
      view.guestOs()?.major !== undefined && (view.guestOs()?.major ?? 6) < 6
        ? 'Move the workload to a supported Windows version; there is no supported way to give this guest current integration components.'
        : 'Move the VM to a host that supports this guest, or run a Windows version this host supports.';
    return {
      status: STATUS[path.outcome],
      messageId: path.outcome,
      data: { reason: path.reason, todo },
      evidence,
    };
  },
};

function verdict(_results: CheckResult[], view: SnapshotView): VerdictDecision {
  return servicingPath(view);
}

export const servicingPack: RulePack = {
  id: SERVICING_PACK_ID,
  title: 'How integration components reach this guest today',
  label: 'IC servicing',
  question: 'How does this guest get its integration-component updates today?',
  outcomes: {
    'windows-update': { label: 'Windows Update', tone: 'good' },
    'windows-update-needs-kvp': { label: 'Needs Data Exchange', tone: 'bad' },
    'os-updates': { label: 'With the guest’s own updates', tone: 'good' },
    'integration-services-disk': { label: 'Integration Services disk', tone: 'neutral' },
    unsupported: { label: 'Unsupported', tone: 'bad' },
    unknown: { label: 'Cannot tell', tone: 'neutral' },
  },
  rules: [guestRule, hostRule, pathRule],
  verdict,
};
