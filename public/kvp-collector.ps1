<#
.SYNOPSIS
Collects what a Hyper-V host knows about its virtual machines' Data Exchange (KVP), for KVP Analyzer.

.DESCRIPTION
Run on the Hyper-V host, in PowerShell as administrator (Windows PowerShell 5.1 or PowerShell 7).
For every virtual machine, or those named with -VMName, it records the name, ID, state,
generation and configuration version; each integration service with its status; the items the
guest reports (GuestIntrinsicExchangeItems and GuestExchangeItems); and the host's
DisableHostKVPItems setting. It adds the host's own Windows version, build and edition, and
writes everything to one UTF-8 JSON file to open in KVP Analyzer. It only reads; it changes nothing.

It is written from Microsoft's documentation of the cmdlets and WMI classes it uses (named at
each step). It has not been run by its authors: PowerShell cannot run on the machines KVP
Analyzer is built and tested on. The file it writes is read by the page's tests from files built
to the same shape.

.PARAMETER VMName
The virtual machines to collect; all of them when left out.

.PARAMETER Path
Where to write the JSON file; kvp-collector-<host name>.json in the current folder when left out.

.EXAMPLE
.\kvp-collector.ps1

.EXAMPLE
.\kvp-collector.ps1 -VMName web-01,web-02 -Path C:\Temp\kvp.json

.NOTES
If scripts are blocked on the host, run it once with:
powershell.exe -ExecutionPolicy Bypass -File .\kvp-collector.ps1
#>
#Requires -RunAsAdministrator
#Requires -Modules Hyper-V
[CmdletBinding()]
param(
    [string[]] $VMName,
    [string] $Path = ('kvp-collector-{0}.json' -f $env:COMPUTERNAME)
)

$ErrorActionPreference = 'Stop'
$namespace = 'root\virtualization\v2'

# An enum or other value as text, $null kept as $null (ConvertTo-Json in Windows PowerShell 5.1
# would write enums as numbers).
function ConvertTo-Text($value) {
    if ($null -eq $value) { $null } else { "$value" }
}

# Msvm_KvpExchangeDataItem embedded instances (CIM-XML) -> name/data pairs, read with the XPath
# of "Data Exchange: Using key-value pairs to share information between the host and guest on
# Hyper-V" (learn.microsoft.com/windows-server/virtualization/hyper-v/integration-services-data-exchange).
function Get-KvpItem($embeddedInstances) {
    foreach ($text in @($embeddedInstances)) {
        if (-not $text) { continue }
        $xml = [xml]$text
        $name = $xml.SelectSingleNode("/INSTANCE/PROPERTY[@NAME='Name']/VALUE/child::text()")
        $data = $xml.SelectSingleNode("/INSTANCE/PROPERTY[@NAME='Data']/VALUE/child::text()")
        if ($name) {
            [ordered]@{ name = $name.Value; data = $(if ($data) { $data.Value } else { '' }) }
        }
    }
}

# The host: Win32_OperatingSystem (Caption, Version, BuildNumber, OperatingSystemSKU = the
# PRODUCT_* edition number) and Win32_ComputerSystem (Manufacturer, Model: tells a host that is
# itself a virtual machine).
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$computer = Get-CimInstance -ClassName Win32_ComputerSystem
$hostInfo = [ordered]@{
    name         = $os.CSName
    osName       = $os.Caption
    version      = $os.Version
    build        = [int]$os.BuildNumber
    editionId    = [int]$os.OperatingSystemSKU
    manufacturer = $computer.Manufacturer
    model        = $computer.Model
}

$vms = @(if ($VMName) {
        foreach ($name in $VMName) {
            try { Get-VM -Name $name } catch { Write-Warning "No virtual machine named '$name' on this host." }
        }
    } else { Get-VM })

$results = @(foreach ($vm in $vms) {
    $errors = @()

    # Get-VMIntegrationService: Name, Enabled, Primary/SecondaryOperationalStatus (for example
    # ProtocolMismatch: the guest's integration services are out of date), and the status texts.
    $services = @()
    try {
        $services = @(Get-VMIntegrationService -VM $vm | ForEach-Object {
                [ordered]@{
                    name                       = $_.Name
                    id                         = ConvertTo-Text $_.Id
                    enabled                    = [bool]$_.Enabled
                    primaryStatus              = ConvertTo-Text $_.PrimaryOperationalStatus
                    primaryStatusDescription   = ConvertTo-Text $_.PrimaryStatusDescription
                    secondaryStatus            = ConvertTo-Text $_.SecondaryOperationalStatus
                    secondaryStatusDescription = ConvertTo-Text $_.SecondaryStatusDescription
                }
            })
    } catch { $errors += "Get-VMIntegrationService: $($_.Exception.Message)" }

    # Msvm_KvpExchangeComponent (root\virtualization\v2), associated with the VM's
    # Msvm_ComputerSystem (whose Name is the VM's ID): the items the guest reports. It exists
    # while the VM runs; for a VM that is off the item lists stay null.
    $intrinsic = $null
    $guest = $null
    $disableHostKvpItems = $null
    try {
        $system = Get-CimInstance -Namespace $namespace -ClassName Msvm_ComputerSystem -Filter ("Name='{0}'" -f $vm.Id)
        $kvp = Get-CimAssociatedInstance -InputObject $system -ResultClassName Msvm_KvpExchangeComponent |
            Select-Object -First 1
        if ($kvp) {
            $intrinsic = @(Get-KvpItem $kvp.GuestIntrinsicExchangeItems)
            $guest = @(Get-KvpItem $kvp.GuestExchangeItems)
        }
        # Msvm_KvpExchangeComponentSettingData.DisableHostKVPItems (Windows 10 1703 and later;
        # absent, so null, on older hosts), reached through the VM's current settings
        # (Msvm_SettingsDefineState -> Msvm_VirtualSystemSettingData -> its components).
        $settings = Get-CimAssociatedInstance -InputObject $system -Association Msvm_SettingsDefineState -ResultClassName Msvm_VirtualSystemSettingData |
            Select-Object -First 1
        $kvpSettings = Get-CimAssociatedInstance -InputObject $settings -ResultClassName Msvm_KvpExchangeComponentSettingData |
            Select-Object -First 1
        if ($kvpSettings -and $kvpSettings.CimInstanceProperties['DisableHostKVPItems']) {
            $disableHostKvpItems = $kvpSettings.CimInstanceProperties['DisableHostKVPItems'].Value
        }
    } catch { $errors += "Data Exchange (WMI): $($_.Exception.Message)" }

    # Get-VM: Name, Id, State, Generation, Version (the configuration version, as in
    # "Get-VM * | Format-Table Name, Version").
    [ordered]@{
        name                 = $vm.Name
        id                   = ConvertTo-Text $vm.Id
        state                = ConvertTo-Text $vm.State
        generation           = $vm.Generation
        configurationVersion = ConvertTo-Text $vm.Version
        integrationServices  = $services
        guestIntrinsicItems  = $intrinsic
        guestItems           = $guest
        disableHostKvpItems  = $disableHostKvpItems
        errors               = $errors
    }
})

$file = [ordered]@{
    kvpAnalyzerCollector = 1
    collectedAt          = (Get-Date).ToUniversalTime().ToString('o')
    host                 = $hostInfo
    vms                  = $results
}
$json = ConvertTo-Json -InputObject $file -Depth 6
# UTF-8 without a byte-order mark; the path is resolved against PowerShell's current folder.
$fullPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
[System.IO.File]::WriteAllText($fullPath, $json, (New-Object System.Text.UTF8Encoding $false))
Write-Host ('Wrote {0} virtual machine(s) to {1}. Open this file in KVP Analyzer.' -f $results.Count, $fullPath)
