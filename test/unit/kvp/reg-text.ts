// Test helper: .reg text → the bytes regedit would write (UTF-16LE with BOM, CRLF), parsed by the
// real parser. Line numbers in tests are the 1-based index in the `lines` array.
import { parseReg } from '../../../src/lib/reg/index.ts';
import type { RegDocument } from '../../../src/lib/reg/types.ts';
import { utf16leBytes } from '../../support/utf16.ts';

export const V5 = 'Windows Registry Editor Version 5.00';
export const VM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine';
export const PARAMETERS = `[${VM}\\Guest\\Parameters]`;
export const AUTO = `[${VM}\\Auto]`;
export const CURRENT_VERSION =
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]';

/** UTF-16LE with a BOM, lines joined with CRLF and a final CRLF (regedit's export). */
export function utf16le(lines: readonly string[]): Uint8Array {
  return utf16leBytes(`${lines.join('\r\n')}\r\n`, true);
}

/** Plain 8-bit text (a hand-written or REGEDIT4 file). */
export function ascii(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

export function parseLines(lines: readonly string[]): RegDocument {
  return parseReg(utf16le(lines));
}

/** "dword:0000000a" for 10. */
export function dword(n: number): string {
  return `dword:${n.toString(16).padStart(8, '0')}`;
}

export interface HostOptions {
  major?: number;
  minor?: number;
  edition?: number;
  architecture?: number;
}

/** The 16 values of a modern host (kvp-reference.md §7.3), as REG_DWORD numbers. */
export function hostValues(options: HostOptions = {}): string[] {
  const { major = 10, minor = 0, edition = 8, architecture = 9 } = options;
  return [
    '"HostName"="thehost.example.com"',
    `"HostingSystemEditionId"=${dword(edition)}`,
    `"HostingSystemNestedLevel"=${dword(0)}`,
    `"HostingSystemOsMajor"=${dword(major)}`,
    `"HostingSystemOsMinor"=${dword(minor)}`,
    `"HostingSystemProcessorArchitecture"=${dword(architecture)}`,
    `"HostingSystemProcessorIdleStateMax"=${dword(0)}`,
    `"HostingSystemProcessorThrottleMax"=${dword(100)}`,
    `"HostingSystemProcessorThrottleMin"=${dword(5)}`,
    `"HostingSystemSpMajor"=${dword(0)}`,
    `"HostingSystemSpMinor"=${dword(0)}`,
    '"PhysicalHostName"="THEHOST"',
    '"PhysicalHostNameFullyQualified"="thehost.example.com"',
    `"VirtualMachineDynamicMemoryBalancingEnabled"=${dword(0)}`,
    '"VirtualMachineId"="461B2364-3901-4349-B3C2-FA4821CBEEFE"',
    '"VirtualMachineName"="my-guest-vm"',
  ];
}

/** The build each version's guest reports (the last service pack; 10.0: Windows Server 2022). */
const BUILDS: Record<string, string> = {
  '5.2': '3790',
  '6.0': '6002',
  '6.1': '7601',
  '6.2': '9200',
  '6.3': '9600',
  '6.4': '9841',
  '10.0': '20348',
};

export interface GuestOptions {
  build?: string;
  /** Auto\ProductType: 1 workstation, 3 server (default). */
  productType?: number;
  name?: string;
}

/** Auto values of a guest of the given version: a server unless told otherwise. */
export function autoValues(major: number, minor: number, options: GuestOptions = {}): string[] {
  const build = options.build ?? BUILDS[`${major}.${minor}`] ?? '1';
  return [
    `"OSMajorVersion"="${major}"`,
    `"OSMinorVersion"="${minor}"`,
    `"OSBuildNumber"="${build}"`,
    `"OSVersion"="${major}.${minor}.${build}"`,
    `"OSName"="${options.name ?? 'Windows Server'}"`,
    '"ProcessorArchitecture"="9"',
    `"ProductType"="${options.productType ?? 3}"`,
  ];
}

/** A whole export: header, blank, Auto for the guest, blank, Parameters for the host. */
export function vmExport(
  guest: [number, number] | null,
  host: HostOptions | null,
  guestOptions: GuestOptions = {},
): string[] {
  const lines = [V5, ''];
  if (guest) lines.push(AUTO, ...autoValues(guest[0], guest[1], guestOptions), '');
  if (host) lines.push(PARAMETERS, ...hostValues(host), '');
  return lines;
}
