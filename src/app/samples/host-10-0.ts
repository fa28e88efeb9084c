// A Windows Server 2019 guest on a Windows Server 2022 host (10.0) that writes all 16 Parameters
// values (kvp-reference.md §0, §1.4), with the numbers stored as REG_DWORD. 10.0 hosts have no
// Integration Services disk; this guest gets its ICs with its own cumulative updates (§4.2).
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="SQL07.ad.northwind.example"
"IntegrationServicesVersion"="10.0.17763.1"
"NetworkAddressIPv4"="10.1.8.27;10.1.9.27"
"NetworkAddressIPv6"="fe80::f1d3:6c2a:90b4:5e17%6"
"OSBuildNumber"="17763"
"OSEditionId"="8"
"OSMajorVersion"="10"
"OSMinorVersion"="0"
"OSName"="Windows Server 2019 Datacenter"
"OSPlatformId"="2"
"OSVersion"="10.0.17763"
"ProcessorArchitecture"="9"
"ProductType"="3"
"ServicePackMajor"="0"
"ServicePackMinor"="0"
"SuiteMask"="400"
"CSDVersion"=""

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="HVC-R2-N04.ad.northwind.example"
"HostingSystemEditionId"=dword:00000008
"HostingSystemNestedLevel"=dword:00000000
"HostingSystemOsMajor"=dword:0000000a
"HostingSystemOsMinor"=dword:00000000
"HostingSystemProcessorArchitecture"=dword:00000009
"HostingSystemProcessorIdleStateMax"=dword:00000000
"HostingSystemProcessorThrottleMax"=dword:00000064
"HostingSystemProcessorThrottleMin"=dword:00000005
"HostingSystemSpMajor"=dword:00000000
"HostingSystemSpMinor"=dword:00000000
"PhysicalHostName"="HVC-R2-N04"
"PhysicalHostNameFullyQualified"="HVC-R2-N04.ad.northwind.example"
"VirtualMachineDynamicMemoryBalancingEnabled"=dword:00000000
"VirtualMachineId"="C1E5A4B2-0F3D-4A6E-B7C8-2D9F1E0A5B63"
"VirtualMachineName"="SQL07"

`;
