// A Windows Server 2022 guest on Azure, as `reg export` writes it there. The host's edition is
// 168 (PRODUCT_AZURE_SERVER_CORE, "GetProductInfo function"; 168 or 199 on every Azure dump), and
// its names follow the pattern seen on Azure VMs: one unqualified 15-character node name in
// HostName, PhysicalHostName and PhysicalHostNameFullyQualified, and the VM named by a lower-case
// GUID (kvp-reference.md §7.1–§7.2, domain-audit.md §B3). Azure hosts write the 16 values of
// current hosts, with the processor's minimum throttle at 100 as in those dumps.
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="APPSRV-EUS2-01"
"IntegrationServicesVersion"="10.0.20348.1"
"NetworkAddressIPv4"="10.0.0.4"
"NetworkAddressIPv6"="fe80::5d2b:8c41:e07a:3f96%6"
"OSBuildNumber"="20348"
"OSEditionId"="8"
"OSMajorVersion"="10"
"OSMinorVersion"="0"
"OSName"="Windows Server 2022 Datacenter"
"OSPlatformId"="2"
"OSVersion"="10.0.20348"
"ProcessorArchitecture"="9"
"ProductType"="3"
"ServicePackMajor"="0"
"ServicePackMinor"="0"
"SuiteMask"="400"
"CSDVersion"=""

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="AM4AA1180911032"
"HostingSystemEditionId"=dword:000000a8
"HostingSystemNestedLevel"=dword:00000000
"HostingSystemOsMajor"=dword:0000000a
"HostingSystemOsMinor"=dword:00000000
"HostingSystemProcessorArchitecture"=dword:00000009
"HostingSystemProcessorIdleStateMax"=dword:00000000
"HostingSystemProcessorThrottleMax"=dword:00000064
"HostingSystemProcessorThrottleMin"=dword:00000064
"HostingSystemSpMajor"=dword:00000000
"HostingSystemSpMinor"=dword:00000000
"PhysicalHostName"="AM4AA1180911032"
"PhysicalHostNameFullyQualified"="AM4AA1180911032"
"VirtualMachineDynamicMemoryBalancingEnabled"=dword:00000000
"VirtualMachineId"="B5C2E7A1-3D94-4F08-9A6E-71C0D4B8E253"
"VirtualMachineName"="6f1d2c8e-94b7-4a3e-b05f-2e7c9a1d4b86"

`;
