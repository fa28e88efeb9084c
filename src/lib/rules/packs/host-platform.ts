// What is this guest running on? Windows Server, Hyper-V Server, a Windows client, Azure or Azure
// Local — from HostingSystemEditionId ("GetProductInfo function": the host's PRODUCT_* value;
// 168/199 on Azure, 406 Azure Local, 42 Hyper-V Server), corroborated by the names Azure hosts
// show [3P]. Guest\Parameters carries no host build, so a release is never claimed from it; the
// guest's own release gives a lower bound ("Supported Windows guest operating systems for
// Hyper-V on Windows Server": a Windows Server 2025 guest needs a Windows Server 2022 or later host,
// or Azure Local 2311.2 or later).

import { describeEdition, type EditionFamily } from '../../kvp/editions.ts';
import { findRelease10 } from '../../kvp/os-versions.ts';
import { needsOn10, serverReleaseOf } from '../../kvp/supported-guests.ts';
import { azureNamePattern, hostBuild, hostEdition } from '../host-identity.ts';
import { DOCS } from '../references.ts';
import type { CheckResult, Rule, RuleOutcome, RulePack, VerdictDecision } from '../types.ts';
import { describeGuestOs, guestIdentity, type SnapshotView } from '../view.ts';

export const HOST_PLATFORM_PACK_ID = 'host-platform';

type Platform =
  'windows-server' | 'hyper-v-server' | 'windows-client' | 'azure' | 'azure-local' | 'unknown';

const PLATFORM_OF: Record<EditionFamily, Platform> = {
  server: 'windows-server',
  'hyper-v-server': 'hyper-v-server',
  client: 'windows-client',
  azure: 'azure',
  'azure-local': 'azure-local',
  // Azure Edition runs only on Azure or Azure Local: the host is a Windows Server VM there.
  'azure-edition': 'windows-server',
  other: 'unknown',
};

const editionRule: Rule = {
  id: 'platform-edition',
  title: 'The host’s edition tells the platform',
  failureTitle: 'The host’s edition does not tell the platform',
  description:
    'HostingSystemEditionId is the host’s Windows edition (a GetProductInfo value): it tells Windows Server from Hyper-V Server, a Windows client, Azure or Azure Local — but not the release.',
  references: [DOCS.getProductInfo],
  requires: [],
  messages: {
    server: 'The host runs Windows Server: {{edition}}.',
    hyperVServer: 'The host runs Hyper-V Server: {{edition}}.',
    client: 'The host is a Windows client with Hyper-V: {{edition}}.',
    azure: 'The host is one of Azure’s: {{edition}}.',
    azureLocal: 'The host runs Azure Local: {{edition}}.',
    azureEdition:
      'The host runs {{edition}}, which runs only on Azure or Azure Local: the host is itself a virtual machine there.',
    other: 'The edition does not name a platform: {{edition}}.',
    missing:
      'Guest\\Parameters has no readable HostingSystemEditionId, so the platform is not known.',
    notCollected: 'This kind of input does not carry the host’s edition.',
  },
  blocks: {
    missing: 'the host’s edition is not known',
    notCollected: 'the host’s edition is not known',
  },
  evaluate({ view }): RuleOutcome {
    if (view.parameters.state === 'not-collected')
      return { status: 'incomplete', messageId: 'notCollected' };
    const edition = hostEdition(view);
    if (!edition) {
      return {
        status: 'incomplete',
        messageId: 'missing',
        evidence: [view.parameters.evidence('HostingSystemEditionId', 'a PRODUCT_* value')],
      };
    }
    const data = { edition: describeEdition(edition.id) };
    const family = edition.info?.family ?? 'other';
    const messageId = {
      server: 'server',
      'hyper-v-server': 'hyperVServer',
      client: 'client',
      azure: 'azure',
      'azure-local': 'azureLocal',
      'azure-edition': 'azureEdition',
      other: 'other',
    }[family];
    const status = family === 'other' ? 'incomplete' : family === 'azure-edition' ? 'info' : 'pass';
    return { status, messageId, data, evidence: edition.evidence };
  },
};

const namesRule: Rule = {
  id: 'platform-azure-names',
  title: 'The host’s names fit the platform',
  failureTitle: 'The host’s names do not fit the platform',
  description:
    'As seen on Azure VMs, Azure hosts write one unqualified node name into HostName, PhysicalHostName and PhysicalHostNameFullyQualified, and a lower-case GUID as VirtualMachineName. It corroborates the edition; it proves nothing alone.',
  references: [DOCS.dataExchange],
  requires: [],
  messages: {
    absent: 'The host’s names are not all in the input.',
    azureLike: 'The names look like an Azure host’s: {{host}}, and the VM named by a GUID.',
    notAzureLike: 'The names do not look like an Azure host’s (“{{host}}”).',
  },
  evaluate({ view }): RuleOutcome {
    const pattern = azureNamePattern(view);
    if (!pattern) return { status: 'not-applicable', messageId: 'absent' };
    const host = view.parameters.text('HostName') ?? '';
    return {
      status: pattern.azureLike ? 'info' : 'pass',
      messageId: pattern.azureLike ? 'azureLike' : 'notAzureLike',
      data: { host },
      evidence: pattern.evidence,
    };
  },
};

const releaseRule: Rule = {
  id: 'platform-release',
  title: 'What the guest tells of the host’s release',
  failureTitle: 'What the guest tells of the host’s release',
  description:
    'Guest\\Parameters gives no host build, so a 10.0 host could be any release from Windows Server 2016 on. A guest that needs a newer host narrows it: Windows Server 2025 needs Windows Server 2022 or later (or Azure Local 2311.2 or later), Windows Server 2022 and Windows 11 need Windows Server 2019 or later — if the guest is supported there.',
  references: [DOCS.supportedGuests],
  requires: [],
  messages: {
    notTen: 'The host reports {{host}}, so no 10.0 release applies.',
    unknownHost: 'The host’s version is not known.',
    noBound:
      'The guest ({{guest}}) runs on any release from Windows Server 2016 on, so it does not narrow the host’s release.',
    bound:
      'A {{guest}} guest is supported only on {{minimum}} or later{{azureLocal}}: if this VM is supported, its host is at least that.',
    unknownGuest: 'The guest OS is not known, so it tells nothing of the host’s release.',
    exact: 'The host itself says which release it is: {{release}} (build {{build}}).',
  },
  evaluate({ view }): RuleOutcome {
    const host = view.hostVersion();
    if (!host) return { status: 'not-applicable', messageId: 'unknownHost' };
    if (host.major !== 10) {
      return {
        status: 'not-applicable',
        messageId: 'notTen',
        data: { host: `${host.major}.${host.minor}` },
      };
    }
    const build = hostBuild(view);
    if (build !== undefined) {
      return {
        status: 'pass',
        messageId: 'exact',
        data: { release: releaseOfHost(view, build), build },
        evidence: host.evidence,
      };
    }
    const guest = view.guestOs();
    if (!guest) return { status: 'not-applicable', messageId: 'unknownGuest' };
    const needs = needsOn10(guestIdentity(guest.os));
    const data = { guest: describeGuestOs(guest.os) };
    if (!needs?.minimumServer)
      return { status: 'pass', messageId: 'noBound', data, evidence: guest.evidence };
    return {
      status: 'info',
      messageId: 'bound',
      data: {
        ...data,
        minimum: needs.minimumServer,
        azureLocal: needs.azureLocal2311 ? ', or Azure Local 2311.2 or later' : '',
      },
      evidence: guest.evidence,
    };
  },
};

/** The release a host's exact build names, for its family. */
function releaseOfHost(view: SnapshotView, build: number): string {
  const family = hostEdition(view)?.info?.family;
  const release = findRelease10(build);
  if (family === 'client') return release?.client ?? `Windows 10 or 11`;
  if (family === 'azure-local') return 'Azure Local';
  if (family === 'azure') return 'an Azure host';
  return release?.server ?? serverReleaseOf(build) ?? 'Windows Server';
}

const REASONS: Record<Platform, string> = {
  'windows-server': 'The host runs Windows Server.',
  'hyper-v-server':
    'The host runs Hyper-V Server, the free Windows Server edition with only the Hyper-V role.',
  'windows-client':
    'The host is a Windows client (Pro, Enterprise or Education) with Hyper-V turned on.',
  azure: 'The guest runs on Azure.',
  'azure-local': 'The guest runs on Azure Local (formerly Azure Stack HCI).',
  unknown: 'The input does not tell which platform the host is.',
};

function verdict(results: CheckResult[], view: SnapshotView): VerdictDecision {
  const edition = hostEdition(view);
  const names = azureNamePattern(view);
  const family = edition?.info?.family;
  if (!family || family === 'other') {
    // Without an edition, Azure's name pattern is a hint only [3P].
    if (names?.azureLike) {
      return {
        outcome: 'azure',
        reason:
          'The host’s edition is not known, but its names follow the pattern usually seen on Azure.',
      };
    }
    const missing = results.find((r) => r.id === editionRule.id);
    return { outcome: 'unknown', reason: missing?.message ?? REASONS.unknown };
  }
  const platform = PLATFORM_OF[family];
  const release = results.find((r) => r.id === releaseRule.id);
  const bound =
    release?.status === 'info' || release?.messageId === 'exact'
      ? ` ${release.message}`
      : ' Its release is not in the input.';
  const nested =
    family === 'azure-edition'
      ? ' Its edition is Windows Server Datacenter: Azure Edition, which runs only on Azure or Azure Local, so the host is itself a VM there.'
      : '';
  const corroborated =
    platform === 'azure' && names?.azureLike ? ' Its names follow the pattern seen on Azure.' : '';
  return { outcome: platform, reason: `${REASONS[platform]}${nested}${corroborated}${bound}` };
}

export const hostPlatformPack: RulePack = {
  id: HOST_PLATFORM_PACK_ID,
  title: 'What this guest is running on',
  label: 'Platform',
  question:
    'What is this guest running on: Windows Server, Hyper-V Server, a Windows client, Azure or Azure Local?',
  outcomes: {
    'windows-server': { label: 'Windows Server', tone: 'neutral' },
    'hyper-v-server': { label: 'Hyper-V Server', tone: 'neutral' },
    'windows-client': { label: 'Windows client', tone: 'neutral' },
    azure: { label: 'Azure', tone: 'neutral' },
    'azure-local': { label: 'Azure Local', tone: 'neutral' },
    unknown: { label: 'Cannot tell', tone: 'neutral' },
  },
  rules: [editionRule, namesRule, releaseRule],
  verdict,
};
