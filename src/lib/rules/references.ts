// Public Microsoft documentation the checks cite, by title and address: what a reader can open
// to check a statement for themselves. Each address is the published form of a file in a public
// Microsoft documentation repository (MicrosoftDocs/windowsserverdocs, Virtualization-Documentation,
// win32, sdk-api, windows-powershell-docs) that the rule's comment names.

export interface Reference {
  title: string;
  url: string;
}

function doc(title: string, url: string): Reference {
  return { title, url };
}

export const DOCS = {
  manageIntegrationServices: doc(
    'Manage Hyper-V integration services',
    'https://learn.microsoft.com/windows-server/virtualization/hyper-v/manage/manage-hyper-v-integration-services',
  ),
  integrationServices: doc(
    'Hyper-V Integration Services',
    'https://learn.microsoft.com/virtualization/hyper-v-on-windows/reference/integration-services',
  ),
  dataExchange: doc(
    'Data Exchange: Using key-value pairs to share information between the host and guest on Hyper-V',
    'https://learn.microsoft.com/windows-server/virtualization/hyper-v/integration-services-data-exchange',
  ),
  icThroughWindowsUpdate: doc(
    'Hyper-V integration components are available through Windows Update (November 2014)',
    'https://learn.microsoft.com/virtualization/community/team-blog/2014/20141111-hyper-v-integration-components-are-available-through-windows-update',
  ),
  icApplicability: doc(
    'Integration components: How we determine Windows Update applicability (November 2014)',
    'https://learn.microsoft.com/virtualization/community/team-blog/2014/20141124-integration-components-how-we-determine-windows-update-applicability',
  ),
  supportedGuests: doc(
    'Supported Windows guest operating systems for Hyper-V on Windows Server',
    'https://learn.microsoft.com/windows-server/virtualization/hyper-v/supported-windows-guest-operating-systems-for-hyper-v-on-windows',
  ),
  enableHyperV: doc(
    'Install Hyper-V on Windows',
    'https://learn.microsoft.com/virtualization/hyper-v-on-windows/quick-start/enable-hyper-v',
  ),
  getProductInfo: doc(
    'GetProductInfo function (sysinfoapi.h)',
    'https://learn.microsoft.com/windows/win32/api/sysinfoapi/nf-sysinfoapi-getproductinfo',
  ),
  systemInfo: doc(
    'SYSTEM_INFO structure (sysinfoapi.h)',
    'https://learn.microsoft.com/windows/win32/api/sysinfoapi/ns-sysinfoapi-system_info',
  ),
  osVersion: doc(
    'Operating System Version',
    'https://learn.microsoft.com/windows/win32/sysinfo/operating-system-version',
  ),
  kvpDataItem: doc(
    'Msvm_KvpExchangeDataItem class',
    'https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-kvpexchangedataitem',
  ),
  kvpSettingData: doc(
    'Msvm_KvpExchangeComponentSettingData class',
    'https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-kvpexchangecomponentsettingdata',
  ),
  virtualPcGuestParameter: doc(
    'IVMGuestOS::GetParameter method',
    'https://learn.microsoft.com/windows/win32/vpc/ivmguestos-getparameter',
  ),
  enableIntegrationService: doc(
    'Enable-VMIntegrationService',
    'https://learn.microsoft.com/powershell/module/hyper-v/enable-vmintegrationservice',
  ),
  nestedVirtualization: doc(
    'Run Hyper-V in a Virtual Machine with Nested Virtualization',
    'https://learn.microsoft.com/virtualization/hyper-v-on-windows/user-guide/nested-virtualization',
  ),
} as const satisfies Record<string, Reference>;
