// A Windows Server 2025 guest on an Azure Local cluster node, as `reg export` writes it. The
// host's edition is 406 (PRODUCT_AZURESTACKHCI_SERVER_CORE, "GetProductInfo function"); it reports
// 10.0 like every current host, so its Azure Local release is not in the values — but a Windows
// Server 2025 guest is supported only on Azure Local 2311.2 or later ("Supported Windows guest
// operating systems for Hyper-V on Windows Server"). On premises, HostName is the node's
// fully qualified name (kvp-reference.md §1.4).
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="SQL-PROD-03.corp.fabrikam.example"
"IntegrationServicesVersion"="10.0.26100.1"
"NetworkAddressIPv4"="172.20.14.31"
"NetworkAddressIPv6"="fe80::c41e:2b9d:7a05:e368%5"
"OSBuildNumber"="26100"
"OSEditionId"="8"
"OSMajorVersion"="10"
"OSMinorVersion"="0"
"OSName"="Windows Server 2025 Datacenter"
"OSPlatformId"="2"
"OSVersion"="10.0.26100"
"ProcessorArchitecture"="9"
"ProductType"="3"
"ServicePackMajor"="0"
"ServicePackMinor"="0"
"SuiteMask"="400"
"CSDVersion"=""

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="AZL-NODE02.corp.fabrikam.example"
"HostingSystemEditionId"=dword:00000196
"HostingSystemNestedLevel"=dword:00000000
"HostingSystemOsMajor"=dword:0000000a
"HostingSystemOsMinor"=dword:00000000
"HostingSystemProcessorArchitecture"=dword:00000009
"HostingSystemProcessorIdleStateMax"=dword:00000000
"HostingSystemProcessorThrottleMax"=dword:00000064
"HostingSystemProcessorThrottleMin"=dword:00000005
"HostingSystemSpMajor"=dword:00000000
"HostingSystemSpMinor"=dword:00000000
"PhysicalHostName"="AZL-NODE02"
"PhysicalHostNameFullyQualified"="AZL-NODE02.corp.fabrikam.example"
"VirtualMachineDynamicMemoryBalancingEnabled"=dword:00000001
"VirtualMachineId"="E93A0B47-6C1D-4F25-8B7E-0D4C2A9F6E18"
"VirtualMachineName"="SQL-PROD-03"

`;
