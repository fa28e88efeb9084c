// SYSTEM_INFO.wProcessorArchitecture, used by HostingSystemProcessorArchitecture (host, meaning
// inferred from the name) and Auto\ProcessorArchitecture (guest, documented). Source: kvp-reference.md
// §3.4 — MicrosoftDocs/sdk-api `sdk-api-src/content/sysinfoapi/ns-sysinfoapi-system_info.md`.

export interface ArchitectureInfo {
  id: number;
  constant: string;
  name: string;
  /** Hyper-V hosts run on x64 and (recent) arm64 only [inference: no x86/IA64/ARM32 Hyper-V]. */
  hyperVHost: boolean;
}

export const ARCHITECTURES: readonly ArchitectureInfo[] = [
  { id: 0, constant: 'PROCESSOR_ARCHITECTURE_INTEL', name: 'x86', hyperVHost: false },
  { id: 5, constant: 'PROCESSOR_ARCHITECTURE_ARM', name: 'ARM (32-bit)', hyperVHost: false },
  { id: 6, constant: 'PROCESSOR_ARCHITECTURE_IA64', name: 'Itanium (IA64)', hyperVHost: false },
  { id: 9, constant: 'PROCESSOR_ARCHITECTURE_AMD64', name: 'x64 (AMD or Intel)', hyperVHost: true },
  { id: 12, constant: 'PROCESSOR_ARCHITECTURE_ARM64', name: 'ARM64', hyperVHost: true },
  { id: 0xffff, constant: 'PROCESSOR_ARCHITECTURE_UNKNOWN', name: 'unknown', hyperVHost: false },
];

export function findArchitecture(id: number): ArchitectureInfo | undefined {
  return ARCHITECTURES.find((a) => a.id === id);
}

/** "9 → x64 (AMD or Intel)". */
export function describeArchitecture(id: number): string {
  const known = findArchitecture(id);
  return known ? `${id} → ${known.name}` : `${id} → not a known processor architecture`;
}
