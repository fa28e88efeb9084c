// The samples a visitor can try with one click. Each is a module of its own, imported only when
// asked for, so they cost nothing on first load and need no network request. Every sample is
// one file, as an administrator would collect it: a `reg export`, a Linux guest's archive of
// its pool files, or the host collector's JSON.
import { regeditBytes } from './regedit-bytes.ts';

export interface Sample {
  id: string;
  title: string;
  summary: string;
  /** The file's name; its extension says what kind of file it is. */
  fileName: string;
  /** The file's bytes, as the tool that collects it writes them. */
  load: () => Promise<Uint8Array>;
}

/** A `reg export` of the Virtual Machine key, encoded as regedit writes it (UTF-16LE with BOM, CRLF). */
function regExport(
  id: string,
  title: string,
  summary: string,
  module: () => Promise<{ text: string }>,
): Sample {
  return {
    id,
    title,
    summary,
    fileName: `kvp-sample-${id}.reg`,
    load: async () => regeditBytes((await module()).text),
  };
}

export const samples: Sample[] = [
  regExport(
    'healthy',
    'Healthy modern guest',
    'Windows Server 2022 guest on a 10.0 host: all 16 host values, guest values consistent',
    () => import('./healthy.ts'),
  ),
  regExport(
    'azure',
    'Azure guest',
    'Windows Server 2022 VM on Azure: an Azure host’s edition and names',
    () => import('./azure.ts'),
  ),
  regExport(
    'azure-local',
    'Azure Local guest',
    'Windows Server 2025 VM on an Azure Local cluster node',
    () => import('./azure-local.ts'),
  ),
  regExport(
    'nested',
    'Nested host',
    'Guest of a Hyper-V host that is itself a virtual machine',
    () => import('./nested.ts'),
  ),
  {
    id: 'linux-provisioning-failed',
    title: 'Linux guest, provisioning failed',
    summary: 'Ubuntu VM on Azure whose cloud-init got no DHCP lease: its pool files, as a .tgz',
    fileName: 'kvp-sample-linux-provisioning-failed.tgz',
    load: async () => (await import('./linux-provisioning-failed.ts')).bytes(),
  },
  {
    id: 'host-collector',
    title: 'Hyper-V host, three VMs',
    summary:
      'The host collector’s file: one VM healthy, one with Data Exchange off, one with old integration services',
    fileName: 'kvp-sample-host-collector.json',
    load: async () => (await import('./host-collector.ts')).bytes(),
  },
  regExport(
    'host-10-0',
    '10.0 host',
    'Windows Server 2019 guest on a Windows Server 2022 host, all 16 values',
    () => import('./host-10-0.ts'),
  ),
  regExport(
    'parameters-missing',
    'Parameters missing',
    'Windows 7 guest whose host sent no values',
    () => import('./parameters-missing.ts'),
  ),
  regExport(
    'offered',
    'Offered: the 2014 case',
    'Windows Server 2012 guest on a 6.4 host: the one case KB3004908 was offered to (November 2014)',
    () => import('./offered.ts'),
  ),
  regExport(
    'host-6-3',
    'Not offered: 6.3 host',
    'Windows Server 2008 R2 guest on a Windows Server 2012 R2 host',
    () => import('./host-6-3.ts'),
  ),
  regExport(
    'hand-edited',
    'Hand-edited, with errors',
    'Values typed in from the 2014 blog post, misspelt and malformed',
    () => import('./hand-edited.ts'),
  ),
];
