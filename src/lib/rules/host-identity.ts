// What the input says about the host itself, for the packs that answer "what is this guest running
// on": the host's edition (its family, never its release), the name pattern Azure hosts show, and
// the nesting level. Guest\Parameters is where a guest sees them.

import { findEdition, type EditionInfo } from '../kvp/editions.ts';
import { HOST_PLACE } from '../kvp/host-view.ts';
import { describeLocation } from '../kvp/provenance.ts';
import type { Evidence } from './types.ts';
import type { SnapshotView } from './view.ts';

export interface HostEdition {
  id: number;
  info: EditionInfo | undefined;
  evidence: Evidence[];
}

/**
 * The host's edition: from the host itself when a collector file gives it (Win32_OperatingSystem's
 * OperatingSystemSKU, the same PRODUCT_* value), else HostingSystemEditionId; null when neither.
 */
export function hostEdition(view: SnapshotView): HostEdition | null {
  const host = view.snapshot.host;
  if (host?.editionId !== undefined) {
    const evidence: Evidence = {
      name: 'host edition (OperatingSystemSKU)',
      actual: String(host.editionId),
      expected: 'a PRODUCT_* value',
      source: describeLocation(1, HOST_PLACE),
      line: null,
    };
    return { id: host.editionId, info: findEdition(host.editionId), evidence: [evidence] };
  }
  const read = view.parameters.number('HostingSystemEditionId', 'a PRODUCT_* value');
  if (!read.ok) return null;
  return { id: read.value, info: findEdition(read.value), evidence: [read.evidence] };
}

/** The host's exact build when the input knows it (a host collector file), else undefined. */
export function hostBuild(view: SnapshotView): number | undefined {
  const host = view.snapshot.hostVersion;
  if (host?.from !== 'Collector' || host.build === undefined) return undefined;
  return /^\d+$/.test(host.build) ? Number(host.build) : undefined;
}

const GUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether the names look like an Azure host's, as seen on Azure VMs [3P: Azure Linux VMs' pool 3
 * dumps and the AKS node labeler's README]: HostName, PhysicalHostName and
 * PhysicalHostNameFullyQualified are one unqualified node name, and VirtualMachineName is a
 * lower-case GUID. Null when the names are not there.
 */
export function azureNamePattern(
  view: SnapshotView,
): { azureLike: boolean; evidence: Evidence[] } | null {
  const p = view.parameters;
  const names = ['HostName', 'PhysicalHostName', 'PhysicalHostNameFullyQualified'].map((n) =>
    p.text(n),
  );
  const vm = p.text('VirtualMachineName');
  if (names.some((n) => n === undefined) || vm === undefined) return null;
  const [host] = names as string[];
  const sameName = names.every(
    (n) => (n as string).toLowerCase() === (host as string).toLowerCase(),
  );
  const azureLike = sameName && !(host as string).includes('.') && GUID_LOWER.test(vm);
  return {
    azureLike,
    evidence: [
      p.evidence('HostName', 'one unqualified node name in all three'),
      p.evidence('PhysicalHostNameFullyQualified', 'the same name, without a domain'),
      p.evidence('VirtualMachineName', 'a lower-case GUID'),
    ],
  };
}

/** HostingSystemNestedLevel; null when the input has none (older hosts do not write it). */
export function nestedLevel(view: SnapshotView): { level: number; evidence: Evidence } | null {
  const read = view.parameters.number('HostingSystemNestedLevel', '0 (a host on bare metal)');
  return read.ok ? { level: read.value, evidence: read.evidence } : null;
}
