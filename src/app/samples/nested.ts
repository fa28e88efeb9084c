// A Windows Server 2022 guest whose Hyper-V host is itself a virtual machine: a Windows Server
// 2022 Datacenter VM with nested virtualization turned on, in a lab ("Run Hyper-V in a Virtual
// Machine with Nested Virtualization"). Such a host writes HostingSystemNestedLevel 1 (its meaning
// is undocumented: presumably the host's own nesting depth, kvp-reference.md §1.4), and
// PhysicalHostName names that VM, not the hardware under it.
export const text = `Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"FullyQualifiedDomainName"="LAB-DC01.lab.contoso.example"
"IntegrationServicesVersion"="10.0.20348.1"
"NetworkAddressIPv4"="192.168.100.10"
"NetworkAddressIPv6"="fe80::2a7c:e91f:b034:6d58%3"
"OSBuildNumber"="20348"
"OSEditionId"="7"
"OSMajorVersion"="10"
"OSMinorVersion"="0"
"OSName"="Windows Server 2022 Standard"
"OSPlatformId"="2"
"OSVersion"="10.0.20348"
"ProcessorArchitecture"="9"
"ProductType"="2"
"ServicePackMajor"="0"
"ServicePackMinor"="0"
"SuiteMask"="272"
"CSDVersion"=""

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\External]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest]

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="HV-LAB-L1.lab.contoso.example"
"HostingSystemEditionId"=dword:00000008
"HostingSystemNestedLevel"=dword:00000001
"HostingSystemOsMajor"=dword:0000000a
"HostingSystemOsMinor"=dword:00000000
"HostingSystemProcessorArchitecture"=dword:00000009
"HostingSystemProcessorIdleStateMax"=dword:00000000
"HostingSystemProcessorThrottleMax"=dword:00000064
"HostingSystemProcessorThrottleMin"=dword:00000005
"HostingSystemSpMajor"=dword:00000000
"HostingSystemSpMinor"=dword:00000000
"PhysicalHostName"="HV-LAB-L1"
"PhysicalHostNameFullyQualified"="HV-LAB-L1.lab.contoso.example"
"VirtualMachineDynamicMemoryBalancingEnabled"=dword:00000000
"VirtualMachineId"="0C7E4A92-1B3F-4D68-A5E0-9F2D8B6C1A47"
"VirtualMachineName"="LAB-DC01"

`;
