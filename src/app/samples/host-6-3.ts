// A Windows Server 2008 R2 SP1 guest on a Windows Server 2012 R2 host (6.3): KVP works, but
// KB3004908 was offered only to VMs on 6.4 hosts (kvp-reference.md §4.1); on a 6.3 host the
// integration components come from the Integration Services disk (§4.2).
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="FILE02.fabrikam.local"
"IntegrationServicesVersion"="6.3.9600.16384"
"NetworkAddressIPv4"="192.168.40.12"
"NetworkAddressIPv6"="fe80::a5c2:31ff:fe09:7b20%11"
"OSBuildNumber"="7601"
"OSEditionId"="7"
"OSMajorVersion"="6"
"OSMinorVersion"="1"
"OSName"="Windows Server 2008 R2 Standard"
"OSPlatformId"="2"
"OSVersion"="6.1.7601"
"ProcessorArchitecture"="9"
"ProductType"="3"
"ServicePackMajor"="1"
"ServicePackMinor"="0"
"SuiteMask"="272"
"CSDVersion"="Service Pack 1"

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="HV-NODE3.fabrikam.local"
"PhysicalHostName"="HV-NODE3"
"PhysicalHostNameFullyQualified"="HV-NODE3.fabrikam.local"
"VirtualMachineName"="FILE02"
"VirtualMachineId"="A7C3E2D1-55B4-4F0E-8C21-9D6B3A0E4F18"
"HostingSystemEditionId"="8"
"HostingSystemOsMajor"="6"
"HostingSystemOsMinor"="3"
"HostingSystemSpMajor"="0"
"HostingSystemSpMinor"="0"
"HostingSystemProcessorArchitecture"="9"

`;
