// A Windows 7 SP1 guest whose integration services run (Auto is filled in) but which has no
// Guest\Parameters: the host never sent its values (Data Exchange off, or the host's
// DisableHostKVPItems), so Windows Update cannot offer IC updates (kvp-reference.md §1.5, §6).
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="PC-LAB-07"
"IntegrationServicesVersion"="6.3.9600.18080"
"NetworkAddressIPv4"="172.16.5.107"
"NetworkAddressIPv6"="fe80::9c04:2e11:5ab7:c3d1%11"
"OSBuildNumber"="7601"
"OSEditionId"="4"
"OSMajorVersion"="6"
"OSMinorVersion"="1"
"OSName"="Windows 7 Enterprise"
"OSPlatformId"="2"
"OSVersion"="6.1.7601"
"ProcessorArchitecture"="9"
"ProductType"="1"
"ServicePackMajor"="1"
"ServicePackMinor"="0"
"SuiteMask"="256"
"CSDVersion"="Service Pack 1"

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

`;
