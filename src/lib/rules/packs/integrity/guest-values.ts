// Do the guest's own values agree with each other? Virtual Machine\Auto is what the integration
// services last reported to the host ("Msvm_KvpExchangeDataItem class": OSName is
// CurrentVersion\ProductName, OSEditionId a GetProductInfo value, OSVersion Major.Minor.Build);
// Windows NT\CurrentVersion is the running system's own record. After an in-place upgrade Auto can
// lag behind until the integration services report again [inference].

import { findEdition, type EditionInfo } from '../../../kvp/editions.ts';
import { describeProvenance } from '../../../kvp/provenance.ts';
import type { OsVersion } from '../../../kvp/snapshot.ts';
import { DOCS } from '../../references.ts';
import type { Evidence, Rule, RuleOutcome } from '../../types.ts';
import { describeGuestOs } from '../../view.ts';

function factEvidence(os: OsVersion, expected: string): Evidence[] {
  return os.facts.slice(0, 3).map((fact) => ({
    name: fact.name,
    actual: fact.value,
    expected,
    source: describeProvenance(fact.provenance),
    line: fact.provenance.kind === 'file' ? fact.provenance.line : null,
  }));
}

function where(os: OsVersion): string {
  return describeProvenance(os.facts[0]?.provenance ?? { kind: 'given' });
}

export const guestConsistentRule: Rule = {
  id: 'kvp-guest-os-consistent',
  title: 'Auto and CurrentVersion name the same Windows',
  failureTitle: 'Auto and CurrentVersion name different Windows versions',
  description:
    'Virtual Machine\\Auto (written by the integration services) and Windows NT\\CurrentVersion should name the same version and build; a difference means Auto is stale after an in-place upgrade, or was edited.',
  references: [DOCS.kvpDataItem],
  requires: [],
  messages: {
    single: 'The guest OS version is found in at most one place.',
    same: 'Auto and CurrentVersion agree: {{version}}.',
    differ:
      'Windows NT\\CurrentVersion ({{cvWhere}}) says {{cv}}, but Virtual Machine\\Auto ({{autoWhere}}) says {{auto}}: Auto may be stale after an in-place upgrade, or was edited.',
  },
  evaluate({ view }): RuleOutcome {
    const [cv, auto] = view.snapshot.guestOsInFile;
    if (!cv || !auto) return { status: 'not-applicable', messageId: 'single' };
    const evidence = [
      ...factEvidence(cv, 'the same version'),
      ...factEvidence(auto, 'the same version'),
    ];
    const sameBuild = cv.build === undefined || auto.build === undefined || cv.build === auto.build;
    if (cv.major === auto.major && cv.minor === auto.minor && sameBuild) {
      return {
        status: 'pass',
        messageId: 'same',
        data: { version: describeGuestOs(cv) },
        evidence,
      };
    }
    return {
      status: 'warn',
      messageId: 'differ',
      data: {
        cv: describeGuestOs(cv),
        cvWhere: where(cv),
        auto: describeGuestOs(auto),
        autoWhere: where(auto),
      },
      evidence,
    };
  },
};

/** Edition words an OSName holds, and which edition ids each belongs to. */
const EDITION_WORDS: readonly { word: RegExp; label: string; owns: (e: EditionInfo) => boolean }[] =
  [
    { word: /datacenter/i, label: 'Datacenter', owns: (e) => e.constant.includes('DATACENTER') },
    { word: /standard/i, label: 'Standard', owns: (e) => e.constant.includes('STANDARD') },
    {
      word: /enterprise/i,
      label: 'Enterprise',
      owns: (e) => e.constant.includes('ENTERPRISE') && !e.constant.includes('IOT'),
    },
    { word: /education/i, label: 'Education', owns: (e) => e.constant.includes('EDUCATION') },
    { word: /\bhome\b/i, label: 'Home', owns: (e) => /^PRODUCT_(CORE|HOME)/.test(e.constant) },
    {
      word: /\bpro\b|professional/i,
      label: 'Pro',
      owns: (e) => /PROFESSIONAL|PRO_/.test(e.constant),
    },
    {
      word: /hyper-v server/i,
      label: 'Hyper-V Server',
      owns: (e) => e.constant === 'PRODUCT_HYPERV',
    },
  ];

/** When OSName names another edition than the id: the word expected and the word found. */
function editionClash(
  edition: EditionInfo,
  osName: string,
): { expected: string; found: string } | null {
  const expected = EDITION_WORDS.find((w) => w.owns(edition));
  if (!expected || expected.word.test(osName)) return null;
  const found = EDITION_WORDS.find((w) => !w.owns(edition) && w.word.test(osName));
  return found ? { expected: expected.label, found: found.label } : null;
}

// 6.1: build 7600 is the release, 7601 Service Pack 1 ("6.1.7601", Azure's VHD preparation page
// lists 7 SP1/2008 R2 SP1 file versions as 6.1.7601.x).
const SP_OF_61: Record<string, number> = { '7600': 0, '7601': 1 };

export const autoConsistentRule: Rule = {
  id: 'kvp-auto-consistent',
  title: 'Auto’s values agree with each other',
  failureTitle: 'Auto’s values contradict each other',
  description:
    'Within Virtual Machine\\Auto, OSEditionId should be the edition OSName names, and OSBuildNumber the build of ServicePackMajor (Windows 7 / 2008 R2: 7600 without a service pack, 7601 with SP1).',
  references: [DOCS.kvpDataItem, DOCS.getProductInfo],
  requires: [],
  messages: {
    absent: 'There is no Virtual Machine\\Auto key to compare.',
    ok: 'Auto’s edition, name, build and service pack agree.',
    edition:
      'OSEditionId {{id}} is {{edition}}, but OSName is “{{name}}”: it names {{found}}, not {{expected}}.',
    servicePack:
      'OSBuildNumber {{build}} is the build of Service Pack {{expectedSp}}, but ServicePackMajor is {{sp}}.',
  },
  evaluate({ view }): RuleOutcome {
    const a = view.auto;
    if (a.state !== 'present') return { status: 'not-applicable', messageId: 'absent' };
    const id = a.numberOrUndefined('OSEditionId');
    const name = a.text('OSName');
    const edition = id === undefined ? undefined : findEdition(id);
    const clash = edition && name !== undefined ? editionClash(edition, name) : null;
    if (clash && edition && id !== undefined && name !== undefined) {
      return {
        status: 'warn',
        messageId: 'edition',
        data: { id, edition: edition.description, name, ...clash },
        evidence: [
          a.evidence('OSEditionId', `the edition OSName names`),
          a.evidence('OSName', clash.expected),
        ],
      };
    }
    const major = a.numberOrUndefined('OSMajorVersion');
    const minor = a.numberOrUndefined('OSMinorVersion');
    const build = a.text('OSBuildNumber');
    const sp = a.numberOrUndefined('ServicePackMajor');
    const expectedSp = build === undefined ? undefined : SP_OF_61[build];
    if (
      major === 6 &&
      minor === 1 &&
      expectedSp !== undefined &&
      sp !== undefined &&
      sp !== expectedSp
    ) {
      return {
        status: 'warn',
        messageId: 'servicePack',
        data: { build: build ?? '', sp, expectedSp },
        evidence: [
          a.evidence('OSBuildNumber', `the build of Service Pack ${sp}`),
          a.evidence('ServicePackMajor', String(expectedSp)),
        ],
      };
    }
    return { status: 'pass', messageId: 'ok' };
  },
};
