// A Windows Server 2012 guest on a Windows Technical Preview host (6.4), as `reg export` writes it
// in November 2014: the one case KB3004908 was offered to (kvp-reference.md §4.1). The host wrote
// the base 11 Parameters values of that era (kvp-reference.md §1.4).
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="APP01.corp.contoso.com"
"IntegrationServicesVersion"="6.2.9200.16433"
"NetworkAddressIPv4"="10.20.30.41"
"NetworkAddressIPv6"="fe80::4d1c:9a2b:7e3f:11a2%12"
"OSBuildNumber"="9200"
"OSEditionId"="8"
"OSMajorVersion"="6"
"OSMinorVersion"="2"
"OSName"="Windows Server 2012 Datacenter"
"OSPlatformId"="2"
"OSVersion"="6.2.9200"
"ProcessorArchitecture"="9"
"ProductType"="3"
"ServicePackMajor"="0"
"ServicePackMinor"="0"
"SuiteMask"="400"
"CSDVersion"=""

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="HVTP01.corp.contoso.com"
"PhysicalHostName"="HVTP01"
"PhysicalHostNameFullyQualified"="HVTP01.corp.contoso.com"
"VirtualMachineName"="APP01"
"VirtualMachineId"="3F2A9C41-7D0B-4E55-9A6C-1B2E8D4F0C77"
"HostingSystemEditionId"="8"
"HostingSystemOsMajor"="6"
"HostingSystemOsMinor"="4"
"HostingSystemSpMajor"="0"
"HostingSystemSpMinor"="0"
"HostingSystemProcessorArchitecture"="9"

`;
