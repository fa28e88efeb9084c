// What people make of the 2014 blog post: a Windows 8 guest whose Parameters were edited by hand
// in Notepad (saved as "Unicode", i.e. UTF-16LE with BOM) to pretend a 6.4 host. It carries the
// blog prose's spelling HostSystemOSMajor (Windows reads HostingSystemOsMajor, kvp-reference.md
// §1.1) and lines regedit would skip (reg-format.md §2.2–§2.5).
export const text = `Windows Registry Editor Version 5.00

; Pretend to be on a Technical Preview host so Windows Update offers the new ICs
[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Auto]
"OSMajorVersion"="6"
"OSMinorVersion"="2"
"OSName"="Windows 8 Pro"
"OSVersion"="6.2.9200"

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Virtual Machine\\Guest\\Parameters]
"HostName"="devbox.home.example"
"PhysicalHostName"="DEVBOX"
"PhysicalHostNameFullyQualified"="workstation.home.example"
"VirtualMachineName"="Win8 test"
"VirtualMachineId"="{not-a-guid}"
"HostingSystemEditionId"=dword:00000065
"HostSystemOSMajor"=dword:00000006
"HostSystemOSMinor"=dword:00000004
"HostingSystemOsMajor"=dword:000000006
"HostingSystemOsMinor"="4
# "HostingSystemSpMajor"="0"
"HostingSystemProcessorArchitecture"=dword:00000009 # x64
"hostingsystemosminor"="3"

`;
