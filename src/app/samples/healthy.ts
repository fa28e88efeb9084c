// What a healthy guest looks like today: a Windows Server 2022 guest (build 20348) on a 10.0
// host, as `reg export` writes it. The host sent all 16 Parameters values of current hosts, the
// numbers as REG_DWORD (kvp-reference.md §1.4, §7.4), and Auto agrees with itself: OSName,
// OSVersion, OSBuildNumber, OSEditionId 8 (Datacenter), ProductType 3 (server) and SuiteMask
// 0x190 (Datacenter + Terminal Services + single-user TS) describe one Windows (§2, §3).
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="WEB12.corp.tailspin.example"
"IntegrationServicesVersion"="10.0.20348.1"
"NetworkAddressIPv4"="10.40.2.112"
"NetworkAddressIPv6"="fe80::8a1e:47ff:fe2c:9d31%4"
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
"HostName"="HV22-N07.corp.tailspin.example"
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
"PhysicalHostName"="HV22-N07"
"PhysicalHostNameFullyQualified"="HV22-N07.corp.tailspin.example"
"VirtualMachineDynamicMemoryBalancingEnabled"=dword:00000001
"VirtualMachineId"="5B0E7C2A-91D4-4F63-A8E5-3C7D19B02F46"
"VirtualMachineName"="WEB12"

`;
